package io.tributary.parquet;

import io.tributary.buffer.RowCursor;
import java.util.List;
import java.util.Map;

/**
 * A MAP: {@code java.util.Map} with non-null {@code String} keys, defined at {@code d}. An empty map is a present
 * group with no entries; a null value is an entry without its value (a null at {@code d + 1}).
 */
final class MapWriter extends ValueWriter {
  private final String path;
  private final int d;
  private final int r;
  private final LeafWriter.StringWriter key;
  private final ValueWriter mapValue;

  MapWriter(String path, int d, int r, LeafWriter.StringWriter key, ValueWriter mapValue) {
    this.path = path;
    this.d = d;
    this.r = r;
    this.key = key;
    this.mapValue = mapValue;
  }

  @Override
  public void check(Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("Invalid value for column " + path
          + ": expected java.util.Map for type map, got " + value.getClass().getName());
    }
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String)) {
        throw new IllegalArgumentException("Invalid key for column " + path + ": expected a non-null "
            + "java.lang.String, got " + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName()));
      }
      if (entry.getValue() != null) {
        mapValue.check(entry.getValue());
      }
    }
  }

  @Override
  public void write(Object value, int firstR) {
    Map<?, ?> map = (Map<?, ?>) value;
    if (map.isEmpty()) {
      writeNull(firstR, d);
      return;
    }
    int at = firstR;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      key.write(entry.getKey(), at);
      Object item = entry.getValue();
      if (item == null) {
        mapValue.writeNull(at, d + 1);
      } else {
        mapValue.write(item, at);
      }
      at = r;
    }
  }

  @Override
  public void writeFrom(RowCursor in, int firstR) {
    int size = in.entries();
    if (size == 0) {
      writeNull(firstR, d);
      return;
    }
    int at = firstR;
    for (int i = 0; i < size; i++) {
      key.writeFrom(in, at);
      if (in.present()) {
        mapValue.writeFrom(in, at);
      } else {
        mapValue.writeNull(at, d + 1);
      }
      at = r;
    }
  }

  @Override
  public void writeNull(int nullR, int nullD) {
    key.writeNull(nullR, nullD);
    mapValue.writeNull(nullR, nullD);
  }

  @Override
  public void collectLeaves(List<LeafWriter> leaves) {
    key.collectLeaves(leaves);
    mapValue.collectLeaves(leaves);
  }
}
