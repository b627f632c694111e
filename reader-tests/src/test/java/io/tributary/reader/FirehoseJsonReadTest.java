package io.tributary.reader;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.firehose.ShapedRow;
import io.tributary.firehose.ShapedRowJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON that {@code sink: firehose} sends, read by an engine we did not write under the table that
 * {@code tributary ddl} prints: a drifting corpus (new top-level and nested fields, a map, a configured timestamp,
 * values rescued, an integer into a double column) is landed in the lake by the engine, and the same lines are
 * shaped and encoded by {@link ShapedRowJson} into the folders Firehose's dynamic partitioning makes from
 * {@code _event_time}. Spark reads those JSON lines with its JSON reader under the DDL's columns and partition keys
 * (the Hive JSON SerDe Firehose uses is not on Spark's classpath here), and every value equals what Spark reads from
 * the engine's own Parquet files under the DDL as printed.
 */
class FirehoseJsonReadTest {
  private static final long T = 1_763_704_800_000L; // 2025-11-21T06:00:00Z
  private static final long INGEST_MICROS = 1_763_712_000_000_000L;
  private static final Pattern COLUMN = Pattern.compile("^  `([^`]+)` ", Pattern.MULTILINE);

  @TempDir
  static Path dir;
  private static SparkReader spark;
  private static String ddl;
  private static List<String> columns;

  @BeforeAll
  static void landAndEncode() throws Exception {
    LakeFixture lake = new LakeFixture(dir, """
        datasets:
          events:
            timestamp-fields: [paid_at]
            overrides:
              attrs: map
        """);
    String corpus = """
        {"id": 1, "ts": %d, "user": {"name": "ann"}, "items": [{"sku": "a", "qty": 1}], "attrs": {"color": "red"}, \
        "paid_at": "2025-11-21T06:00:01.123456Z", "user-id": "u1", "score": 1.25}
        {"id": 2, "ts": %d, "user": {"name": "bob", "email": "b@x"}, "items": [{"sku": "b", "qty": 2, "price": 1.5}, \
        {"sku": "c"}], "attrs": {"size": "L", "color": null}, "score": 2}
        {"id": "three", "ts": %d, "user": {"name": "cy", "email": {"bad": 1}}, "paid_at": "not a time"}
        {"id": 4, "ts": %d, "flag": true, "nested": {"deep": {"x": 1, "tags": ["p", "q"]}}, "Café": "x"}
        """.formatted(T + 1000, T + 2000, T + 3000, T + 3_600_000 + 4000);
    lake.land("events", corpus);
    ddl = lake.ddl("spark");
    spark = SparkReader.get();
    spark.useNewDatabase("firehose_json");
    spark.script(ddl);

    String partition = spark.rows("SELECT DISTINCT _partition FROM events").get(0).getString(0);
    Path json = dir.resolve("firehose/events");
    for (ShapedRow row : FirehoseRows.shape(lake.config(), "events", partition, corpus.strip(), INGEST_MICROS)) {
      // Firehose's dynamic partitioning: year=!{partitionKeyFromQuery:year}/... from ._event_time[0:4] and so on.
      String time = ShapedRowJson.timestamp(row.eventTimeMicros());
      Path folder = Files.createDirectories(json.resolve("year=" + time.substring(0, 4) + "/month="
          + time.substring(5, 7) + "/day=" + time.substring(8, 10) + "/hour=" + time.substring(11, 13)));
      Files.write(folder.resolve("tributary-events-1.json"), ShapedRowJson.encode(row), StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }

    columns = new ArrayList<>();
    Matcher m = COLUMN.matcher(ddl);
    while (m.find()) {
      columns.add(m.group(1));
    }
    String columnList = ddl.substring(ddl.indexOf("(\n") + 2, ddl.indexOf("\n)\nPARTITIONED BY"));
    String keys = ddl.substring(ddl.indexOf("PARTITIONED BY (") + "PARTITIONED BY (".length(),
        ddl.indexOf(")\nSTORED AS PARQUET"));
    spark.session().sql("CREATE TABLE events_firehose (\n" + columnList + ",\n  `_event_time` timestamp,\n  " + keys
        + ")\nUSING json OPTIONS ('timestampFormat' = 'yyyy-MM-dd HH:mm:ss.SSSSSS')\n"
        + "PARTITIONED BY (year, month, day, hour)\nLOCATION '" + json.toUri() + "'");
    spark.session().sql("MSCK REPAIR TABLE events_firehose");
  }

  @Test
  void everyValueReadsBackAsTheLakeHoldsIt() {
    String select = columns.stream().filter(c -> !c.equals("_ingest_time") && !c.startsWith("year"))
        .map(c -> "`" + c + "`").reduce((a, b) -> a + ", " + b).orElseThrow()
        + ", year, month, day, hour FROM %s ORDER BY CAST(_offset AS BIGINT)";
    List<Row> lake = spark.rows("SELECT " + select.formatted("events"));
    List<Row> firehose = spark.rows("SELECT " + select.formatted("events_firehose"));

    assertThat(lake).hasSize(4);
    assertThat(columns).contains("_rescued", "paid_at", "attrs", "nested", "user_id", "cafe");
    assertThat(firehose).containsExactlyElementsOf(lake);
  }

  @Test
  void timestampsRescuedValuesAndTheEventTimeComeThrough() {
    List<Row> rows = spark.rows("SELECT paid_at, _ingest_time, _event_time, _rescued, id, nested.deep.tags, hour "
        + "FROM events_firehose ORDER BY CAST(_offset AS BIGINT)");

    assertThat(rows.get(0).<Instant>getAs(0)).isEqualTo(Instant.parse("2025-11-21T06:00:01.123456Z"));
    assertThat(rows.get(0).<Instant>getAs(1)).isEqualTo(Instant.ofEpochSecond(0, INGEST_MICROS * 1000));
    assertThat(rows.get(0).<Instant>getAs(2)).isEqualTo(Instant.ofEpochMilli(T + 1000));
    assertThat(rows.get(2).getString(3)).contains("\"/id\"", "\"three\"", "\"/user/email\"", "\"/paid_at\"");
    assertThat(rows.get(2).get(4)).isNull();
    assertThat(rows.get(3).<Instant>getAs(2)).isEqualTo(Instant.ofEpochMilli(T + 3_600_000 + 4000));
    assertThat(rows.get(3).getInt(6)).isEqualTo(7);
    assertThat(rows.get(3).get(5).toString()).contains("p", "q");
  }
}
