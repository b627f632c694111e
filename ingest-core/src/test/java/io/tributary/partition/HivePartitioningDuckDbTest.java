package io.tributary.partition;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.parquet.ParquetRowWriter;
import io.tributary.parquet.WriteOptions;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.Field;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import io.tributary.source.SourceRecord;
import io.tributary.store.ObjectKeys;
import io.tributary.testing.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths from {@link Partitioner} read back by DuckDB's Hive partitioning as the original values. */
class HivePartitioningDuckDbTest {
  private static final DatasetSchema SCHEMA =
      new DatasetSchema("orders", 1, StructType.of(new Field("id", "id", PrimitiveType.LONG)));
  /** 2026-03-07T06:05:04Z. */
  private static final long SOURCE_MILLIS = 1_772_863_504_000L;

  @TempDir
  Path dir;

  @Test
  void duckDbReadsEveryEscapedValueBackAsTheOriginal() throws Exception {
    List<String> regions = List.of("eu-west", "a b", "x=y", "a/b", "100%", "..", ".", "../etc/passwd",
        "q?#*:'\"", "tab\there", "Zürich 東京", "{[^]}");
    Partitioner partitioner = new Partitioner(new PartitionSpec(null, EventTimeFormat.AUTO, Granularity.HOUR,
        List.of("region")));
    for (int id = 0; id < regions.size(); id++) {
      String path = partitionPath(partitioner, Map.of("region", regions.get(id)));
      writeOneRow(path, id);
    }

    List<List<Object>> rows = readBack("id, region, year, hour");

    List<List<Object>> expected = new ArrayList<>();
    for (int id = 0; id < regions.size(); id++) {
      expected.add(Arrays.asList((long) id, regions.get(id), "2026", "06"));
    }
    assertThat(rows).isEqualTo(expected);
  }

  @Test
  void theDefaultPartitionReadsAsNull() throws Exception {
    Partitioner partitioner = new Partitioner(new PartitionSpec(null, EventTimeFormat.AUTO, Granularity.DAY,
        List.of("region")));
    writeOneRow(partitionPath(partitioner, Map.of("region", "")), 0);
    writeOneRow(partitionPath(partitioner, Map.of()), 1);
    writeOneRow(partitionPath(partitioner, Map.of("region", "eu")), 2);

    assertThat(readBack("id, region")).containsExactly(
        Arrays.asList(0L, null), Arrays.asList(1L, null), Arrays.asList(2L, "eu"));
  }

  private static String partitionPath(Partitioner partitioner, Map<String, Object> event) {
    SourceRecord record = SourceRecord.of("orders", "0", "1", SOURCE_MILLIS, new byte[0]);
    PartitionResult result = partitioner.partition(record, event);
    assertThat(result).isInstanceOf(PartitionResult.Partitioned.class);
    return ((PartitionResult.Partitioned) result).path();
  }

  private void writeOneRow(String partitionPath, long id) throws Exception {
    String key = ObjectKeys.join("orders", partitionPath, "part-" + id + ".parquet");
    Path file = dir.resolve(key);
    assertThat(file.normalize()).startsWithRaw(dir.resolve("orders"));
    Files.createDirectories(file.getParent());
    try (ParquetRowWriter writer = ParquetRowWriter.open(new LocalOutputFile(file), SCHEMA, WriteOptions.defaults())) {
      writer.write(new Object[] {id});
    }
  }

  private List<List<Object>> readBack(String columns) throws Exception {
    try (DuckDb duck = DuckDb.open()) {
      return duck.rows("SELECT " + columns + " FROM read_parquet(" + DuckDb.literal(dir.resolve("orders"))
          .replaceFirst("'$", "/**/*.parquet'") + ", hive_partitioning = true, hive_types_autocast = false) "
          + "ORDER BY id");
    }
  }
}
