package io.tributary.firehose;

import io.tributary.schema.DatasetSchema;
import io.tributary.schema.MetadataColumns;
import io.tributary.source.Position;
import java.util.Objects;

/**
 * One row as the landing shapes it, handed to a {@link FirehoseSink}: the values of {@code schema}'s columns in the
 * form {@code io.tributary.buffer.RowBuffer} keeps them (metadata columns first, sanitized names, misfits in
 * {@code _rescued}), the event time the landing read for it, and its record's source position.
 *
 * @param schema the schema version the row is read under (the newest of its buffer); may not be null
 * @param row the values, element {@code i} for column {@code i}; shorter than the column list means null for the
 *     missing trailing columns (a row shaped under an earlier version); may not be null
 * @param eventTimeMicros the event time in microseconds since the epoch, UTC
 * @param position the source position of the row's record; may not be null
 */
public record ShapedRow(DatasetSchema schema, Object[] row, long eventTimeMicros, Position position) {
  public ShapedRow {
    Objects.requireNonNull(schema, "schema may not be null");
    Objects.requireNonNull(row, "row may not be null");
    Objects.requireNonNull(position, "position may not be null");
    int columns = schema.root().fields().size();
    if (row.length < MetadataColumns.COUNT || row.length > columns) {
      throw new IllegalArgumentException("Invalid shaped row of " + schema.dataset() + ": " + row.length
          + " values for " + columns + " columns (at least the " + MetadataColumns.COUNT + " metadata columns)");
    }
  }

  /** The dataset (table) the row belongs to. */
  public String dataset() {
    return schema.dataset();
  }
}
