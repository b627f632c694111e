package io.tributary.reader.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A table whose data columns are named like Iceberg's metadata columns ({@code _file}, {@code _pos}, and a
 * {@code _file_} besides) is readable by Spark: the table names them {@code _file_}, {@code _pos_}, {@code _file__}
 * (without that, Spark refuses to scan it: "Table column names conflict with names reserved for Iceberg metadata
 * columns"), and Spark's own {@code _file} metadata column still works beside them. Data columns named
 * {@code _event_time} and {@code _source_partition} (names the table gives its own columns) read back as
 * {@code _event_time_} and {@code _source_partition_} beside the table's.
 */
class IcebergReservedNamesReadTest {
  private static final String NAMESPACE = "reserved";
  private static final String TABLE = SparkIceberg.CATALOG + "." + NAMESPACE + ".events";
  private static final String TIME_NAMES = SparkIceberg.CATALOG + ".reserved_time.events";
  private static SparkIceberg spark;

  @BeforeAll
  static void land() {
    spark = SparkIceberg.get();
    try (IsolatedWriter writer = new IsolatedWriter()) {
      writer.run("ReservedNamesWriter", spark.writerArguments(NAMESPACE));
      Map<String, String> eventTime = new HashMap<>(spark.writerArguments("reserved_time"));
      eventTime.put("history", "event-time");
      writer.run("ReservedNamesWriter", eventTime);
    }
  }

  @Test
  void sparkReadsEveryRowOnceWithTheDataColumnsUnderTheirSuffixedNames() {
    assertThat(spark.rowsPerCoordinate(TABLE)).isEqualTo(Map.of("events-topic/0/0", 1L, "events-topic/0/1", 1L,
        "events-topic/0/2", 1L, "events-topic/0/3", 1L));

    List<Row> rows = spark.rows("SELECT _file_, n, ctx._pos, _pos_, _file__ FROM " + TABLE + " ORDER BY n");

    assertThat(rows).extracting(Row::toString).containsExactly("[f0,0,p0,null,null]", "[f1,1,p1,null,null]",
        "[f2,2,p2,2,g2]", "[f3,3,p3,3,g3]");
  }

  @Test
  void icebergsOwnFileMetadataColumnStillNamesTheDataFile() {
    List<Row> rows = spark.rows("SELECT _file, _file_ FROM " + TABLE + " WHERE n = 3");

    assertThat(rows).singleElement().satisfies(row -> {
      assertThat(row.getString(0)).endsWith(".parquet").contains("/data/");
      assertThat(row.getString(1)).isEqualTo("f3");
    });
  }

  @Test
  void dataColumnsNamedEventTimeAndSourcePartitionReadBackBesideTheTablesOwn() {
    assertThat(spark.rowsPerCoordinate(TIME_NAMES)).hasSize(4)
        .allSatisfy((coordinate, count) -> assertThat(count).isOne());

    List<Row> rows = spark.rows("SELECT _event_time_, n, _source_partition, _source_partition_, _file_, "
        + "_event_time >= TIMESTAMP '2020-01-01 00:00:00 UTC' FROM " + TIME_NAMES + " ORDER BY n");

    assertThat(rows).extracting(Row::toString).containsExactly("[f0,0,0,null,null,true]", "[f1,1,0,null,null,true]",
        "[f2,2,0,2,g2,true]", "[f3,3,0,3,g3,true]");
  }
}
