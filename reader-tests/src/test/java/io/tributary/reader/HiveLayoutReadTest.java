package io.tributary.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The Hive layout read by an engine we did not write: the engine lands drifting events (new nested fields, arrays of
 * structs, a map, a timestamp, a rescued value, names Athena cannot take, two schema versions in one partition),
 * {@code tributary ddl --dialect spark} prints the tables, Spark runs that DDL as printed and reads every row back.
 * Two layouts: hourly with a field key ({@code orders}), daily without one ({@code sessions}).
 */
class HiveLayoutReadTest {
  private static final long T = 1_763_704_800_000L; // 2025-11-21T06:00:00Z

  @TempDir
  static java.nio.file.Path dir;
  private static SparkReader spark;
  private static String ddl;

  @BeforeAll
  static void landAndCreateTables() throws Exception {
    LakeFixture lake = new LakeFixture(dir, """
        datasets:
          orders:
            partition-fields: [meta.region]
            timestamp-fields: [paid_at]
            overrides:
              attrs: map
          sessions:
            granularity: day
        """);
    lake.land("orders", """
        {"id": 1, "ts": %d, "meta": {"region": "eu"}, "user": {"name": "ann"}, "items": [{"sku": "a", "qty": 1}], \
        "attrs": {"color": "red"}, "paid_at": "2025-11-21T06:00:01.5Z", "user-id": "u1", "1st": true, "Café": "x"}
        {"id": 2, "ts": %d, "meta": {"region": "eu/west"}, "user": {"name": "bob", "email": "b@x"}, \
        "items": [{"sku": "b", "qty": 2, "price": 1.5}, {"sku": "c"}], "attrs": {"size": "L", "color": null}}
        {"id": "three", "ts": %d, "meta": {"region": "eu"}, "user": {"name": "cy"}}
        {"id": 4, "ts": %d, "user": {"name": "dan"}}
        """.formatted(T + 1000, T + 2000, T + 3000, T + 3_600_000 + 4000));
    // A second run: its file joins region=eu/hour=06 under a newer schema version.
    lake.land("orders", """
        {"id": 5, "ts": %d, "meta": {"region": "eu"}, "coupon": "X", "userId": 7, \
        "items": [{"sku": "d", "qty": 3, "gift": true}]}
        """.formatted(T + 5000));
    lake.land("sessions", """
        {"sid": "s1", "ts": %d, "tags": ["a", "b"], "n": 1.5}
        {"sid": "s2", "ts": %d, "tags": [], "n": 2, "extra": {"deep": {"x": 1}}}
        """.formatted(T, T + 86_400_000));
    ddl = lake.ddl("spark");
    spark = SparkReader.get();
    spark.useNewDatabase("hive_layout");
    spark.script(ddl);
  }

  @Test
  void theDdlIsSparksOwnHiveDdlWithPartitionRegistration() {
    assertThat(ddl).contains("CREATE EXTERNAL TABLE IF NOT EXISTS `orders`", "STORED AS PARQUET",
        "MSCK REPAIR TABLE `orders`;", "MSCK REPAIR TABLE `sessions`;");
    assertThat(spark.rows("SHOW PARTITIONS orders")).extracting(r -> r.getString(0)).containsExactlyInAnyOrder(
        "year=2025/month=11/day=21/hour=06/region=eu",
        "year=2025/month=11/day=21/hour=06/region=eu%2Fwest",
        "year=2025/month=11/day=21/hour=07/region=__HIVE_DEFAULT_PARTITION__");
  }

