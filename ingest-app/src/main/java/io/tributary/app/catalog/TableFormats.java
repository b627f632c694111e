package io.tributary.app.catalog;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.app.config.IcebergWiring;
import io.tributary.app.config.ServiceConfig;
import io.tributary.catalog.CatalogSync;
import io.tributary.commit.HiveSink;
import io.tributary.commit.LedgerTableFormat;
import io.tributary.commit.TableFormatFactory;
import io.tributary.firehose.FirehoseSettings;
import io.tributary.firehose.FirehoseSink;
import io.tributary.firehose.seam.FirehoseDatasetSink;
import io.tributary.iceberg.IcebergCatalogs;
import io.tributary.iceberg.IcebergCommitMetrics;
import io.tributary.iceberg.IcebergFormats;
import io.tributary.iceberg.ObjectStoreFileIO;
import io.tributary.iceberg.SinkRoute;
import io.tributary.store.ObjectStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The table format of a checked configuration: Hive Parquet for every dataset; or, when some datasets are
 * {@code table-format: iceberg}, an {@link IcebergFormats} over the configured Iceberg catalog (opened on first use,
 * its files written through {@code store} where the catalog allows); or, when some datasets are
 * {@code sink: firehose}, their rows sent to Firehose ({@link FirehoseDatasetSink}) and the others (and the error
 * files) as Hive Parquet; or all three in one service (the Iceberg format routing the Firehose datasets to their
 * sink, {@link SinkRoute}); always under the one commit ledger.
 */
public final class TableFormats {
  private static final Logger LOG = LoggerFactory.getLogger(TableFormats.class);

  private TableFormats() {}

  /** The factory the landing builds its format with; a Firehose delivery counts in {@code registry}. */
  public static TableFormatFactory open(ServiceConfig service, ObjectStore store, MeterRegistry registry) {
    return open(service, store, registry, CatalogSync.none());
  }

  /**
   * As above, with Firehose datasets' rows sent only once {@code catalog} holds their schema version (the Glue table
   * Firehose converts with: it drops every field the table lacks).
   */
  public static TableFormatFactory open(ServiceConfig service, ObjectStore store, MeterRegistry registry,
      CatalogSync catalog) {
    return open(service, store, settings -> settings.open(registry), catalog, new IcebergCommitMetrics(registry));
  }

  /** The factory, with the Firehose delivery {@code firehose} opens from the settings; no catalog awaited. */
  public static TableFormatFactory open(ServiceConfig service, ObjectStore store,
      Function<FirehoseSettings, FirehoseSink> firehose) {
    return open(service, store, firehose, CatalogSync.none());
  }

  /**
   * The factory, with the Firehose delivery {@code firehose} opens from the settings (a stand-in in tests), and
   * Firehose datasets' rows sent only once {@code catalog} holds their schema version.
   *
   * <p>With Firehose and Iceberg datasets together, a {@code sink: firehose} dataset goes to Firehose whatever its
   * {@code table-format}; the Iceberg datasets land as tables, the rest as Hive Parquet, under the one ledger.
   */
  public static TableFormatFactory open(ServiceConfig service, ObjectStore store,
      Function<FirehoseSettings, FirehoseSink> firehose, CatalogSync catalog) {
    return open(service, store, firehose, catalog, IcebergCommitMetrics.unpublished());
  }

  /** As above, with the Iceberg commits timed in {@code commits}. */
  private static TableFormatFactory open(ServiceConfig service, ObjectStore store,
      Function<FirehoseSettings, FirehoseSink> firehose, CatalogSync catalog, IcebergCommitMetrics commits) {
    Optional<IcebergWiring> iceberg = service.iceberg();
    Optional<FirehoseSettings> delivery = service.firehoseSettings();
    SinkRoute toFirehose = SinkRoute.NONE;
    if (delivery.isPresent()) {
      FirehoseSettings settings = delivery.get();
      LOG.info("Datasets with sink: firehose go to delivery streams {} in {}", settings.streams().template(),
          settings.region());
      Map<String, Boolean> sends = new ConcurrentHashMap<>();
      toFirehose = new SinkRoute(dataset -> sends.computeIfAbsent(dataset, service::sendsToFirehose),
          new FirehoseDatasetSink(firehose.apply(settings), catalog));
    }
    if (iceberg.isEmpty()) {
      return delivery.isEmpty() ? TableFormatFactory.hive() : firehose(toFirehose);
    }
    IcebergWiring wiring = iceberg.get();
    ObjectStoreFileIO io = new ObjectStoreFileIO(store, wiring.storeRoot());
    LOG.info("Iceberg datasets land in catalog {} ({}), namespace {}", wiring.catalogName(),
        wiring.catalog().description(), wiring.namespace());
    return new IcebergFormats(IcebergCatalogs.lazy(wiring.catalogName(), wiring.catalog(), io, wiring.namespace()),
        wiring.settings(), wiring.catalog().description(), commits, toFirehose);
  }

  /** Firehose datasets to their sink, the others and the error files as Hive Parquet; one ledger decides. */
  private static TableFormatFactory firehose(SinkRoute toFirehose) {
    return context -> {
      HiveSink hive = new HiveSink(context.store(), context.layout(), context.parquet());
      return new LedgerTableFormat(context.store(), context.layout(), context.owner(), context.clock(), hive,
          dataset -> toFirehose.datasets().test(dataset) ? toFirehose.sink() : hive);
    };
  }

  /** Why the table format cannot work now (the Iceberg catalog unreachable), empty when it can. */
  public static Optional<String> problem(TableFormatFactory formats) {
    return formats instanceof IcebergFormats iceberg ? iceberg.problem() : Optional.empty();
  }
}
