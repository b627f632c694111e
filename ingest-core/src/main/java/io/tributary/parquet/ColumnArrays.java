package io.tributary.parquet;

import java.util.ArrayList;
import java.util.List;

/**
 * The growable arrays a column chunk buffers its open page in (levels, values), kept per thread from file to file so
 * that each file does not grow its own from nothing: a stream thread writes file after file of the same datasets.
 * A writer takes the arrays of its {@code i}th column from the {@code i}th slot of its thread's store and gives them
 * back when it closes; at most {@value #MAX_KEPT_BYTES} bytes are kept per thread (what is given beyond is left to
 * the collector). Arrays are only ever handed out on the thread whose store holds them.
 */
final class ColumnArrays {
  /** The most bytes of arrays a thread keeps between files. */
  static final long MAX_KEPT_BYTES = 8L << 20;
  private static final ThreadLocal<Store> STORES = ThreadLocal.withInitial(Store::new);

  long[] longs = new long[0];
  byte[] bytes = new byte[0];
  int[] rep = new int[0];
  int[] def = new int[0];
  int[] ids = new int[0];

  /** The arrays of column {@code column} kept by this thread, or fresh ones. */
  static ColumnArrays take(int column) {
    return STORES.get().take(column);
  }

  /** Gives {@code arrays}, no longer used, back to this thread's store as column {@code column}'s. */
  static void give(int column, ColumnArrays arrays) {
    STORES.get().give(column, arrays);
  }

  /** The bytes this thread keeps. */
  static long keptBytes() {
    return STORES.get().kept;
  }

  long bytes() {
    return 8L * longs.length + bytes.length + 4L * (rep.length + def.length + ids.length);
  }

  private static final class Store {
    private final List<ColumnArrays> columns = new ArrayList<>();
    private long kept;

    ColumnArrays take(int column) {
      if (column < columns.size()) {
        ColumnArrays arrays = columns.set(column, null);
        if (arrays != null) {
          kept -= arrays.bytes();
          return arrays;
        }
      }
      return new ColumnArrays();
    }

    void give(int column, ColumnArrays arrays) {
      long bytes = arrays.bytes();
      while (columns.size() <= column) {
        columns.add(null);
      }
      if (columns.get(column) != null || kept + bytes > MAX_KEPT_BYTES) {
        return;
      }
      columns.set(column, arrays);
      kept += bytes;
    }
  }
}
