package io.tributary.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary ddl}: the CREATE statement of each dataset at its latest schema version, in each dialect, with the
 * partition keys of the layout written (read from the files with {@code --lake}, from the configuration with
 * {@code --config}). Spark runs the statements over a real lake in the reader-tests module.
 */
class DdlCommandTest {
  @TempDir
  Path dir;
  private Path config;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void land() throws Exception {
    Path exports = Files.createDirectories(dir.resolve("exports"));
    Files.writeString(exports.resolve("orders.jsonl"), """
        {"id": 1, "ts": 1763704800000, "meta": {"region": "eu"}}
        {"id": 2, "ts": 1763704800000, "meta": {"region": "us"}, "user": {"name": "a"}}
        {"id": 3, "ts": 1763791200000, "meta": {"region": "eu"}, "user": {"name": "b", "tags": ["x"]}}
        not json
        """);
    config = dir.resolve("tributary.yaml");
    Files.writeString(config, "kafka:\n  bootstrap-servers: unused:9092\n  topics: [orders]\nstore:\n  type: local\n"
        + "  path: " + dir.resolve("lake") + "\ncatalog:\n  table-prefix: raw_\n"
        + "dataset-defaults:\n  event-time-field: ts\n  granularity: day\n  partition-fields: [meta.region]\n");
    assertThat(run("backfill", "--config", config.toString(), "--stream", "orders", exports.toString())).isZero();
    out.getBuffer().setLength(0);
  }

  @Test
  void athenaTablesHaveEveryColumnInSchemaOrderAndProjectionForTheLayoutWritten() {
    assertThat(run("ddl", "--lake", dir.resolve("lake").toString())).as(err.toString()).isZero();
    String ddl = out.toString();
    // id and ts (whole numbers, names that give no hint) wait for their type: the roll adds them, in version 4.
    assertThat(ddl).contains("-- dataset orders, schema version 4", "CREATE EXTERNAL TABLE IF NOT EXISTS `orders` (",
        "  `_ingest_time` timestamp,\n  `_source` string,\n  `_partition` string,\n  `_offset` string,\n"
            + "  `_rescued` string,\n  `meta` struct<`region`:string>,\n"
            + "  `user` struct<`name`:string,`tags`:array<string>>,\n  `id` bigint,\n  `ts` bigint\n)",
        "PARTITIONED BY (`year` int, `month` int, `day` int, `region` string)",
        "ROW FORMAT SERDE 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe'",
        "LOCATION '" + dir.resolve("lake").toUri() + "orders/'",
        "'tributary.schema.version'='4'", "'projection.day.digits'='2'", "'projection.region.type'='injected'",
        "'storage.location.template'='" + dir.resolve("lake").toUri()
            + "orders/year=${year}/month=${month}/day=${day}/region=${region}'",
        "CREATE EXTERNAL TABLE IF NOT EXISTS `tributary_errors`", "'projection.dataset.values'='_unrouted,orders'");
    assertThat(ddl).doesNotContain("MSCK");
  }

  @Test
  void sparkAndTrinoSayHowToRegisterPartitions() {
    assertThat(run("ddl", "--lake", dir.resolve("lake").toString(), "--dialect", "spark")).isZero();
    assertThat(out.toString()).contains("STORED AS PARQUET", "MSCK REPAIR TABLE `orders`;")
        .doesNotContain("projection.", "CREATE EXTERNAL TABLE IF NOT EXISTS `tributary_errors`");
    out.getBuffer().setLength(0);
    assertThat(run("ddl", "--lake", dir.resolve("lake").toString(), "--dialect", "trino")).isZero();
    assertThat(out.toString()).contains("CREATE TABLE IF NOT EXISTS \"orders\" (",
        "\"user\" row(\"name\" varchar, \"tags\" array(varchar))", "\"_ingest_time\" timestamp(3)",
        "\"day\" integer,\n  \"region\" varchar\n)", "partitioned_by = ARRAY['year', 'month', 'day', 'region']",
        "CALL system.sync_partition_metadata(schema_name => 'default', table_name => 'orders', mode => 'ADD');");
  }

  @Test
  void theConfigurationGivesTheLayoutAndTheTablePrefix() {
    assertThat(run("ddl", "--config", config.toString(), "--dataset", "orders")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("CREATE EXTERNAL TABLE IF NOT EXISTS `raw_orders`",
        "PARTITIONED BY (`year` int, `month` int, `day` int, `region` string)").doesNotContain("tributary_errors");
  }

  @Test
  void anUnknownDatasetOrDialectIsAnError() {
    assertThat(run("ddl", "--lake", dir.resolve("lake").toString(), "--dataset", "nope")).isEqualTo(1);
    assertThat(err.toString()).contains("No schema versions of dataset 'nope'");
    assertThat(run("ddl", "--lake", dir.resolve("lake").toString(), "--dialect", "hive")).isEqualTo(2);
    assertThat(err.toString()).contains("Invalid DDL dialect: 'hive': allowed values are athena, spark, trino");
  }

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }
}
