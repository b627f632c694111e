package io.tributary.parquet;

import io.tributary.schema.DatasetSchema;
import io.tributary.schema.Field;
import io.tributary.schema.ListType;
import io.tributary.schema.MapType;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.parquet.io.LocalOutputFile;

/**
 * Writes Parquet files through {@link ParquetRowWriter}. {@link HadoopFreeRuntimeTest} loads this class through a
 * class loader that has no Hadoop jar, so any Hadoop class the writer touches fails the write.
 */
public final class HadoopFreeWriteProbe {
  private HadoopFreeWriteProbe() {}

  /** Writes one file per compression into {@code dir} and returns their paths. */
  public static String[] writeFiles(String dir) throws Exception {
    DatasetSchema schema = new DatasetSchema("probe", 1, StructType.of(
        new Field("id", "id", PrimitiveType.LONG),
        new Field("at", "at", PrimitiveType.TIMESTAMP),
        new Field("name", "name", PrimitiveType.STRING),
        new Field("tags", "tags", new ListType(PrimitiveType.STRING)),
        new Field("attrs", "attrs", new MapType(PrimitiveType.DOUBLE)),
        new Field("inner", "inner", StructType.of(new Field("ok", "ok", PrimitiveType.BOOLEAN)))));
    Compression[] compressions = Compression.values();
    String[] files = new String[compressions.length];
    for (int c = 0; c < compressions.length; c++) {
      Path file = Path.of(dir, "probe-" + compressions[c].configName() + ".parquet");
      WriteOptions options = WriteOptions.defaults().withCompression(compressions[c]);
      try (ParquetRowWriter writer = ParquetRowWriter.open(new LocalOutputFile(file), schema, options)) {
        for (long i = 0; i < 1_000; i++) {
          writer.write(new Object[] {i, i * 1_000_000L, "name-" + (i % 10), List.of("a", "b"),
              Map.of("x", i / 2.0), new Object[] {i % 2 == 0}});
        }
      }
      files[c] = file.toString();
    }
    return files;
  }
}
