package io.tributary.commit;

import io.tributary.buffer.RowBuffer;
import io.tributary.schema.DatasetSchema;
import java.util.Iterator;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The rows of one rolled buffer, handed to the {@link DatasetSink} of their dataset to encode: the sink decides the
 * file's form (Hive Parquet, Iceberg Parquet with field ids and an event time column, JSON for a delivery stream).
 *
 * @param range the buffer key and the first and last source positions of the rows
 * @param schema the newest schema version among the rows: every row reads back under it
 * @param records how many rows there are
 * @param values the rows in order, each under {@code schema}; read once
 * @param eventTimes the event time of each row in order, microseconds since the epoch (UTC)
 * @param buffer the buffer the rows come from, for sinks that encode straight from it (the typed Parquet path);
 *     null when the rows are not in a buffer, or must be re-homed on their way out of it ({@link #reshaped})
 * @param positioned the rows in order with their source positions, each under {@code schema}, for sinks that send
 *     rows one by one; read once (a sink reads {@code values} or {@code positioned}, not both); null when the rows
 *     are not in a buffer
 */
public record RolledRows(DurableRange range, DatasetSchema schema, long records, Iterator<Object[]> values,
    long[] eventTimes, RowBuffer buffer, Iterator<RowBuffer.BufferedRow> positioned) {
  public RolledRows {
    Objects.requireNonNull(range, "range may not be null");
    Objects.requireNonNull(schema, "schema may not be null");
    Objects.requireNonNull(values, "values may not be null");
    Objects.requireNonNull(eventTimes, "eventTimes may not be null");
    if (eventTimes.length != records) {
      throw new IllegalArgumentException("Invalid rolled rows: " + records + " rows and " + eventTimes.length
          + " event times");
    }
  }

  /** Rows that are not in a buffer. */
  public RolledRows(DurableRange range, DatasetSchema schema, long records, Iterator<Object[]> values,
      long[] eventTimes) {
    this(range, schema, records, values, eventTimes, null, null);
  }

  /** The rows of a rolled buffer. */
  public static RolledRows of(DurableRange range, RowBuffer buffer) {
    return new RolledRows(range, buffer.schema(), buffer.records(), buffer.values(), buffer.eventTimes(), buffer,
        buffer.rows());
  }

  /**
   * The rows of a rolled buffer, each passed through {@code reshape} as it is read, to be written under
   * {@code schema} (a version at least as new as the buffer's): nothing is copied, and the buffer is left as it is.
   * Sinks encode them through the checked row path ({@code buffer} is null: the typed path would read the rows as
   * they are stored).
   */
  public static RolledRows reshaped(DurableRange range, RowBuffer buffer, DatasetSchema schema,
      UnaryOperator<Object[]> reshape) {
    return new RolledRows(range, schema, buffer.records(), map(buffer.values(), reshape), buffer.eventTimes(), null,
        map(buffer.rows(), row -> new RowBuffer.BufferedRow(row.position(), reshape.apply(row.row()))));
  }

  private static <T, R> Iterator<R> map(Iterator<T> from, Function<T, R> each) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return from.hasNext();
      }

      @Override
      public R next() {
        return each.apply(from.next());
      }
    };
  }
}