  @Test
  void everyOrderRowReadsBackWithItsValuesAcrossSchemaVersions() {
    List<Row> rows = spark.rows("SELECT id, user.name, user.email, items, attrs, paid_at, user_id, _1st, cafe, "
        + "coupon, userid, _rescued, region, year, month, day, hour, _source FROM orders ORDER BY ts");
    assertThat(rows).hasSize(5);

    Row ann = rows.get(0);
    assertThat(values(ann, 0, 1, 2)).containsExactly(1L, "ann", null);
    assertThat(items(ann)).containsExactly(List.of("a", 1L, "null", "null"));
    assertThat(map(ann.get(4))).isEqualTo(Map.of("color", "red"));
    assertThat(ann.<Instant>getAs(5)).isEqualTo(Instant.parse("2025-11-21T06:00:01.500Z"));
    assertThat(values(ann, 6, 7, 8, 9, 10, 11)).containsExactly("u1", true, "x", null, null, null);
    assertThat(values(ann, 12, 13, 14, 15, 16, 17)).containsExactly("eu", 2025, 11, 21, 6, "orders");

    Row bob = rows.get(1);
    assertThat(values(bob, 0, 1, 2)).containsExactly(2L, "bob", "b@x");
    assertThat(items(bob)).containsExactly(List.of("b", 2L, "1.5", "null"), List.of("c", "null", "null", "null"));
    Map<String, Object> attrs = new HashMap<>();
    attrs.put("size", "L");
    attrs.put("color", null);
    assertThat(map(bob.get(4))).isEqualTo(attrs);
    assertThat(bob.get(5)).isNull();
    assertThat(bob.getString(12)).isEqualTo("eu/west");

    Row cy = rows.get(2);
    assertThat(values(cy, 0, 1)).containsExactly(null, "cy");
    assertThat(cy.getString(11)).contains("\"/id\"", "\"three\"");
    assertThat(cy.getString(12)).isEqualTo("eu");

    // Landed by the second run, next to the first run's file in region=eu/hour=06, under a newer schema version.
    Row fifth = rows.get(3);
    assertThat(values(fifth, 0, 9, 10, 12, 16)).containsExactly(5L, "X", 7L, "eu", 6);
    assertThat(items(fifth)).containsExactly(List.of("d", 3L, "null", "true"));

    Row dan = rows.get(4);
    assertThat(values(dan, 0, 1, 12, 16)).containsExactly(4L, "dan", null, 7);
  }

  @Test
  void onePartitionHoldsFilesOfTwoSchemaVersions() throws Exception {
    java.nio.file.Path partition = dir.resolve("lake/orders/year=2025/month=11/day=21/hour=06/region=eu");
    List<String> files;
    try (var listing = java.nio.file.Files.list(partition)) {
      files = listing.map(java.nio.file.Path::toString).filter(f -> f.endsWith(".parquet")).sorted().toList();
    }
    assertThat(files).hasSize(2);
    List<List<String>> columns = files.stream()
        .map(f -> List.of(spark.session().read().parquet(f).schema().fieldNames())).toList();
    assertThat(columns).filteredOn(c -> c.contains("coupon")).hasSize(1);
    assertThat(columns).filteredOn(c -> !c.contains("coupon")).hasSize(1);
  }

  @Test
  void theDailyLayoutReadsBackToo() {
    List<Row> rows = spark.rows("SELECT sid, tags, n, extra.deep.x, year, month, day FROM sessions ORDER BY sid");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getString(0)).isEqualTo("s1");
    assertThat(CollectionConverters.asJava(rows.get(0).<scala.collection.Seq<String>>getAs(1))).containsExactly("a", "b");
    assertThat(values(rows.get(0), 2, 3, 4, 5, 6)).containsExactly(1.5, null, 2025, 11, 21);
    assertThat(CollectionConverters.asJava(rows.get(1).<scala.collection.Seq<String>>getAs(1))).isEmpty();
    assertThat(values(rows.get(1), 2, 3, 4, 5, 6)).containsExactly(2.0, 1L, 2025, 11, 22);
  }

  private static List<Object> values(Row row, int... indexes) {
    return Arrays.stream(indexes).mapToObj(row::get).toList();
  }

  /** The items array as sku, qty, price, gift (as text, "null" for null) per element. */
  private static List<List<Object>> items(Row row) {
    List<Row> items = CollectionConverters.asJava(row.<scala.collection.Seq<Row>>getAs(3));
    return items.stream().map(item -> List.<Object>of(item.get(0),
        item.get(1) == null ? "null" : item.get(1),
        String.valueOf(item.get(2)), String.valueOf(item.get(3)))).toList();
  }

  private static Map<String, Object> map(Object value) {
    Map<String, Object> out = new HashMap<>();
    CollectionConverters.asJava((scala.collection.Map<String, Object>) value).forEach(out::put);
    return out;
  }
}
