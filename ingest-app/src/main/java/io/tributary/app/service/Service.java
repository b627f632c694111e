package io.tributary.app.service;

import io.tributary.app.catalog.Catalogs;
import io.tributary.app.catalog.TableFormats;
import io.tributary.commit.TableFormatFactory;
import io.tributary.app.config.ServiceConfig;
import io.tributary.catalog.CatalogSync;
import io.tributary.kafka.KafkaSource;
import io.tributary.kinesis.KinesisSource;
import io.tributary.landing.Landing;
import io.tributary.layout.LakeLayout;
import io.tributary.landing.Backoff;
import io.tributary.metrics.SourceLagMetrics;
import io.tributary.app.metrics.MetricsRegistries;
import io.tributary.source.Source;
import io.tributary.source.SourceState;
import io.tributary.store.ObjectStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running service: store, landing layer, source, HTTP endpoints. Built from a checked configuration. */
public final class Service implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Service.class);
  private static final long STORE_CHECK_MILLIS = 10_000;

  private final ServiceConfig config;
  private final String probeKey;
  private final ObjectStore store;
  private final Landing landing;
  private final Source source;
  private final HealthServer http;
  private final MetricsRegistries metrics;
  private final CatalogSync catalog;
  private final TableFormatFactory formats;
  private volatile long storeCheckedAt;
  private volatile String storeProblem;

  private Service(ServiceConfig config, ObjectStore store, Landing landing, Source source,
      MetricsRegistries metrics, CatalogSync catalog, TableFormatFactory formats) {
    this.formats = formats;
    this.metrics = metrics;
    this.catalog = catalog;
    this.config = config;
    this.probeKey = new LakeLayout(config.landingSettings().prefix(), config.landingSettings().errorPrefix())
        .stateKey("readiness-probe");
    this.store = store;
    this.landing = landing;
    this.source = source;
    // Last: the server may call notReady() at once, which reads the fields above.
    this.http = config.httpPort() == 0 ? null : new HealthServer(config.httpPort(), this::notReady,
        metrics.prometheusEnabled() ? metrics::scrape : () -> null);
  }

  /**
   * Opens the store, starts the source and (unless {@code http.port} is 0) the HTTP endpoints; every meter goes to
   * {@code metrics}, which the service closes (publishing the last values) when it stops.
   */
  public static Service start(ServiceConfig config, MetricsRegistries metrics) {
    config.requireLakeSinks();
    ObjectStore store = config.openStore();
    // The catalog runs on its own thread; the landing layer tells it what it published and committed.
    CatalogSync catalog = Catalogs.open(config, metrics.registry());
    TableFormatFactory formats = TableFormats.open(config, store);
    Landing landing = new Landing(config.landingSettings(), store, Clock.systemUTC(), Backoff.exponential(),
        metrics.registry(), catalog, formats);
    Source source;
    if (config.kinesisSource()) {
      source = new KinesisSource(config.kinesisSettings(), landing, config.instanceId(), null);
    } else {
      KafkaSource kafka = new KafkaSource(config.kafkaSettings(), landing, config.instanceId());
      kafka.bindMetrics(metrics.registry());
      source = kafka;
    }
    SourceLagMetrics.bind(metrics.registry(), source::lag);
    Service service = new Service(config, store, landing, source, metrics, catalog, formats);
    LOG.info("Landing in {} (instance {})", config.storeDescription(), config.instanceId());
    source.start();
    return service;
  }

  public Source source() {
    return source;
  }

  public Landing landing() {
    return landing;
  }

  /** The catalog the landing layer keeps in step ({@code catalog.type}). */
  public CatalogSync catalog() {
    return catalog;
  }

  public Optional<Integer> httpPort() {
    return Optional.ofNullable(http).map(HealthServer::port);
  }

  /**
   * Null when ready: the source runs and owns its partitions, the store and the Iceberg catalog answer. Else why
   * not.
   */
  public String notReady() {
    SourceState state = source.state();
    if (state != SourceState.RUNNING) {
      return source.blockedBy().orElse("source " + state.name().toLowerCase(java.util.Locale.ROOT));
    }
    Optional<String> table = TableFormats.problem(formats);
    if (table.isPresent()) {
      return table.get();
    }
    long now = System.currentTimeMillis();
    if (now - storeCheckedAt > STORE_CHECK_MILLIS) {
      try {
        store.get(probeKey);
        storeProblem = null;
      } catch (RuntimeException e) {
        storeProblem = "store unreachable: " + e.getMessage();
      }
      storeCheckedAt = now;
    }
    return storeProblem;
  }

  /** The drain on SIGTERM: stop the source (it rolls and commits), then the rest. True when all was committed. */
  public boolean drain(Duration deadline) {
    boolean stopped = source.stop(deadline);
    landing.close();
    catalog.close();
    if (http != null) {
      http.close();
    }
    metrics.close();
    return stopped;
  }

  @Override
  public void close() {
    drain(config.shutdownDeadline());
  }
}
