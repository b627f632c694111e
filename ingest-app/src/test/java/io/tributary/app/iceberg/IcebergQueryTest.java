package io.tributary.app.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.app.Main;
import io.tributary.iceberg.ObjectStoreFileIO;
import io.tributary.store.LocalFileStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary query} on an Iceberg dataset reads its table's current snapshot, end to end: backfilled into a
 * JdbcCatalog on SQLite over a local folder, then an unreferenced data file beside the table's (what a commit of
 * unknown outcome leaves for orphan cleanup), then {@code tributary maintain}'s compaction, which leaves the replaced
 * files until snapshot expiry: each row is counted once all along, though the folder holds more rows. The events
 * carry top-level {@code _event_time}, {@code _source_partition} and {@code _file} fields, names the table gives its
 * own columns or Iceberg reserves: they land, and read back under the table's names.
 */
class IcebergQueryTest {
  private static final long DAY_1 = 1_763_683_200_000L; // 2025-11-21T00:00:00Z
  private static final long DAY = 86_400_000L;
  private static final int ROWS = 80;

  @TempDir Path dir;

  @Test
  void queryCountsEachRowOnceBesideAnOrphanFileAndAfterCompaction() throws Exception {
    Path lake = dir.resolve("lake");
    Path config = backfilled(lake, corpus(0, ROWS / 2), corpus(ROWS / 2, ROWS));

    // A data file no snapshot references, as a commit whose outcome was unknown leaves it.
    Path someFile = dataFiles(lake).get(0);
    Files.copy(someFile, someFile.resolveSibling("orders+part-9+0-orphan.parquet"));
    assertThat(countOfTheFolder(lake)).as("the folder holds a row twice").isGreaterThan(ROWS);
    assertThat(query(config, "SELECT count(*), count(DISTINCT id) FROM orders")).isEqualTo(ROWS + "," + ROWS);

    int filesBefore = snapshotFiles(lake).size();
    run("maintain", "--config", config.toString());
    assertThat(snapshotFiles(lake)).as("compacted").hasSizeLessThan(filesBefore);
    assertThat(countOfTheFolder(lake)).as("the replaced files await expiry").isGreaterThan(2 * ROWS);
    assertThat(query(config, "SELECT count(*), count(DISTINCT id) FROM orders")).isEqualTo(ROWS + "," + ROWS);

    // --since: Iceberg prunes the first day's partitions by their bounds.
    assertThat(query(config, "--since", "2025-11-22", "SELECT count(*), min(_event_time) >= TIMESTAMPTZ "
        + "'2025-11-22 00:00:00+00' FROM orders")).isEqualTo(ROWS / 2 + ",true");
  }

  @Test
  void dataFieldsNamedEventTimeSourcePartitionAndFileLandAndReadBackUnderTheTablesNames() throws Exception {
    Path lake = dir.resolve("lake");
    Path config = backfilled(lake, corpus(0, ROWS));

    try (IcebergReader reader = new IcebergReader(lake.resolve("catalog.db"), io(lake))) {
      List<Record> rows = IcebergReader.rows(reader.table("orders"));
      assertThat(IcebergReader.counts(rows, "id")).hasSize(ROWS)
          .allSatisfy((id, count) -> assertThat(count).isOne());
      Record row = rows.stream().filter(r -> (Long) r.getField("id") == 7).findFirst().orElseThrow();
      assertThat(List.of(row.getField("_event_time_"), row.getField("_source_partition_"), row.getField("_file_")))
          .containsExactly("t7", 7L, "f7");
      assertThat((String) row.getField("_source_partition")).as("Tributary's _partition").startsWith("part-1");
      assertThat(((java.time.OffsetDateTime) row.getField("_event_time")).toInstant().toEpochMilli())
          .isEqualTo(ts(7));
    }
    // DuckDB reads the files by name: the data column is _event_time_ there too, the event time _event_time.
    assertThat(query(config, "SELECT count(*) FROM orders WHERE _event_time_ = 't' || id AND _file = 'f' || id "
        + "AND _source_partition = id AND epoch_ms(_event_time) = " + DAY_1 + " + (CASE WHEN id % 4 < 2 THEN 0 "
        + "ELSE " + DAY + " END) + id * 1000")).isEqualTo(String.valueOf(ROWS));
  }

