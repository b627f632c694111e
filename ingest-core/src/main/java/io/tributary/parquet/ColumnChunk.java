package io.tributary.parquet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileWriter;

/**
 * One leaf column of the row group being written: the levels and values of its open page, and its finished pages,
 * compressed, until the row group is written out. Pages hold whole rows: a page that is full ({@link #pageBytes}
 * of values, or {@value #PAGE_ROW_LIMIT} rows, as parquet-java cuts them) is cut when its row ends
 * ({@link ColumnChunks#endRow}).
 *
 * <p>Data pages are version 1: repetition levels (when the column repeats) and definition levels, each RLE/bit-packed
 * behind its 4-byte length, then the values, PLAIN or dictionary ids ({@link Encoding#PLAIN_DICTIONARY}). Each page
 * carries its statistics (min, max, null count), from which parquet-java's file writer builds the chunk's statistics,
 * column index and offset index. The subclasses hold the values: {@link LongColumn}, {@link BooleanColumn},
 * {@link BinaryColumn}. Not thread-safe.
 */
abstract class ColumnChunk {
  /** Rows per page at most: parquet-java's default page row count limit, which keeps column indexes useful. */
  static final int PAGE_ROW_LIMIT = 20_000;
  private static final int INITIAL_LEVELS = 256;
  /** The arrays of the open page, kept on the thread from file to file. */
  final ColumnArrays arrays;

  final ColumnDescriptor descriptor;
  final int pageBytes;
  private final ColumnChunks owner;
  private final int maxRep;
  private final int maxDef;
  private final Encoding repEncoding;
  private final Encoding defEncoding;

  /** The open page's repetition levels, when the column repeats. */
  private int[] rep;
  /** The open page's definition levels, once one was not the maximum; until then every level is the maximum. */
  private int[] def;
  private boolean defWritten;
  /** Levels (values and nulls) in the open page. */
  private int levels;
  private int nulls;
  private int rows;
  private boolean full;

  private final List<Page> pages = new ArrayList<>();
  private long chunkLevels;
  private long pagesBytes;

  ColumnChunk(ColumnDescriptor descriptor, ColumnChunks owner, ColumnArrays arrays) {
    this.descriptor = descriptor;
    this.arrays = arrays;
    this.owner = owner;
    this.pageBytes = owner.pageBytes();
    this.maxRep = descriptor.getMaxRepetitionLevel();
    this.maxDef = descriptor.getMaxDefinitionLevel();
    this.repEncoding = maxRep == 0 ? Encoding.BIT_PACKED : Encoding.RLE;
    this.defEncoding = maxDef == 0 ? Encoding.BIT_PACKED : Encoding.RLE;
    this.rep = arrays.rep;
    this.def = arrays.def;
  }

  /** A null at repetition level {@code r}, defined down to {@code d} (below the column's maximum). */
  final void writeNull(int r, int d) {
    if (!defWritten) {
      if (def.length <= levels) {
        def = new int[Math.max(INITIAL_LEVELS, levels * 2)];
      }
      Arrays.fill(def, 0, levels, maxDef);
      defWritten = true;
    }
    level(r);
    def[levels] = d;
    levels++;
    nulls++;
  }

  /** Records the levels of a present value at repetition level {@code r}; the subclass then adds the value. */
  final void present(int r) {
    level(r);
    if (defWritten) {
      def[levels] = maxDef;
    }
    levels++;
  }

  private void level(int r) {
    if (maxRep > 0) {
      if (levels == rep.length) {
        rep = Arrays.copyOf(rep, Math.max(INITIAL_LEVELS, levels * 2));
      }
      rep[levels] = r;
    }
    if (defWritten && levels == def.length) {
      def = Arrays.copyOf(def, Math.max(INITIAL_LEVELS, levels * 2));
    }
    if (r == 0 && ++rows >= PAGE_ROW_LIMIT) {
      pageFull();
    }
  }

  /** Asks for the open page to be cut when the current row ends. */
  final void pageFull() {
    if (!full) {
      full = true;
      owner.cutAtRowEnd(this);
    }
  }

  /** Cuts the open page, if it holds anything: encodes, compresses and keeps it. */
  final void cutPage(PageBuffer page, PageCompressor compressor) throws IOException {
    full = false;
    if (levels == 0) {
      return;
    }
    page.reset();
    if (maxRep > 0) {
      writeLevels(page, rep, false, maxRep);
    }
    if (maxDef > 0) {
      writeLevels(page, def, !defWritten, maxDef);
    }
    Encoding encoding = writeValues(page);
    Statistics<?> statistics = statistics(Statistics.getBuilderForReading(descriptor.getPrimitiveType()))
        .withNumNulls(nulls)
        .build();
    int uncompressed = page.size();
    BytesInput compressed = compressor.compress(page.array(), uncompressed);
    pages.add(new Page(compressed, uncompressed, levels, rows, statistics, encoding));
    pagesBytes += compressed.size();
    chunkLevels += levels;
    levels = 0;
    nulls = 0;
    rows = 0;
    defWritten = false;
    clearPage();
  }

