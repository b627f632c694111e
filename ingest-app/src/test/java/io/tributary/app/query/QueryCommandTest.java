package io.tributary.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.app.Main;
import io.tributary.iceberg.scan.TableSnapshots;
import io.tributary.store.LocalFileStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary query}: DuckDB's real error, statements without rows, output formats, consistent column types,
 * and only the selected files read.
 */
class QueryCommandTest {

  @TempDir
  static Path dir;
  static Path lake;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** orders: 2100 backfilled lines (offsets 1 to 2100); kinesis: two rows with 56-digit sequence numbers. */
  @BeforeAll
  static void lake() throws Exception {
    lake = dir.resolve("lake");
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 2100; i++) {
      lines.append("{\"id\": ").append(i).append(", \"ts\": 1763704800000, \"note\": \"")
          .append(i == 7 ? "x".repeat(100) : "n, \\\"q\\\"").append("\"}\n");
    }
    Path file = Files.writeString(dir.resolve("orders.jsonl"), lines.toString());
    Path config = Files.writeString(dir.resolve("t.yaml"), "store:\n  type: local\n  path: " + lake
        + "\ndataset-defaults:\n  event-time-field: ts\n");
    assertThat(Main.run(new String[] {"backfill", "-c", config.toString(), "-s", "orders", file.toString()},
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))).isZero();
    Path kinesis = Files.createDirectories(lake.resolve("kinesis/year=2025/month=11/day=21/hour=06"));
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
      sql.execute("COPY (SELECT * FROM (VALUES ('49590338271490256608559692538361571095921575989136588898'), "
          + "('7')) t(_offset)) TO '" + kinesis.resolve("a.parquet") + "'");
    }
  }

  private int query(String... args) {
    List<String> all = new ArrayList<>(List.of("query", "--lake", lake.toString()));
    all.addAll(List.of(args));
    return Main.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void aFailedQueryShowsDuckDbsRealErrorNotItsWrapper() {
    assertThat(query("SELECT * FROM nosuch")).isEqualTo(1);
    assertThat(err.toString()).contains("Query failed: Catalog Error: Table with name nosuch does not exist")
        .doesNotContain("Attempting to execute").contains("Datasets (views): kinesis, orders\n");
  }

  @Test
  void theSqlIsRequired() {
    assertThat(query()).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required parameter: 'SQL'");
  }

  @Test
  void aStatementWithoutRowsSucceeds() {
    Path target = dir.resolve("copy.parquet");
    assertThat(query("COPY (SELECT id FROM orders) TO '" + target + "'")).as(err.toString()).isZero();
    assertThat(target).isRegularFile();
    assertThat(err.toString()).startsWith("OK");
  }

  @Test
  void partitionColumnsAreIntegersAndKafkaOffsetsNumbers() {
    assertThat(query("-f", "csv", "SELECT typeof(year), typeof(month), typeof(day), typeof(hour), "
        + "typeof(_offset), max(_offset) FROM orders GROUP BY ALL")).as(err.toString()).isZero();
    assertThat(out.toString()).endsWith("INTEGER,INTEGER,INTEGER,INTEGER,BIGINT,2100\r\n");
  }

  @Test
  void offsetsBeyondSixtyFourBitsStayText() {
    assertThat(query("-f", "csv", "SELECT typeof(_offset), typeof(hour) FROM kinesis LIMIT 1")).isZero();
    assertThat(out.toString()).endsWith("VARCHAR,INTEGER\r\n");
  }

  @Test
  void csvQuotesAndJsonTypesEachValue() {
    assertThat(query("-f", "csv", "SELECT id, note FROM orders WHERE id = 1")).isZero();
    assertThat(out.toString()).isEqualTo("id,note\r\n1,\"n, \"\"q\"\"\"\r\n");
    out.getBuffer().setLength(0);
    assertThat(query("--format", "json", "SELECT id, note, _offset, NULL AS nothing, {'a': 1} AS s, [1, 2] AS l "
        + "FROM orders WHERE id = 1")).isZero();
    assertThat(out.toString()).isEqualTo("{\"id\":1,\"note\":\"n, \\\"q\\\"\",\"_offset\":1,\"nothing\":null,"
        + "\"s\":{\"a\":1},\"l\":[1,2]}\n");
    assertThat(query("--format", "xml", "SELECT 1")).isEqualTo(2);
    assertThat(err.toString()).contains("'xml' is not a format: allowed table, csv, json");
  }

  @Test
  void tableCellsAreCutAtSixtyUnlessToldOtherwise() {
    assertThat(query("SELECT note FROM orders WHERE id = 7")).isZero();
    assertThat(out.toString()).contains("x".repeat(59) + "…").doesNotContain("x".repeat(61));
    out.getBuffer().setLength(0);
    assertThat(query("--max-width", "0", "SELECT note FROM orders WHERE id = 7")).isZero();
    assertThat(out.toString()).contains("x".repeat(100));
  }

  @Test
  void fromAStoreOnlyTheSelectedFilesAreDownloadedAndCounted() throws Exception {
    List<String> notes = new ArrayList<>();
    try (LakeQuery query = LakeQuery.open(new LocalFileStore(lake), "", "_errors", Optional.empty(),
        new Selection(Set.of("kinesis"), Optional.empty()), TableSnapshots.NONE, notes::add)) {
      assertThat(query.datasets()).containsExactly("kinesis");
      assertThat(query.run("SELECT count(*) FROM kinesis").rows().get(0).get(0)).isEqualTo(2L);
    }
    assertThat(notes.get(0)).startsWith("Downloading 1 files");
    assertThat(notes.get(1)).startsWith("Downloaded 1 files, 0.0 MiB");
  }

  @Test
  void sinceKeepsPartitionsThatEndAfterIt() {
    Selection since = new Selection(Set.of(), Optional.of(LocalDateTime.parse("2025-11-21T06:00")));
    assertThat(since.includes("orders/year=2025/month=11/day=21/hour=06/a.parquet")).isTrue();
    assertThat(since.includes("orders/year=2025/month=11/day=21/hour=05/a.parquet")).isFalse();
    assertThat(since.includes("orders/year=2025/month=11/day=21/a.parquet")).isTrue();
    assertThat(since.includes("orders/year=2025/month=11/day=20/a.parquet")).isFalse();
    assertThat(since.includes("orders/year=2026/a.parquet")).isTrue();
    Selection dataset = new Selection(Set.of("orders"), Optional.empty());
    assertThat(dataset.includes("orders/year=2020/a.parquet")).isTrue();
    assertThat(dataset.includes("kinesis/year=2025/a.parquet")).isFalse();
  }
}
