package io.tributary.buffer;

import io.tributary.schema.DatasetSchema;
import io.tributary.schema.FittedRow;
import io.tributary.source.Position;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;

/**
 * The rows waiting for one file: one source partition, one dataset, one partition path. Rows are kept in
 * {@link RowCodec} form; they may have been shaped under several schema versions and all read back under the newest
 * one, so a schema change in the middle of a window never makes an extra file. Not thread-safe: a buffer belongs to
 * the thread that owns its source partition.
 */
public final class RowBuffer {
  private final ByteArena arena = new ByteArena();
  private final long openedAtMillis;
  private DatasetSchema schema;
  private long records;
  private long waitingRows;
  private Position firstPosition;
  private Position lastPosition;
  private long oldestSourceMillis = Long.MAX_VALUE;
  /** The event time of each row (microseconds), in row order: what a table format partitions by. */
  private long[] eventTimes = new long[0];
  /** How fitted rows of the last version appended that way are written; made again for another root struct. */
  private FittedLayout fittedLayout;

  /**
   * @param openedAtMillis when the buffer took its first row (wall clock): its age for the rolling policy
   */
  public RowBuffer(long openedAtMillis) {
    this.openedAtMillis = openedAtMillis;
  }

  /**
   * Appends a shaped row.
   *
   * @param rowSchema the version {@code row} was shaped for; versions of one dataset only grow
   * @param position the source position of the record, kept for the commit ledger
   * @param sourceMillis the source timestamp of the record, for freshness
   */
  public void append(DatasetSchema rowSchema, Object[] row, Position position, long sourceMillis) {
    append(rowSchema, row, position, sourceMillis, sourceMillis * 1_000L);
  }

  /**
   * Appends a shaped row with its event time.
   *
   * @param eventTimeMicros the row's event time (microseconds since the epoch, UTC), kept beside the row for table
   *     formats that store it ({@link #eventTimes()})
   */
  public void append(DatasetSchema rowSchema, Object[] row, Position position, long sourceMillis,
      long eventTimeMicros) {
    append(rowSchema, row, position, sourceMillis, eventTimeMicros, false);
  }

  /**
   * Appends a shaped row with its event time.
   *
   * @param waiting true when the row holds values in {@code _rescued} that wait for their column's type (counted:
   *     {@link #waitingRows()})
   */
  public void append(DatasetSchema rowSchema, Object[] row, Position position, long sourceMillis,
      long eventTimeMicros, boolean waiting) {
    newest(rowSchema);
    RowCodec.writePosition(arena, position);
    RowCodec.write(arena, rowSchema.root(), row);
    appended(position, sourceMillis, eventTimeMicros, waiting);
  }

  /**
   * Appends the row of an event fitted to its schema version ({@link FittedRow#schema()}), written from the event's
   * tape: the same bytes as the row shaped from the event as objects.
   *
   * @throws IllegalStateException when the row's tape holds another payload now (nothing is appended)
   * @param eventTimeMicros the row's event time (microseconds since the epoch, UTC)
   */
  public void append(FittedRow row, Position position, long sourceMillis, long eventTimeMicros) {
    row.tape(); // throws, before anything is written, if the tape holds another payload now
    DatasetSchema rowSchema = row.schema();
    newest(rowSchema);
    FittedLayout layout = fittedLayout;
    if (layout == null || layout.root != rowSchema.root()) {
      layout = FittedLayout.of(rowSchema.root());
      fittedLayout = layout;
    }
    RowCodec.writePosition(arena, position);
    RowCodec.write(arena, layout, row);
    appended(position, sourceMillis, eventTimeMicros, false);
  }

  /** Makes {@code rowSchema} the buffer's schema when it is newer. */
  private void newest(DatasetSchema rowSchema) {
    Objects.requireNonNull(rowSchema, "rowSchema may not be null");
    if (schema == null || rowSchema.version() > schema.version()) {
      if (schema != null && !schema.dataset().equals(rowSchema.dataset())) {
        throw new IllegalArgumentException("Cannot buffer rows of " + rowSchema.dataset() + " with rows of "
            + schema.dataset());
      }
      schema = rowSchema;
    }
  }

  /** Counts a row just written. */
  private void appended(Position position, long sourceMillis, long eventTimeMicros, boolean waiting) {
    if (waiting) {
      waitingRows++;
    }
    if (records == eventTimes.length) {
      eventTimes = Arrays.copyOf(eventTimes, Math.max(16, eventTimes.length * 2));
    }
    eventTimes[(int) records] = eventTimeMicros;
    records++;
    if (firstPosition == null) {
      firstPosition = position;
    }
    lastPosition = position;
    oldestSourceMillis = Math.min(oldestSourceMillis, sourceMillis);
  }

  /** The newest schema version among the buffered rows: the one the file is written with. */
  public DatasetSchema schema() {
    return schema;
  }

  public long records() {
    return records;
  }

  /**
   * How many buffered rows hold values waiting in {@code _rescued} for their column's type (appended with
   * {@code waiting}): a buffer with none is written as it is, unread ({@link UndecidedNumbers}).
   */
  public long waitingRows() {
    return waitingRows;
  }

  /** Bytes the buffered rows occupy in their compact form. */
  public long bytes() {
    return arena.size();
  }

  /** Bytes of memory the buffer holds: what the global budget counts. */
  public long memoryBytes() {
    return arena.allocated() + 8L * eventTimes.length;
  }

  /** The event time of each buffered row in order (microseconds since the epoch): a copy, one per row. */
  public long[] eventTimes() {
    return Arrays.copyOf(eventTimes, (int) records);
  }

  public long openedAtMillis() {
    return openedAtMillis;
  }

  /** The source position of the first buffered row, or null when empty. */
  public Position firstPosition() {
    return firstPosition;
  }

  /** The source position of the last buffered row, or null when empty. */
  public Position lastPosition() {
    return lastPosition;
  }

  /** The smallest source timestamp buffered: freshness is measured from it. */
  public long oldestSourceMillis() {
    return oldestSourceMillis;
  }

  /** A buffered row with the source position of its record. */
  public record BufferedRow(Position position, Object[] row) {}

  /** The buffered rows in order, each read under {@link #schema()}, with their positions. */
  public Iterator<BufferedRow> rows() {
    DatasetSchema newest = schema;
    return read(reader -> {
      Position position = RowCodec.readPosition(reader);
      return new BufferedRow(position, RowCodec.read(reader, newest.root()));
    });
  }

  /** The values of the buffered rows in order, each read under {@link #schema()}: what a file is written from. */
  public Iterator<Object[]> values() {
    DatasetSchema newest = schema;
    return read(reader -> {
      RowCodec.skipPosition(reader);
      return RowCodec.read(reader, newest.root());
    });
  }

  /**
   * A cursor over the buffered rows, typed and in UTF-8, each read under {@link #schema()}: what a file is encoded
   * from without building row objects.
   */
  public RowCursor cursor() {
    return new RowCursor(arena.reader());
  }

  private <T> Iterator<T> read(Function<ByteArena.Reader, T> next) {
    ByteArena.Reader reader = arena.reader();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return reader.hasMore();
      }

      @Override
      public T next() {
        if (!reader.hasMore()) {
          throw new NoSuchElementException();
        }
        return next.apply(reader);
      }
    };
  }
}
