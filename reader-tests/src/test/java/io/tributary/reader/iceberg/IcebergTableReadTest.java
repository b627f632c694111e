package io.tributary.reader.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.execution.metric.SQLMetric;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

/**
 * An Iceberg table landed by IcebergTableFormat ({@link EvolvedTableWriter}: three schema versions, two source
 * partitions, three hours) read by Spark through its own Iceberg catalog: every row once by source coordinates,
 * values right, the evolved columns (nested fields, a list of structs, a map, timestamptz) present, a filter on one
 * hour of {@code _event_time} planning only that hour's files, and Iceberg field ids in the Parquet files.
 */
class IcebergTableReadTest {
  private static final String NAMESPACE = "evolved";
  private static final String TABLE = SparkIceberg.orders(NAMESPACE);
  private static SparkIceberg spark;
  private static Map<String, String> written;
  private static Instant hour0;

  @BeforeAll
  static void land() {
    spark = SparkIceberg.get();
    try (IsolatedWriter writer = new IsolatedWriter()) {
      written = writer.run("EvolvedTableWriter", spark.writerArguments(NAMESPACE));
    }
    hour0 = Instant.EPOCH.plusNanos(Long.parseLong(written.get("hour0")) * 1000);
  }

  @Test
  void everyRowIsThereOnceBySourceCoordinates() {
    Map<String, Long> expected = new HashMap<>();
    for (int o = 0; o < 20; o++) {
      expected.put("orders-topic/0/" + o, 1L);
    }
    for (int o = 0; o < 10; o++) {
      expected.put("orders-topic/1/" + o, 1L);
    }
    assertThat(spark.rowsPerCoordinate(TABLE)).isEqualTo(expected);
  }

  @Test
  void valuesReadBackUnderEachSchemaVersion() {
    Row v3 = spark.rows("SELECT user, n, ctx.ip, ctx.city, items, counts['k'], paid_at, _event_time, _rescued FROM "
        + TABLE + " WHERE _source_partition = '0' AND _offset = '12'").get(0);
    Instant time = hour0.plusSeconds(3600 + 12);
    assertThat(List.of(v3.get(0), v3.get(1), v3.get(2), v3.get(3), v3.get(5), v3.get(6), v3.get(7)))
        .containsExactly("u12", 12L, "10.0.12", "c12", 12L, time, time);
    assertThat(v3.get(8)).isNull();
    List<Row> items = CollectionConverters.asJava(v3.<scala.collection.Seq<Row>>getAs(4));
    assertThat(items).hasSize(2);
    assertThat(List.of(items.get(0).get(0), items.get(0).get(1), items.get(0).get(2))).containsExactly("s12", 12L, 12.5);
    assertThat(items.get(1).getString(0)).isEqualTo("t12");
    assertThat(items.get(1).isNullAt(1)).isTrue();

    Row v2 = spark.rows("SELECT ctx.ip, ctx.city, items[0].sku, items[0].price, counts, paid_at FROM " + TABLE
        + " WHERE _source_partition = '0' AND _offset = '7'").get(0);
    assertThat(v2.get(0)).isEqualTo("10.0.7");
    assertThat(v2.getString(2)).isEqualTo("s7");
    assertThat(List.of(v2.isNullAt(1), v2.isNullAt(3), v2.isNullAt(4), v2.isNullAt(5))).containsOnly(true);

    Row v1 = spark.rows("SELECT user, ctx, items, _source, _event_time FROM " + TABLE
        + " WHERE _source_partition = '0' AND _offset = '2'").get(0);
    assertThat(v1.getString(0)).isEqualTo("u2");
    assertThat(v1.isNullAt(1)).isTrue();
    assertThat(v1.isNullAt(2)).isTrue();
    assertThat(v1.getString(3)).isEqualTo("orders-topic");
    assertThat(v1.<Instant>getAs(4)).isEqualTo(hour0.plusSeconds(2));
  }

  @Test
  void theEvolvedColumnsAreInTheTablesSchema() {
    StructType schema = spark.session().table(TABLE).schema();
    assertThat(schema.apply("ctx").dataType()).isEqualTo(new StructType()
        .add("ip", DataTypes.StringType).add("city", DataTypes.StringType));
    ArrayType items = (ArrayType) schema.apply("items").dataType();
    assertThat(((StructType) items.elementType()).fieldNames()).containsExactly("sku", "qty", "price");
    assertThat(((StructType) items.elementType()).apply("price").dataType()).isEqualTo(DataTypes.DoubleType);
    assertThat(schema.apply("counts").dataType()).isEqualTo(
        new MapType(DataTypes.StringType, DataTypes.LongType, true));
    // Spark's TimestampType is the instant type: Iceberg's timestamptz.
    assertThat(schema.apply("paid_at").dataType()).isEqualTo(DataTypes.TimestampType);
    assertThat(schema.apply("_event_time").dataType()).isEqualTo(DataTypes.TimestampType);
    assertThat(schema.apply("_rescued").dataType()).isEqualTo(DataTypes.StringType);
    // Iceberg reserves _partition for its own metadata column: the source partition is _source_partition.
    assertThat(schema.fieldNames()).contains("_source_partition").doesNotContain("_partition");
  }

