package io.tributary.app.firehose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.app.backfill.Backfill;
import io.tributary.app.catalog.TableFormats;
import io.tributary.app.config.ConfigException;
import io.tributary.app.config.ConfigLoader;
import io.tributary.app.config.ServiceConfig;
import io.tributary.catalog.CatalogSync;
import io.tributary.firehose.DeliveryStreams;
import io.tributary.firehose.FirehoseDelivery;
import io.tributary.firehose.FirehoseMetrics;
import io.tributary.firehose.FirehoseStandIn;
import io.tributary.firehose.RetryPolicy;
import io.tributary.landing.Landing;
import io.tributary.store.LocalFileStore;
import io.tributary.store.ObjectStore;
import io.tributary.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A landing built through {@link TableFormats} with {@code orders} as {@code sink: firehose} and {@code audit} in
 * the lake, backfilled from files: the Firehose client (the production one, pointed at {@link FirehoseStandIn}'s
 * local endpoint; the stand-in's SDK interceptor captures each PutRecordBatch and injects the answers) gets every
 * orders record, the lake gets audit's files and none of orders', bad lines still land in the error prefix, and a
 * throttled Firehose holds the flush (the landing's back-off) until it accepts. Firehose and Iceberg datasets together
 * are refused at start.
 */
class FirehoseLandingTest {
  private static final int ROWS = 300;
  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

  @TempDir Path dir;

  @Test
  void firehoseDatasetRowsAreSentNotLandedAndErrorsStillLandInTheErrorPrefix() throws Exception {
    try (FirehoseStandIn standIn = new FirehoseStandIn()) {
      // Throttled past the delivery's own retry: the flush fails as a retryable store failure and is retried.
      standIn.queue(new FirehoseStandIn.FailCall(400, "ThrottlingException"),
          new FirehoseStandIn.FailCall(400, "ThrottlingException"),
          new FirehoseStandIn.FailCall(400, "ThrottlingException"));
      List<StoreException> backoffs = new CopyOnWriteArrayList<>();

      Backfill.Result orders = backfill(standIn, backoffs, "orders", lines(0, ROWS) + "{\"id\": 1, broken\n"
          + "{\"id\": -2, \"ts\": \"not a time\"}\n");
      Backfill.Result audit = backfill(standIn, backoffs, "audit", lines(0, 10));

      assertThat(orders.landed()).isEqualTo(ROWS);
      assertThat(orders.errors()).isEqualTo(2);
      assertThat(audit.landed()).isEqualTo(10);
      Set<Long> sent = new TreeSet<>();
      standIn.delivered().forEach(json -> sent.add(id(json)));
      assertThat(sent).as("every orders record reached Firehose at least once").hasSize(ROWS)
          .contains(0L, (long) ROWS - 1);
      assertThat(standIn.requests()).allMatch(r -> r.deliveryStreamName().equals("raw-orders"));
      assertThat(backoffs).as("the throttled flush was held and retried").isNotEmpty()
          .allMatch(StoreException::retryable)
          .allSatisfy(e -> assertThat(e).hasMessageContaining("Firehose"));

      ObjectStore lake = new LocalFileStore(dir.resolve("lake"));
      assertThat(lake.list("lake/orders/")).as("no data file for a Firehose dataset").isEmpty();
      assertThat(lake.list("lake/audit/")).isNotEmpty().allMatch(k -> k.endsWith(".parquet"));
      assertThat(lake.list("errors/orders/")).as("a row of orders that failed").isNotEmpty()
          .allMatch(k -> k.endsWith(".parquet"));
      assertThat(lake.list("errors/_unrouted/")).as("a line that is not JSON").isNotEmpty();
    }
  }

  @Test
  void firehoseAndIcebergDatasetsInOneServiceAreRefusedAtStartNamingBothKeys() throws Exception {
    Path config = Files.writeString(dir.resolve("both.yaml"), "store:\n  type: local\n  path: "
        + dir.resolve("lake") + "\ncatalog:\n  type: jdbc\n  jdbc:\n    url: jdbc:sqlite:" + dir.resolve("c.db")
        + "\nfirehose:\n  region: us-east-1\ndataset-defaults:\n  table-format: iceberg\n"
        + "datasets:\n  orders:\n    sink: firehose\n");
    ServiceConfig service = ServiceConfig.withoutSource(ConfigLoader.standard().load(config));

    assertThatThrownBy(() -> TableFormats.open(service, service.openStore(), new SimpleMeterRegistry()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("sink: firehose")
        .hasMessageContaining("table-format: iceberg");
  }

  private Backfill.Result backfill(FirehoseStandIn standIn, List<StoreException> backoffs, String stream,
      String corpus) throws Exception {
    Path file = Files.writeString(dir.resolve(stream + ".jsonl"), corpus);
    Path config = dir.resolve("tributary.yaml");
    Files.writeString(config, "store:\n  type: local\n  path: " + dir.resolve("lake") + "\n"
        + "lake:\n  prefix: lake\n  error-prefix: errors\n"
        + "firehose:\n  region: us-east-1\n  delivery-stream: raw-{dataset}\n"
        + "dataset-defaults:\n  event-time-field: ts\n"
        + "datasets:\n  orders:\n    sink: firehose\n");
    ServiceConfig service = ServiceConfig.withoutSource(ConfigLoader.standard().load(config));
    ObjectStore store = service.openStore();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Landing landing = new Landing(service.landingSettings(), store, Clock.systemUTC(),
        (attempt, failure) -> backoffs.add(failure), registry, CatalogSync.none(),
        TableFormats.open(service, store, settings -> new FirehoseDelivery(standIn.client(), settings.streams(),
            new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(1), 1), millis -> { },
            new FirehoseMetrics(registry))));
    try {
      return new Backfill(landing, service.landingSettings().limits().maxRecordBytes()).run(stream, List.of(file));
    } finally {
      landing.close();
    }
  }

  private static String lines(int from, int to) {
    StringBuilder lines = new StringBuilder();
    for (int i = from; i < to; i++) {
      lines.append("{\"id\": ").append(i).append(", \"ts\": ").append(1_763_683_200_000L + i * 1000L)
          .append(", \"name\": \"n").append(i).append("\"}\n");
    }
    return lines.toString();
  }

  private static long id(String json) {
    Matcher m = ID.matcher(json);
    assertThat(m.find()).as("an id in %s", json).isTrue();
    return Long.parseLong(m.group(1));
  }
}
