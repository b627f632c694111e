package io.tributary.parquet;

import java.io.IOException;
import java.util.Arrays;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.statistics.Statistics;

/**
 * A BINARY (UTF-8 string) column: the open page's values copied as PLAIN bytes as they come, dictionary-encoded when
 * the page is cut, or written as they are when the column has no dictionary or its dictionary stopped paying. Min
 * and max compare bytes unsigned, as Parquet orders UTF-8 strings; on a dictionary page only each value's first
 * sighting in the page is compared.
 */
final class BinaryColumn extends ColumnChunk {
  private final PageBuffer values;
  private int count;
  /** The row group's dictionary; null when the column has none. */
  private final BinaryDictionary dictionary;
  /** Whether the row group's pages from now on are plain: its dictionary stopped paying. */
  private boolean plain;
  private int dictionaryUsed;
  /** The page each dictionary entry was last seen in, for statistics. */
  private int[] seenIn = new int[0];
  private int pageNumber;
  private byte[] min;
  private byte[] max;

  BinaryColumn(ColumnDescriptor descriptor, ColumnChunks owner, ColumnArrays arrays, boolean dictionary) {
    super(descriptor, owner, arrays);
    this.values = new PageBuffer(arrays.bytes.length == 0 ? new byte[1024] : arrays.bytes);
    this.dictionary = dictionary ? new BinaryDictionary() : null;
    this.plain = !dictionary;
  }

  void write(byte[] bytes, int offset, int length, int r) {
    present(r);
    values.writeBinary(bytes, offset, length);
    count++;
    if (values.size() >= pageBytes) {
      pageFull();
    }
  }

  @Override
  Encoding writeValues(PageBuffer page) {
    pageNumber++;
    if (!plain && count > 0 && dictionaryIds(page)) {
      return Encoding.PLAIN_DICTIONARY;
    }
    plainMinMax();
    page.write(values.array(), 0, values.size());
    return Encoding.PLAIN;
  }

  /** Writes the page's values as dictionary ids, or gives the dictionary up (false) when it does not pay. */
  private boolean dictionaryIds(PageBuffer page) {
    int before = dictionary.size();
    int[] ids = ids(count);
    byte[] bytes = values.array();
    int minId = -1;
    int maxId = -1;
    for (int i = 0, at = 0; i < count; i++) {
      int length = PageBuffer.intAt(bytes, at);
      int id = dictionary.id(bytes, at + 4, length);
      at += 4 + length;
      ids[i] = id;
      if (id >= seenIn.length) {
        seenIn = Arrays.copyOf(seenIn, Math.max(id + 1, seenIn.length * 2));
      }
      if (seenIn[id] != pageNumber) {
        seenIn[id] = pageNumber;
        if (minId < 0) {
          minId = id;
          maxId = id;
        } else if (compare(id, minId) < 0) {
          minId = id;
        } else if (compare(id, maxId) > 0) {
          maxId = id;
        }
      }
    }
    if (writeIds(page, ids, count, dictionary.size(), dictionary.plainBytes(), values.size())) {
      dictionaryUsed = dictionary.size();
      min = entry(minId);
      max = entry(maxId);
      return true;
    }
    dictionary.truncate(before);
    plain = true;
    return false;
  }

  private int compare(int id, int other) {
    byte[] data = dictionary.data();
    int a = dictionary.offset(id);
    int b = dictionary.offset(other);
    return Arrays.compareUnsigned(data, a, a + dictionary.length(id), data, b, b + dictionary.length(other));
  }

  private byte[] entry(int id) {
    int offset = dictionary.offset(id);
    return Arrays.copyOfRange(dictionary.data(), offset, offset + dictionary.length(id));
  }

  private void plainMinMax() {
    if (count == 0) {
      return;
    }
    byte[] bytes = values.array();
    int minAt = 4;
    int minLength = PageBuffer.intAt(bytes, 0);
    int maxAt = minAt;
    int maxLength = minLength;
    for (int i = 1, at = 4 + minLength; i < count; i++) {
      int length = PageBuffer.intAt(bytes, at);
      int from = at + 4;
      if (Arrays.compareUnsigned(bytes, from, from + length, bytes, minAt, minAt + minLength) < 0) {
        minAt = from;
        minLength = length;
      } else if (Arrays.compareUnsigned(bytes, from, from + length, bytes, maxAt, maxAt + maxLength) > 0) {
        maxAt = from;
        maxLength = length;
      }
      at = from + length;
    }
    min = Arrays.copyOfRange(bytes, minAt, minAt + minLength);
    max = Arrays.copyOfRange(bytes, maxAt, maxAt + maxLength);
  }

  @Override
  Statistics.Builder statistics(Statistics.Builder statistics) {
    if (count == 0) {
      return statistics;
    }
    return statistics.withMin(min).withMax(max);
  }

  @Override
  void releaseValues() {
    arrays.bytes = values.array();
  }

  @Override
  void clearPage() {
    values.reset();
    count = 0;
    min = null;
    max = null;
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
    return values.size() + (plain ? 0 : dictionary.plainBytes());
  }

  @Override
  DictionaryPage dictionaryPage(PageBuffer page, PageCompressor compressor) throws IOException {
    if (dictionaryUsed == 0) {
      return null;
    }
    page.reset();
    byte[] data = dictionary.data();
    for (int id = 0; id < dictionaryUsed; id++) {
      page.writeBinary(data, dictionary.offset(id), dictionary.length(id));
    }
    return dictionaryPage(page, dictionaryUsed, compressor);
  }
}