  @Test
  void withoutItsCatalogAnIcebergTableGetsNoViewAndANote() throws Exception {
    Path lake = dir.resolve("lake");
    Path config = backfilled(lake, corpus(0, ROWS));

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new String[] {"query", "--lake", lake.toString(), "SELECT count(*) FROM orders"},
        new PrintWriter(out, true), new PrintWriter(err, true));

    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).contains("orders is an Iceberg table: no view without its catalog (give --config");
  }

  /** The configuration of {@code lake}, into which each of {@code parts} has been backfilled (a file each). */
  private Path backfilled(Path lake, String... parts) throws Exception {
    Path config = config(lake);
    Path exports = Files.createDirectories(dir.resolve("exports"));
    for (int i = 0; i < parts.length; i++) {
      Files.writeString(exports.resolve("part-" + (i + 1) + ".jsonl"), parts[i]);
    }
    run("backfill", "--config", config.toString(), "--stream", "orders", exports.toString());
    return config;
  }

  private Path config(Path lake) throws Exception {
    Path config = dir.resolve("tributary.yaml");
    Files.writeString(config, "store:\n  type: local\n  path: " + lake + "\n"
        + "catalog:\n  type: jdbc\n  jdbc:\n    url: jdbc:sqlite:" + lake.resolve("catalog.db") + "\n"
        + "dataset-defaults:\n  table-format: iceberg\n  event-time-field: ts\n  granularity: day\n"
        + "  partition-fields: [region]\n  maintenance:\n    min-age: 0s\n");
    return config;
  }

  /** Lines {@code from..to-1}: two days, two regions, and fields named like the table's own columns. */
  private static String corpus(int from, int to) {
    StringBuilder lines = new StringBuilder();
    for (int i = from; i < to; i++) {
      lines.append("{\"id\": ").append(i).append(", \"ts\": ").append(ts(i)).append(", \"region\": \"")
          .append(i % 2 == 0 ? "eu" : "us").append("\", \"_event_time\": \"t").append(i)
          .append("\", \"_source_partition\": ").append(i).append(", \"_file\": \"f").append(i).append("\"}\n");
    }
    return lines.toString();
  }

  private static long ts(int i) {
    return DAY_1 + (i % 4 < 2 ? 0 : DAY) + i * 1000L;
  }

  private static ObjectStoreFileIO io(Path lake) {
    return new ObjectStoreFileIO(new LocalFileStore(lake), "file:" + lake.toAbsolutePath().normalize());
  }

  private List<String> snapshotFiles(Path lake) throws Exception {
    try (IcebergReader reader = new IcebergReader(lake.resolve("catalog.db"), io(lake))) {
      Table table = reader.table("orders");
      List<String> files = new ArrayList<>();
      try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
        tasks.forEach(task -> files.add(task.file().location()));
      }
      return files;
    }
  }

  private static List<Path> dataFiles(Path lake) throws Exception {
    try (Stream<Path> files = Files.walk(lake.resolve("orders").resolve("data"))) {
      return files.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
    }
  }

  /** The rows of every Parquet file in the table's folder: what reading the folder, as query did, counts. */
  private static long countOfTheFolder(Path lake) throws Exception {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement();
        ResultSet rs = statement.executeQuery("SELECT count(*) FROM read_parquet('"
            + lake.resolve("orders").resolve("data") + "/**/*.parquet', union_by_name=true)")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String query(Path config, String... arguments) {
    List<String> args = new ArrayList<>(List.of("query", "--config", config.toString(), "--format", "csv"));
    args.addAll(List.of(arguments));
    String out = run(args.toArray(String[]::new));
    return out.lines().skip(1).findFirst().orElseThrow();
  }

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(status).as(err.toString()).isZero();
    return out.toString();
  }
}
