package io.tributary.parquet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetFileWriter;

/**
 * The row group {@link ParquetRowWriter} is buffering, and the file it goes to: binds the writer tree's leaves to
 * the row group's {@link ColumnChunks}, cuts the row group the way parquet-hadoop's
 * {@code InternalParquetRecordWriter} does ({@link #endRow}), writes it out, and finally writes the footer. Not
 * thread-safe.
 */
final class RowGroups {
  /** Rows in a row group at most: parquet-java's default limit. */
  private static final int ROW_LIMIT = Integer.MAX_VALUE;
  /** The fewest and most rows between two checks of the row group's size, as parquet-java spaces them. */
  private static final int MIN_ROWS_FOR_CHECK = 100;
  private static final int MAX_ROWS_FOR_CHECK = 10_000;

  private final ParquetFileWriter fileWriter;
  private final ColumnChunks chunks;
  private final long rowGroupBytes;
  /** Rows in the row group being buffered. */
  private long groupRows;
  private long groupRowsForNextSizeCheck;
  private long nextRowGroupBytes;
  /** Where the last row group written ends in the file. */
  private long writtenBytes;
  private boolean failed;

  /**
   * Starts the first row group of {@code fileWriter}'s file, whose header is written.
   *
   * @throws IllegalStateException when {@code root}'s leaves are not {@code messageType}'s columns
   */
  RowGroups(ColumnChunks chunks, ParquetFileWriter fileWriter, StructWriter root, long rowGroupBytes) {
    this.chunks = chunks;
    this.fileWriter = fileWriter;
    List<LeafWriter> leaves = new ArrayList<>();
    root.collectLeaves(leaves);
    if (leaves.size() != chunks.size()) {
      throw new IllegalStateException("Invalid writer tree: " + leaves.size() + " leaves for " + chunks.size()
          + " Parquet columns");
    }
    for (int i = 0; i < leaves.size(); i++) {
      leaves.get(i).bind(chunks.chunk(i));
    }
    this.rowGroupBytes = rowGroupBytes;
    this.nextRowGroupBytes = rowGroupBytes;
    this.groupRowsForNextSizeCheck = MIN_ROWS_FOR_CHECK;
  }

  /**
   * Ends the row whose values were just written into the leaves' column chunks. The row group is written to the
   * output once its buffered size nears the row group size, checked every so many rows (the count adapts to the row
   * size), or once it holds Parquet's row count limit.
   *
   * @throws IOException when the full row group cannot be written; {@link #failed()} is then true
   */
  void endRow() throws IOException {
    try {
      chunks.endRow();
    } catch (IOException | RuntimeException e) {
      failed = true;
      throw e;
    }
    groupRows++;
    if (groupRows >= ROW_LIMIT) {
      nextRowGroup();
    } else if (groupRows >= groupRowsForNextSizeCheck) {
      long buffered = chunks.bufferedBytes();
      long rowBytes = Math.max(1, buffered / groupRows);
      if (buffered > nextRowGroupBytes - 2 * rowBytes) {
        nextRowGroup();
      } else {
        groupRowsForNextSizeCheck = Math.min(
            Math.max(MIN_ROWS_FOR_CHECK, (groupRows + (long) (nextRowGroupBytes / (float) rowBytes)) / 2),
            groupRows + MAX_ROWS_FOR_CHECK);
      }
    }
  }

  /** Whether writing a row group (or the footer) failed: the file is then abandoned. */
  boolean failed() {
    return failed;
  }

  /**
   * Bytes written to the output so far plus the row group buffered in memory (before compression). Walks every
   * column writer.
   */
  long bufferedBytes() {
    return writtenBytes + chunks.bufferedBytes();
  }

  /** Writes the last row group, if it has rows, and the footer with {@code metadata}. */
  void finish(Map<String, String> metadata) throws IOException {
    try {
      flushRowGroup();
      fileWriter.end(metadata);
    } catch (IOException | RuntimeException e) {
      failed = true;
      throw e;
    }
  }

  /** Abandons the file after a failure. */
  void abort() throws IOException {
    fileWriter.abort();
  }

  /** Gives the column chunks' arrays back to the thread, the file being written or abandoned. */
  void release() {
    chunks.release();
  }

  private void nextRowGroup() throws IOException {
    flushRowGroup();
    groupRowsForNextSizeCheck = MIN_ROWS_FOR_CHECK;
  }

  /** Writes the buffered row group, if it has rows, to the output. */
  private void flushRowGroup() throws IOException {
    try {
      if (groupRows > 0) {
        fileWriter.startBlock(groupRows);
        chunks.writeTo(fileWriter);
        fileWriter.endBlock();
        groupRows = 0;
        nextRowGroupBytes = Math.min(fileWriter.getNextRowGroupSize(), rowGroupBytes);
        writtenBytes = fileWriter.getPos();
      }
    } catch (IOException | RuntimeException e) {
      failed = true;
      throw e;
    }
  }
}
