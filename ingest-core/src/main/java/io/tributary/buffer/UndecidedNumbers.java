package io.tributary.buffer;

import io.tributary.schema.DatasetSchema;
import io.tributary.schema.DatasetSchemas;
import io.tributary.schema.NumberDecision;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Decides, at a buffer's roll, the type of the new numeric fields whose values wait in its rows' {@code _rescued}
 * (whole numbers that neither a name, a magnitude nor an override typed: {@link DatasetSchemas#decide}), so that no
 * file is written before its columns are decided; the values then move into their columns as the file is encoded
 * ({@link NumberDecision#rehome}, applied row by row as the rows are read: nothing is copied).
 *
 * <p>Memory: a buffer none of whose rows waits ({@link RowBuffer#waitingRows()} is 0, the common case once a
 * dataset's fields are decided) is not read, however many ordinary rescued values it holds. One with waiting rows is
 * read once to decide, a row at a time and no row kept: what each row calls for is folded into the columns at once.
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

  /**
   * The decision for the waiting values of {@code buffer}: the version to write its rows under and how to re-home
   * each; null when none of its rows waits (the buffer is then written as it is). The buffer is not changed.
   */
  public NumberDecision decide(RowBuffer buffer) {
    DatasetSchema schema = buffer.schema();
    if (buffer.waitingRows() == 0 || schema == null) {
      return null;
    }
    NumberDecision decision = schemas.decide(schema.dataset(), () -> {
      rowsRead.add(buffer.records());
      return buffer.values();
    });
    if (decision.published()) {
      published.accept(decision.schema());
    }
    return decision;
  }

  /** How many buffered rows were read to decide so far (each is read once more as its file is encoded). */
  public long rowsRead() {
    return rowsRead.sum();
  }
}
