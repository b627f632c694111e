package io.tributary.buffer;

import io.tributary.schema.DatasetSchema;
import io.tributary.schema.DatasetSchemas;
import io.tributary.schema.NumberDecision;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Decides, at a buffer's roll, the type of the new numeric fields whose values wait in its rows' {@code _rescued}
 * (whole numbers that neither a name, a magnitude nor an override typed: {@link DatasetSchemas#decide}), and moves
 * the values into their columns, so that no file is written before its columns are decided.
 *
 * <p>Memory: a buffer none of whose rows waits ({@link RowBuffer#waitingRows()} is 0, the common case once a
 * dataset's fields are decided) is passed through as it is, unread, however many ordinary rescued values it holds.
 * One with waiting rows is read twice, a row at a time and no row kept: once to decide (what it calls for is folded
 * into the columns as it goes), once to re-home every row into a new buffer ({@link RowBuffer#reshaped}), the
 * compact copy the caller holds until its file is written.
 */
public final class UndecidedNumbers {
  private final DatasetSchemas schemas;
  private final Consumer<DatasetSchema> published;
  private final LongAdder rowsRead = new LongAdder();

  /**
   * @param published told of every version a decision publishes, before any file under it is written
   */
  public UndecidedNumbers(DatasetSchemas schemas, Consumer<DatasetSchema> published) {
    this.schemas = Objects.requireNonNull(schemas, "schemas may not be null");
    this.published = Objects.requireNonNull(published, "published may not be null");
  }

  /** {@code buffer} when none of its rows waits, else a new buffer of its rows re-homed under the decided version. */
  public RowBuffer decided(RowBuffer buffer) {
    DatasetSchema schema = buffer.schema();
    if (buffer.waitingRows() == 0 || schema == null) {
      return buffer;
    }
    NumberDecision decision = schemas.decide(schema.dataset(), () -> {
      rowsRead.add(buffer.records());
      return buffer.values();
    });
    if (decision.published()) {
      published.accept(decision.schema());
    }
    return buffer.reshaped(decision.schema(), decision.rehome());
  }

  /** How many buffered rows were read to decide so far (each is read once more to be re-homed). */
  public long rowsRead() {
    return rowsRead.sum();
  }
}
