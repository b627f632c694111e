package io.tributary.app.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.app.Main;
import io.tributary.buffer.RollingPolicy;
import io.tributary.catalog.CatalogSync;
import io.tributary.iceberg.IcebergCatalogSpec;
import io.tributary.iceberg.IcebergCatalogs;
import io.tributary.iceberg.IcebergCommitMetrics;
import io.tributary.iceberg.IcebergFormats;
import io.tributary.iceberg.IcebergSettings;
import io.tributary.iceberg.ObjectStoreFileIO;
import io.tributary.iceberg.SinkRoute;
import io.tributary.landing.Backoff;
import io.tributary.landing.Landing;
import io.tributary.partition.Granularity;
import io.tributary.source.Position;
import io.tributary.source.SourcePartition;
import io.tributary.source.SourceRecord;
import io.tributary.store.LocalFileStore;
import io.tributary.store.ObjectStore;
import io.tributary.store.s3.S3ObjectStore;
import io.tributary.testing.S3ProxyServer;
import io.tributary.testing.TestLandings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Type;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code tributary backfill} into Iceberg tables, end to end: a real JdbcCatalog on SQLite, the table files in a
 * local folder and, again, in S3 (S3Proxy), a drifting corpus (a new nested field, a map column, a list of structs
 * whose element gains a field) read back independently with Iceberg's generic reader: every row once, the evolved
 * columns, {@code _event_time}, partitions by day and by the dataset's field key, bad records in the error prefix,
 * and a second run that lands nothing twice. Also the Iceberg commit's timer on a quiet landing, for its figures.
 */
class IcebergBackfillTest {
  private static final long DAY_1 = 1_763_683_200_000L; // 2025-11-21T00:00:00Z
  private static final long DAY = 86_400_000L;
  private static final int ROWS = 120;
  private static final long HOUR_06 = 1_763_704_800_000L;
  private static final int PARTITIONS = 3;
  private static final int PER_PARTITION = 400;
  private static final int PER_FILE = 20;

  @TempDir static Path shared;
  private static S3ProxyServer s3;

  @BeforeAll
  static void startS3() {
    s3 = S3ProxyServer.launch(shared.resolve("s3"));
    // The store and the reader sign with the default credentials chain, as the service does.
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
  }

  @AfterAll
  static void stopS3() {
    if (s3 != null) {
      s3.close();
    }
  }