  @Test
  void aFilterOnOneHourOfEventTimePlansOnlyThatHoursFiles() {
    Instant hour1 = hour0.plusSeconds(3600);
    Set<String> hour1Files = spark.rows("SELECT file_path FROM " + TABLE + ".files WHERE partition._event_time_hour = "
        + (hour1.getEpochSecond() / 3600)).stream().map(r -> r.getString(0)).collect(Collectors.toSet());
    assertThat(hour1Files).hasSize(2);
    assertThat(spark.rows("SELECT file_path FROM " + TABLE + ".files")).hasSize(5);

    Dataset<Row> query = spark.session().sql("SELECT _source_partition, _offset, input_file_name() FROM " + TABLE
        + " WHERE _event_time >= TIMESTAMP '" + hour1 + "' AND _event_time < TIMESTAMP '" + hour1.plusSeconds(3600)
        + "'");
    List<Row> rows = query.collectAsList();

    assertThat(rows).hasSize(15);
    assertThat(rows.stream().map(r -> r.getString(2)).collect(Collectors.toSet())).isEqualTo(hour1Files);
    Map<String, Long> scan = scanMetrics(query);
    // Planned: the hour's 2 files; the other 3 pruned (here by the manifests' partition ranges, one manifest per
    // fast append, so none of their files is even listed).
    assertThat(scan).containsEntry("resultDataFiles", 2L);
    assertThat(scan.get("skippedDataFiles") + scan.get("skippedDataManifests")).isEqualTo(3L);
  }

  @Test
  void theParquetFilesCarryTheTablesFieldIds() {
    // Spark reads a file by field id when its read schema carries ids: columns named unlike the file's resolve
    // only if the file has the ids.
    StructType byId = new StructType(new StructField[] {
        byId("a", DataTypes.StringType, "_offset"),
        byId("b", DataTypes.StringType, "user"),
        byId("c", DataTypes.LongType, "n")});
    List<String> files = spark.rows("SELECT file_path FROM " + TABLE + ".files").stream()
        .map(r -> r.getString(0)).toList();
    Map<String, String> previous = new HashMap<>();
    for (String key : List.of("spark.sql.parquet.fieldId.read.enabled", "spark.sql.parquet.fieldId.read.ignoreMissing")) {
      previous.put(key, spark.session().conf().get(key, "false"));
    }
    spark.session().conf().set("spark.sql.parquet.fieldId.read.enabled", "true");
    spark.session().conf().set("spark.sql.parquet.fieldId.read.ignoreMissing", "false");
    try {
      Set<String> seen = new HashSet<>();
      for (String file : files) {
        for (Row row : spark.session().read().schema(byId).parquet(file).collectAsList()) {
          assertThat(row.getString(1)).isEqualTo("u" + row.getString(0));
          assertThat(row.getLong(2)).isEqualTo(Long.parseLong(row.getString(0)));
          seen.add(file);
        }
      }
      assertThat(seen).hasSameSizeAs(files);
    } finally {
      previous.forEach((key, value) -> spark.session().conf().set(key, value));
    }
  }

  private static StructField byId(String name, org.apache.spark.sql.types.DataType type, String column) {
    Metadata id = new MetadataBuilder().putLong("parquet.field.id", Long.parseLong(written.get("id." + column)))
        .build();
    return new StructField(name, type, true, id);
  }

  /** The custom metrics of the query's Iceberg scan, as Spark reports them after the run. */
  private static Map<String, Long> scanMetrics(Dataset<Row> query) {
    SparkPlan plan = query.queryExecution().executedPlan();
    if (plan instanceof AdaptiveSparkPlanExec adaptive) {
      plan = adaptive.executedPlan();
    }
    Map<String, Long> metrics = new HashMap<>();
    for (SparkPlan leaf : CollectionConverters.asJava(plan.collectLeaves())) {
      if (leaf.nodeName().startsWith("BatchScan")) {
        CollectionConverters.asJava(leaf.metrics()).forEach((name, metric) -> metrics.put(name,
            ((SQLMetric) metric).value()));
      }
    }
    return metrics;
  }
}
