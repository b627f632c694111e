package io.tributary.app.firehose;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.app.Main;
import io.tributary.app.backfill.Backfill;
import io.tributary.app.catalog.TableFormats;
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
import java.io.PrintWriter;
import java.io.StringWriter;
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
 * throttled Firehose holds the flush (the landing's back-off) until it accepts. Firehose, Iceberg (a JdbcCatalog on
 * SQLite) and Hive datasets land together in one service, each its way.
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
  void firehoseIcebergAndHiveDatasetsLandTogetherInOneService() throws Exception {
    String iceberg = "catalog:\n  type: jdbc\n  jdbc:\n    url: jdbc:sqlite:" + dir.resolve("lake").resolve("c.db")
        + "\n";
    String datasets = "  clicks:\n    table-format: iceberg\n";
    try (FirehoseStandIn standIn = new FirehoseStandIn()) {
      List<StoreException> backoffs = new CopyOnWriteArrayList<>();

      Backfill.Result orders = backfill(standIn, backoffs, "orders", lines(0, 40), iceberg, datasets);
      Backfill.Result clicks = backfill(standIn, backoffs, "clicks", lines(0, 30), iceberg, datasets);
      Backfill.Result audit = backfill(standIn, backoffs, "audit", lines(0, 10), iceberg, datasets);

      assertThat(List.of(orders.landed(), clicks.landed(), audit.landed())).containsExactly(40L, 30L, 10L);
      Set<Long> sent = new TreeSet<>();
      standIn.delivered().forEach(json -> sent.add(id(json)));
      assertThat(sent).as("orders went to Firehose").hasSize(40);
      assertThat(standIn.requests()).allMatch(r -> r.deliveryStreamName().equals("raw-orders"));
      ObjectStore lake = new LocalFileStore(dir.resolve("lake"));
      assertThat(lake.list("lake/orders/")).as("no data file for a Firehose dataset").isEmpty();
      assertThat(lake.list("lake/audit/")).as("Hive Parquet").isNotEmpty()
          .allMatch(k -> k.endsWith(".parquet") && !k.contains("/data/"));
      assertThat(lake.list("lake/clicks/metadata/")).as("an Iceberg table").isNotEmpty();
      StringWriter out = new StringWriter();
      assertThat(Main.run(new String[] {"query", "--config", dir.resolve("tributary.yaml").toString(), "--format",
          "csv", "SELECT (SELECT count(DISTINCT id) FROM clicks), (SELECT count(*) FROM audit)"},
          new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))).isZero();
      assertThat(out.toString().lines().skip(1).findFirst()).contains("30,10");
    }
  }

  private Backfill.Result backfill(FirehoseStandIn standIn, List<StoreException> backoffs, String stream,
      String corpus) throws Exception {
    return backfill(standIn, backoffs, stream, corpus, "", "");
  }

  /** With {@code more} at the top level and {@code datasets} under {@code datasets:} beside orders. */
  private Backfill.Result backfill(FirehoseStandIn standIn, List<StoreException> backoffs, String stream,
      String corpus, String more, String datasets) throws Exception {
    Path file = Files.writeString(dir.resolve(stream + ".jsonl"), corpus);
    Path config = dir.resolve("tributary.yaml");
    Files.writeString(config, "store:\n  type: local\n  path: " + dir.resolve("lake") + "\n"
        + "lake:\n  prefix: lake\n  error-prefix: errors\n"
        + "firehose:\n  region: us-east-1\n  delivery-stream: raw-{dataset}\n"
        + "dataset-defaults:\n  event-time-field: ts\n"
        + more + "datasets:\n  orders:\n    sink: firehose\n" + datasets);
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
