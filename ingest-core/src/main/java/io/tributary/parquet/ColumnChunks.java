package io.tributary.parquet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * The column chunks of a file's row group being written, one per leaf column of its schema, in the schema's order:
 * cuts their full pages at row ends and writes them out as a row group. The chunks are reused from row group to row
 * group. Not thread-safe.
 */
final class ColumnChunks {
  private final int pageBytes;
  private final PageCompressor compressor;
  private final List<ColumnChunk> chunks = new ArrayList<>();
  private final List<ColumnChunk> full = new ArrayList<>();
  private final PageBuffer page;
  /** The page buffer and dictionary ids all chunks share, one page being encoded at a time: column slot 0. */
  private final ColumnArrays shared;

  /**
   * Chunks for every column of {@code schema}: the columns whose dotted paths are in {@code plainColumns} are written
   * without a dictionary, as are booleans; the others start with one and fall back to plain values when it does not
   * pay.
   */
  ColumnChunks(MessageType schema, Set<String> plainColumns, int pageBytes, PageCompressor compressor) {
    this.pageBytes = pageBytes;
    this.compressor = compressor;
    this.shared = ColumnArrays.take(0);
    this.page = new PageBuffer(shared.bytes.length == 0 ? new byte[64 * 1024] : shared.bytes);
    for (ColumnDescriptor column : schema.getColumns()) {
      ColumnArrays arrays = ColumnArrays.take(chunks.size() + 1);
      boolean dictionary = !plainColumns.contains(String.join(".", column.getPath()));
      PrimitiveTypeName type = column.getPrimitiveType().getPrimitiveTypeName();
      chunks.add(switch (type) {
        case INT64 -> new LongColumn(column, this, arrays, false, dictionary);
        case DOUBLE -> new LongColumn(column, this, arrays, true, dictionary);
        case BOOLEAN -> new BooleanColumn(column, this, arrays);
        case BINARY -> new BinaryColumn(column, this, arrays, dictionary);
        default -> throw new IllegalStateException("Unhandled Parquet column type: " + type);
      });
    }
  }

  /** The chunk of the {@code index}th leaf column. */
  ColumnChunk chunk(int index) {
    return chunks.get(index);
  }

  int size() {
    return chunks.size();
  }

  int pageBytes() {
    return pageBytes;
  }

  /** Room for {@code count} dictionary ids of the page being encoded. */
  int[] ids(int count) {
    if (shared.ids.length < count) {
      shared.ids = new int[Math.max(count, shared.ids.length * 2)];
    }
    return shared.ids;
  }

  /** Gives every chunk's arrays back to the thread's store: the chunks are not used again. */
  void release() {
    for (int i = 0; i < chunks.size(); i++) {
      chunks.get(i).release(i + 1);
    }
    shared.bytes = page.array();
    ColumnArrays.give(0, shared);
  }

  /** Called by a chunk whose open page is full: it is cut at {@link #endRow}. */
  void cutAtRowEnd(ColumnChunk chunk) {
    full.add(chunk);
  }

  /** Ends a row: the full pages are cut. */
  void endRow() throws IOException {
    if (!full.isEmpty()) {
      for (ColumnChunk chunk : full) {
        chunk.cutPage(page, compressor);
      }
      full.clear();
    }
  }

  /** The bytes the row group holds: finished pages compressed, open pages and dictionaries as they stand. */
  long bufferedBytes() {
    long bytes = 0;
    for (ColumnChunk chunk : chunks) {
      bytes += chunk.bufferedBytes();
    }
    return bytes;
  }

  /** Writes the row group's chunks to {@code out}, between its {@code startBlock} and {@code endBlock}. */
  void writeTo(ParquetFileWriter out) throws IOException {
    full.clear();
    for (ColumnChunk chunk : chunks) {
      chunk.writeTo(out, page, compressor);
    }
  }
}