  @ParameterizedTest(name = "store {0}")
  @ValueSource(strings = {"local", "s3"})
  void aDriftingCorpusLandsOnceAsAnEvolvedIcebergTableAndBadRecordsInTheErrorPrefix(String storeType,
      @TempDir Path dir) throws Exception {
    Path exports = Files.createDirectories(dir.resolve("exports"));
    Files.writeString(exports.resolve("part-1.jsonl"), corpus(0, ROWS / 2, false));
    Files.writeString(exports.resolve("part-2.jsonl"), corpus(ROWS / 2, ROWS, true));
    Path catalogDb = dir.resolve("catalog.db");
    String store = storeType.equals("local")
        ? "store:\n  type: local\n  path: " + dir.resolve("lake") + "\n"
        : "store:\n  type: s3\n  s3:\n    bucket: " + S3ProxyServer.DEFAULT_BUCKET + "\n    region: "
            + S3ProxyServer.REGION + "\n    endpoint: " + s3.endpoint() + "\n    path-style: true\n";
    String prefix = "lake-" + storeType + "-" + dir.getFileName();
    Path config = dir.resolve("tributary.yaml");
    Files.writeString(config, store + "lake:\n  prefix: " + prefix + "\n  error-prefix: " + prefix + "-errors\n"
        + "catalog:\n  type: jdbc\n  jdbc:\n    url: jdbc:sqlite:" + catalogDb + "\n"
        + "dataset-defaults:\n  table-format: iceberg\n  event-time-field: ts\n  granularity: day\n"
        + "  partition-fields: [region]\n  overrides:\n    counts: map\n");

    String first = backfill(config, exports);
    assertThat(first).contains("Backfilled 2 files, " + (ROWS + 2) + " records", ROWS + " landed, 2 to the error "
        + "prefix, 0 already there");

    ObjectStore objects = storeType.equals("local") ? new LocalFileStore(dir.resolve("lake"))
        : new S3ObjectStore(s3.settings(S3ProxyServer.DEFAULT_BUCKET));
    String root = storeType.equals("local") ? "file:" + dir.resolve("lake").toAbsolutePath().normalize()
        : "s3://" + S3ProxyServer.DEFAULT_BUCKET;
    try (IcebergReader reader = new IcebergReader(catalogDb, new ObjectStoreFileIO(objects, root))) {
      Table table = reader.table("orders");
      assertThat(table.location()).isEqualTo(root + "/" + prefix + "/orders");
      assertThat(table.spec().fields()).extracting(f -> f.transform().toString() + "(" + f.name() + ")")
          .containsExactly("day(_event_time_day)", "identity(region)");
      Type city = table.schema().findType("user.address.city");
      assertThat(city).as("the nested field added by the drift").isNotNull();
      assertThat(table.schema().findType("counts").isMapType()).isTrue();
      assertThat(table.schema().findType("items.element.price")).as("a field added inside a list of structs")
          .isNotNull();

      List<Record> rows = IcebergReader.rows(table);
      Map<Long, Integer> ids = IcebergReader.counts(rows, "id");
      assertThat(ids).hasSize(ROWS);
      assertThat(ids.values()).containsOnly(1);
      Record late = rows.stream().filter(r -> (Long) r.getField("id") == ROWS - 1).findFirst().orElseThrow();
      assertThat(late.getField("_event_time")).isEqualTo(OffsetDateTime.ofInstant(
          Instant.ofEpochMilli(ts(ROWS - 1)), ZoneOffset.UTC));
      assertThat(((Record) ((Record) late.getField("user")).getField("address")).getField("city")).isEqualTo("c"
          + (ROWS - 1));
      assertThat(late.getField("counts")).isEqualTo(Map.of("k" + (ROWS - 1), (long) ROWS - 1));
      assertThat(((Record) ((List<?>) late.getField("items")).get(0)).getField("price")).isEqualTo(1.5);

      Set<String> partitions = new HashSet<>();
      try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
        tasks.forEach(task -> partitions.add(task.file().partition().toString()));
      }
      assertThat(partitions).hasSize(4); // two days by two regions
      // Each file is a source partition: its commits are in the snapshot summaries.
      assertThat(table.currentSnapshot().summary().keySet()).anyMatch(k -> k.startsWith("tributary.orders/part-"));

      // Bad lines are Parquet error rows in the error prefix, as for Hive datasets.
      assertThat(objects.list(prefix + "-errors/orders/")).isNotEmpty().allMatch(k -> k.endsWith(".parquet"));

      assertThat(backfill(config, exports)).contains("0 landed, 0 to the error prefix, " + (ROWS + 2)
          + " already there");
      table.refresh();
      assertThat(IcebergReader.rows(table)).hasSize(ROWS);
    }
  }

  /**
   * The Iceberg commit duration ({@code tributary.iceberg.commit.duration}) on a quiet landing over the same catalog
   * and stores: three source partitions landed in small flushes (one commit each). The timer holds one sample per
   * commit (as many as the table has snapshots), every row is there once, and the distribution is printed as a
   * {@code LATENCY} line for docs/reliability.md (no timed assertion).
   */
  @ParameterizedTest(name = "store {0}")
  @ValueSource(strings = {"local", "s3"})
  void everyIcebergCommitOfAQuietLandingIsTimedOnce(String storeType, @TempDir Path dir) throws Exception {
    ObjectStore store = storeType.equals("local") ? new LocalFileStore(dir.resolve("lake"))
        : new S3ObjectStore(s3.settings(S3ProxyServer.DEFAULT_BUCKET));
    String root = storeType.equals("local") ? "file:" + dir.resolve("lake").toAbsolutePath().normalize()
        : "s3://" + S3ProxyServer.DEFAULT_BUCKET;
    String location = root + "/latency-" + dir.getFileName();
    ObjectStoreFileIO io = new ObjectStoreFileIO(store, root);
    IcebergCatalogSpec.Jdbc spec = new IcebergCatalogSpec.Jdbc("jdbc:sqlite:" + dir.resolve("catalog.db"), null,
        null, location);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    IcebergFormats formats = new IcebergFormats(IcebergCatalogs.lazy("tributary", spec, io, "tributary"),
        new IcebergSettings("tributary", dataset -> true,
            dataset -> new IcebergSettings.TableLayout(Granularity.HOUR, List.of()), location, Map.of()),
        spec.description(), new IcebergCommitMetrics(registry), SinkRoute.NONE);
    Landing landing = new Landing(TestLandings.byStream("quiet", new RollingPolicy(Duration.ofHours(1), 8L << 20,
        PER_FILE)), store, Clock.systemUTC(), Backoff.exponential(), null, CatalogSync.none(), formats);
    for (int p = 0; p < PARTITIONS; p++) {
      landing.assign(new SourcePartition("orders", String.valueOf(p)));
    }
    for (int i = 0; i < PER_PARTITION; i++) {
      for (int p = 0; p < PARTITIONS; p++) {
        landing.accept(new SourceRecord("orders", String.valueOf(p), Position.of(i), null, List.of(), HOUR_06,
            ("{\"id\": " + (p * PER_PARTITION + i) + ", \"ts\": " + (HOUR_06 + i) + "}")
                .getBytes(StandardCharsets.UTF_8)));
      }
    }
    landing.close();

    Timer commits = registry.get("tributary.iceberg.commit.duration").tag("dataset", "orders").timer();
    try (IcebergReader reader = new IcebergReader(dir.resolve("catalog.db"), io)) {
      Table table = reader.table("orders");
      int snapshots = 0;
      for (Snapshot ignored : table.snapshots()) {
        snapshots++;
      }
      assertThat(commits.count()).as("one sample per commit, i.e. per snapshot").isEqualTo(snapshots)
          .isGreaterThanOrEqualTo(PARTITIONS * PER_PARTITION / PER_FILE);
      assertThat(IcebergReader.counts(IcebergReader.rows(table), "id")).hasSize(PARTITIONS * PER_PARTITION)
          .allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
    }
    HistogramSnapshot snapshot = commits.takeSnapshot();
    StringBuilder percentiles = new StringBuilder();
    for (ValueAtPercentile value : snapshot.percentileValues()) {
      percentiles.append(String.format(" p%.0f=%.1f ms", value.percentile() * 100,
          value.value(TimeUnit.MILLISECONDS)));
    }
    System.out.printf("LATENCY iceberg commit, JdbcCatalog/SQLite, store %s: commits=%d mean=%.1f ms%s max=%.1f ms%n",
        storeType, commits.count(), commits.mean(TimeUnit.MILLISECONDS), percentiles,
        commits.max(TimeUnit.MILLISECONDS));
  }

  /** Lines {@code from..to-1}; the second half adds user.address.city, counts entries and an item price. */
  private static String corpus(int from, int to, boolean drifted) {
    StringBuilder lines = new StringBuilder();
    for (int i = from; i < to; i++) {
      String user = drifted ? "{\"name\": \"u" + i + "\", \"address\": {\"city\": \"c" + i + "\"}}"
          : "{\"name\": \"u" + i + "\"}";
      String item = drifted ? "{\"sku\": \"s" + i + "\", \"qty\": 2, \"price\": 1.5}" : "{\"sku\": \"s" + i
          + "\", \"qty\": 1}";
      lines.append("{\"id\": ").append(i).append(", \"ts\": ").append(ts(i)).append(", \"region\": \"")
          .append(i % 2 == 0 ? "eu" : "us").append("\", \"user\": ").append(user).append(", \"items\": [")
          .append(item).append("], \"counts\": {\"k").append(i).append("\": ").append(i).append("}}\n");
    }
    lines.append(drifted ? "{\"id\": -1, \"broken\": \n" : "{\"id\": -2, \"ts\": \"not a time\"}\n");
    return lines.toString();
  }

  private static long ts(int i) {
    return DAY_1 + (i % 4 < 2 ? 0 : DAY) + i * 1000L;
  }

  private static String backfill(Path config, Path exports) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new String[] {"backfill", "--config", config.toString(), "--stream", "orders",
        exports.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(status).as(err.toString()).isZero();
    return out.toString();
  }
}
