package io.tributary.buffer;

import io.tributary.schema.DatasetSchema;
import io.tributary.schema.DatasetSchemas;
import io.tributary.schema.NumberDecision;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Decides, at a buffer's roll, the type of the new numeric fields whose values wait in its rows' {@code _rescued}
 * (whole numbers that neither a name, a magnitude nor an override typed: {@link DatasetSchemas#decide}), and moves
 * the values into their columns, so that no file is written before its columns are decided. A buffer with no
 * {@code _rescued} value, or of a dataset with nothing waiting, is passed through as it is, unread; one whose rows
 * have nothing to move is read but not rewritten.
 */
public final class UndecidedNumbers {
  private final DatasetSchemas schemas;
  private final Consumer<DatasetSchema> published;

  /**
   * @param published told of every version a decision publishes, before any file under it is written
   */
  public UndecidedNumbers(DatasetSchemas schemas, Consumer<DatasetSchema> published) {
    this.schemas = Objects.requireNonNull(schemas, "schemas may not be null");
    this.published = Objects.requireNonNull(published, "published may not be null");
  }

  /** {@code buffer}, or a new buffer of its rows re-homed under the decided version. */
  public RowBuffer decided(RowBuffer buffer) {
    DatasetSchema schema = buffer.schema();
    if (buffer.rescuedRows() == 0 || schema == null || !schemas.mayHoldWaiting(schema.dataset())) {
      return buffer;
    }
    List<Object[]> rows = new ArrayList<>();
    for (Iterator<Object[]> values = buffer.values(); values.hasNext(); ) {
      rows.add(values.next());
    }
    NumberDecision decision = schemas.decide(schema.dataset(), rows);
    if (decision.published()) {
      published.accept(decision.schema());
    }
    if (decision.schema().version() == schema.version() && nothingMoves(rows, decision)) {
      return buffer;
    }
    return buffer.reshaped(decision.schema(), decision.rehome());
  }

  /** True when no row has a waiting value to move: its {@code _rescued} values are rescued for good. */
  private static boolean nothingMoves(List<Object[]> rows, NumberDecision decision) {
    for (Object[] row : rows) {
      if (decision.rehome().apply(row) != row) {
        return false;
      }
    }
    return true;
  }
}
