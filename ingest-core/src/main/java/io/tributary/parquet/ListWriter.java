package io.tributary.parquet;

import io.tributary.buffer.RowCursor;
import java.util.List;

/**
 * A LIST: {@code java.util.List}, defined at {@code d}. An empty list is a present group with no repeated entries
 * (a null at {@code d}); a null element is a repeated entry without its optional element (a null at {@code d + 1}).
 * Entries after the first repeat at {@code r}, this list's repetition level.
 */
final class ListWriter extends ValueWriter {
  private final String path;
  private final int d;
  private final int r;
  private final ValueWriter element;

  ListWriter(String path, int d, int r, ValueWriter element) {
    this.path = path;
    this.d = d;
    this.r = r;
    this.element = element;
  }

  @Override
  public void check(Object value) {
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException("Invalid value for column " + path
          + ": expected java.util.List for type list, got " + value.getClass().getName());
    }
    for (Object item : list) {
      if (item != null) {
        element.check(item);
      }
    }
  }

  @Override
  public void write(Object value, int firstR) {
    List<?> list = (List<?>) value;
    if (list.isEmpty()) {
      element.writeNull(firstR, d);
      return;
    }
    int at = firstR;
    for (Object item : list) {
      if (item == null) {
        element.writeNull(at, d + 1);
      } else {
        element.write(item, at);
      }
      at = r;
    }
  }

  @Override
  public void writeFrom(RowCursor in, int firstR) {
    int size = in.entries();
    if (size == 0) {
      element.writeNull(firstR, d);
      return;
    }
    int at = firstR;
    for (int i = 0; i < size; i++) {
      if (in.present()) {
        element.writeFrom(in, at);
      } else {
        element.writeNull(at, d + 1);
      }
      at = r;
    }
  }

  @Override
  public void writeNull(int nullR, int nullD) {
    element.writeNull(nullR, nullD);
  }

  @Override
  public void collectLeaves(List<LeafWriter> leaves) {
    element.collectLeaves(leaves);
  }
}
