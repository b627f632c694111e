package io.tributary.firehose;

import io.tributary.schema.DatasetSchema;
import io.tributary.schema.Field;
import io.tributary.schema.MetadataColumns;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import io.tributary.source.Position;
import io.tributary.source.SourcePartition;
import java.util.ArrayList;
import java.util.List;

/** Shaped rows of a small dataset: the metadata columns, {@code n} (bigint) and {@code pad} (string). */
final class TestRows {
  static final SourcePartition PARTITION = new SourcePartition("orders", "0");
  static final long EVENT_MICROS = 1_763_704_801_500_000L; // 2025-11-21T06:00:01.5Z
  static final DatasetSchema SCHEMA = schema("orders");

  private TestRows() {}

  static DatasetSchema schema(String dataset) {
    List<Field> fields = new ArrayList<>(MetadataColumns.fields());
    fields.add(new Field("n", "n", PrimitiveType.LONG));
    fields.add(new Field("pad", "pad", PrimitiveType.STRING));
    return new DatasetSchema(dataset, 1, new StructType(fields));
  }

  /** The row of offset {@code offset}, whose {@code pad} is {@code padChars} characters long. */
  static ShapedRow row(DatasetSchema schema, long offset, int padChars) {
    Object[] values = {EVENT_MICROS, PARTITION.stream(), PARTITION.partition(), Long.toString(offset), null, offset,
        "x".repeat(padChars)};
    return new ShapedRow(schema, values, EVENT_MICROS, Position.of(offset));
  }

  /** Rows of offsets {@code from} (inclusive) to {@code to} (exclusive). */
  static List<ShapedRow> rows(long from, long to, int padChars) {
    List<ShapedRow> rows = new ArrayList<>();
    for (long offset = from; offset < to; offset++) {
      rows.add(row(SCHEMA, offset, padChars));
    }
    return rows;
  }

  /** The offset a JSON line carries, read without a JSON library: {@code "_offset":"17"}. */
  static long offsetOf(String json) {
    int at = json.indexOf("\"_offset\":\"") + 11;
    return Long.parseLong(json.substring(at, json.indexOf('"', at)));
  }
}