  private void writeLevels(PageBuffer page, int[] values, boolean allMax, int max) {
    int lengthAt = page.size();
    page.writeIntLittleEndian(0);
    int bitWidth = RleHybrid.bitWidth(max);
    if (allMax) {
      RleHybrid.repeat(max, levels, bitWidth, page);
    } else {
      RleHybrid.encode(values, levels, bitWidth, page);
    }
    page.setIntLittleEndian(lengthAt, page.size() - lengthAt - 4);
  }

  /**
   * Writes the column chunk of the row group: its last page is cut, then its dictionary page, if any of its pages
   * uses it, and its data pages go to {@code out}; the chunk is then empty for the next row group.
   */
  final void writeTo(ParquetFileWriter out, PageBuffer page, PageCompressor compressor) throws IOException {
    cutPage(page, compressor);
    out.startColumn(descriptor, chunkLevels, compressor.getCodecName());
    DictionaryPage dictionary = dictionaryPage(page, compressor);
    if (dictionary != null) {
      out.writeDictionaryPage(dictionary);
    }
    for (Page p : pages) {
      out.writeDataPage(p.levels, p.uncompressedBytes, p.bytes, p.statistics, p.rows, repEncoding, defEncoding,
          p.encoding);
    }
    out.endColumn();
    pages.clear();
    chunkLevels = 0;
    pagesBytes = 0;
    clearChunk();
  }

  /** The bytes this chunk holds: its finished pages compressed, its open page and dictionary as they stand. */
  final long bufferedBytes() {
    return pagesBytes + levels / 4 + bufferedValueBytes();
  }

  /** Room for {@code count} dictionary ids of the page being cut. */
  final int[] ids(int count) {
    return owner.ids(count);
  }

  /**
   * Writes {@code ids[0, count)} to {@code page} as the open page's values, unless the dictionary does not pay:
   * when its PLAIN size ({@code dictionaryBytes}, {@code entries} entries) outgrows a page, or when on the row
   * group's first page ids and dictionary are no smaller than the values' PLAIN size ({@code plainBytes}), as
   * parquet-java decides. Returns false, with {@code page} as it was, when it does not pay.
   */
  final boolean writeIds(PageBuffer page, int[] ids, int count, int entries, long dictionaryBytes, long plainBytes) {
    if (dictionaryBytes > pageBytes) {
      return false;
    }
    int start = page.size();
    int bitWidth = RleHybrid.bitWidth(entries - 1);
    page.writeByte(bitWidth);
    RleHybrid.encode(ids, count, bitWidth, page);
    if (pages.isEmpty() && page.size() - start + dictionaryBytes >= plainBytes) {
      page.truncate(start);
      return false;
    }
    return true;
  }

  /** The dictionary page of {@code entries} entries whose PLAIN values {@code page} holds, compressed. */
  static DictionaryPage dictionaryPage(PageBuffer page, int entries, PageCompressor compressor) throws IOException {
    BytesInput compressed = compressor.compress(page.array(), page.size());
    return new DictionaryPage(compressed, page.size(), entries, Encoding.PLAIN_DICTIONARY);
  }

  /** Gives the arrays back to the thread's store as column {@code column}'s; the chunk is not used again. */
  final void release(int column) {
    arrays.rep = rep;
    arrays.def = def;
    releaseValues();
    ColumnArrays.give(column, arrays);
  }

  /** Puts the value arrays, as grown, back into {@link #arrays}. */
  abstract void releaseValues();

  /** Writes the present values of the open page to {@code page}, and returns their encoding. */
  abstract Encoding writeValues(PageBuffer page);

  /** Adds the open page's min and max, as written by {@link #writeValues}, to {@code statistics}. */
  abstract Statistics.Builder statistics(Statistics.Builder statistics);

  /** Forgets the open page's values, once cut. */
  abstract void clearPage();

  /** Forgets the chunk's dictionary, once written: the next row group starts its own. */
  abstract void clearChunk();

  /** Value bytes buffered: the open page's and the dictionary's. */
  abstract long bufferedValueBytes();

  /** The chunk's dictionary page, compressed, when a page was written with its ids; null otherwise. */
  abstract DictionaryPage dictionaryPage(PageBuffer page, PageCompressor compressor) throws IOException;

  private record Page(BytesInput bytes, int uncompressedBytes, int levels, int rows, Statistics<?> statistics,
      Encoding encoding) {}
}
