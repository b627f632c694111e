package io.tributary.parquet;

import java.io.IOException;
import java.util.Arrays;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.statistics.Statistics;

/**
 * An INT64 or DOUBLE column (a double kept as its bits): the open page's values as they came, dictionary-encoded
 * when the page is cut, or PLAIN when the column has no dictionary or its dictionary stopped paying.
 */
final class LongColumn extends ColumnChunk {
  private final boolean doubles;
  private long[] values;
  private int count;
  /** The row group's dictionary; null when the column has none. */
  private final LongDictionary dictionary;
  /** Whether the row group's pages from now on are plain: its dictionary stopped paying. */
  private boolean plain;
  /** Dictionary entries some page of the row group was written with. */
  private int dictionaryUsed;
  private long min;
  private long max;
  private boolean hasMinMax;
  private int nans;

  LongColumn(ColumnDescriptor descriptor, ColumnChunks owner, ColumnArrays arrays, boolean doubles,
      boolean dictionary) {
    super(descriptor, owner, arrays);
    this.values = arrays.longs.length == 0 ? new long[256] : arrays.longs;
    this.doubles = doubles;
    this.dictionary = dictionary ? new LongDictionary() : null;
    this.plain = !dictionary;
  }

  void write(long value, int r) {
    present(r);
    if (count == values.length) {
      values = Arrays.copyOf(values, count * 2);
    }
    values[count++] = value;
    if (count >= pageBytes >>> 3) {
      pageFull();
    }
  }

  void write(double value, int r) {
    write(Double.doubleToLongBits(value), r);
  }

  @Override
  Encoding writeValues(PageBuffer page) {
    if (count > 0) {
      minMax();
    }
    if (!plain && count > 0 && dictionaryIds(page)) {
      return Encoding.PLAIN_DICTIONARY;
    }
    page.writeLongs(values, count);
    return Encoding.PLAIN;
  }

  /** Writes the page's values as dictionary ids, or gives the dictionary up (false) when it does not pay. */
  private boolean dictionaryIds(PageBuffer page) {
    int before = dictionary.size();
    int[] ids = ids(count);
    for (int i = 0; i < count; i++) {
      ids[i] = dictionary.id(values[i]);
    }
    if (writeIds(page, ids, count, dictionary.size(), dictionary.size() * 8L, count * 8L)) {
      dictionaryUsed = dictionary.size();
      return true;
    }
    dictionary.truncate(before);
    plain = true;
    return false;
  }

  /** Min and max of the page's values; a double's NaNs are counted instead, as Parquet's statistics want them. */
  private void minMax() {
    nans = 0;
    hasMinMax = true;
    if (doubles) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < count; i++) {
        double v = Double.longBitsToDouble(values[i]);
        if (v != v) {
          nans++;
        } else {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
      hasMinMax = nans < count;
      min = Double.doubleToLongBits(lo);
      max = Double.doubleToLongBits(hi);
    } else {
      long lo = values[0];
      long hi = lo;
      for (int i = 1; i < count; i++) {
        lo = Math.min(lo, values[i]);
        hi = Math.max(hi, values[i]);
      }
      min = lo;
      max = hi;
    }
  }

  @Override
  Statistics.Builder statistics(Statistics.Builder statistics) {
    if (doubles) {
      statistics.withNanCount(count == 0 ? 0 : nans);
    }
    if (count == 0 || !hasMinMax) {
      return statistics;
    }
    return statistics.withMin(littleEndian(min)).withMax(littleEndian(max));
  }

  private static byte[] littleEndian(long value) {
    byte[] bytes = new byte[8];
    for (int i = 0; i < 8; i++) {
      bytes[i] = (byte) (value >>> (8 * i));
    }
    return bytes;
  }

  @Override
  void releaseValues() {
    arrays.longs = values;
  }

  @Override
  void clearPage() {
    count = 0;
  }

  @Override
  void clearChunk() {
    if (dictionary != null) {
      dictionary.clear();
    }
    plain = dictionary == null;
    dictionaryUsed = 0;
  }

  @Override
  long bufferedValueBytes() {
    return count * 8L + (plain ? dictionaryUsed : dictionary.size()) * 8L;
  }

  @Override
  DictionaryPage dictionaryPage(PageBuffer page, PageCompressor compressor) throws IOException {
    if (dictionaryUsed == 0) {
      return null;
    }
    page.reset();
    page.writeLongs(dictionary.entries(), dictionaryUsed);
    return dictionaryPage(page, dictionaryUsed, compressor);
  }
}
