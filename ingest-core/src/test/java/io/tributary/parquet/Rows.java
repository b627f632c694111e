package io.tributary.parquet;

import io.tributary.schema.ColumnType;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.Field;
import io.tributary.schema.MetadataColumns;
import io.tributary.schema.StructType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.io.LocalOutputFile;

/** Small builders for schemas and rows in tests. */
final class Rows {
  private Rows() {}

  /** A row or struct value: varargs without the single-array pitfall at call sites. */
  static Object[] values(Object... values) {
    return values;
  }

  /** A list that may hold nulls ({@code List.of} may not). */
  static List<Object> listOf(Object... values) {
    return new ArrayList<>(Arrays.asList(values));
  }

  static Field field(String name, ColumnType type) {
    return new Field(name, name, type);
  }

  static StructType struct(Field... fields) {
    return StructType.of(fields);
  }

  /** A schema whose root is the metadata columns followed by {@code dataColumns}. */
  static DatasetSchema withMetadata(String dataset, int version, Field... dataColumns) {
    StructType root = MetadataColumns.emptyRoot();
    for (Field field : dataColumns) {
      root = root.withAppended(field);
    }
    return new DatasetSchema(dataset, version, root);
  }

  /** Metadata column values followed by {@code data}. */
  static Object[] withMetadataValues(long ingestMicros, long offset, Object... data) {
    Object[] row = new Object[MetadataColumns.COUNT + data.length];
    row[MetadataColumns.INGEST_TIME_INDEX] = ingestMicros;
    row[MetadataColumns.SOURCE_INDEX] = "orders-topic";
    row[MetadataColumns.PARTITION_INDEX] = "3";
    row[MetadataColumns.OFFSET_INDEX] = Long.toString(offset);
    System.arraycopy(data, 0, row, MetadataColumns.COUNT, data.length);
    return row;
  }

  /** Writes {@code rows} to a new local file and closes it. */
  static Path writeFile(Path file, DatasetSchema schema, WriteOptions options, Object[]... rows) throws IOException {
    try (ParquetRowWriter writer = ParquetRowWriter.open(new LocalOutputFile(file), schema, options)) {
      for (Object[] row : rows) {
        writer.write(row);
      }
    }
    return file;
  }
}
