package io.tributary.parquet;

import java.util.Arrays;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.statistics.Statistics;

/** A BOOLEAN column: PLAIN, one bit per present value, least significant first, as Parquet has no dictionary for it. */
final class BooleanColumn extends ColumnChunk {
  private byte[] bits;
  private int count;
  private boolean anyTrue;
  private boolean anyFalse;

  BooleanColumn(ColumnDescriptor descriptor, ColumnChunks owner, ColumnArrays arrays) {
    super(descriptor, owner, arrays);
    this.bits = arrays.bytes.length == 0 ? new byte[64] : arrays.bytes;
    // A file abandoned mid-page may have left bits set.
    Arrays.fill(bits, (byte) 0);
  }

  void write(boolean value, int r) {
    present(r);
    int at = count >>> 3;
    if (at == bits.length) {
      bits = Arrays.copyOf(bits, at * 2);
    }
    if (value) {
      bits[at] |= (byte) (1 << (count & 7));
      anyTrue = true;
    } else {
      anyFalse = true;
    }
    count++;
    if (at >= pageBytes) {
      pageFull();
    }
  }

  @Override
  Encoding writeValues(PageBuffer page) {
    page.write(bits, 0, (count + 7) >>> 3);
    return Encoding.PLAIN;
  }

  @Override
  Statistics.Builder statistics(Statistics.Builder statistics) {
    if (count == 0) {
      return statistics;
    }
    return statistics.withMin(new byte[] {(byte) (anyFalse ? 0 : 1)}).withMax(new byte[] {(byte) (anyTrue ? 1 : 0)});
  }

  @Override
  void releaseValues() {
    arrays.bytes = bits;
  }

  @Override
  void clearPage() {
    Arrays.fill(bits, 0, (count + 7) >>> 3, (byte) 0);
    count = 0;
    anyTrue = false;
    anyFalse = false;
  }

  @Override
  void clearChunk() {}

  @Override
  long bufferedValueBytes() {
    return (count + 7) >>> 3;
  }

  @Override
  DictionaryPage dictionaryPage(PageBuffer page, PageCompressor compressor) {
    return null;
  }
}
