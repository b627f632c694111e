package io.tributary.parquet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.schema.MessageType;

/**
 * The row group {@link ParquetRowWriter} is buffering, and the file it goes to: binds the writer tree's leaves to
 * the row group's column writers, cuts the row group the way parquet-hadoop's {@code InternalParquetRecordWriter}
 * does ({@link #endRow}), writes it out, and finally writes the footer. Not thread-safe.
 */
final class RowGroups {
  private final MessageType messageType;
  private final ParquetProperties properties;
  private final BytesInputCompressor compressor;
  private final ParquetFileWriter fileWriter;
  private final List<LeafWriter> leaves;
  private final long rowGroupBytes;
  private ColumnChunkPageWriteStore pageStore;
  private ColumnWriteStore columnStore;
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
  RowGroups(MessageType messageType, ParquetProperties properties, BytesInputCompressor compressor,
      ParquetFileWriter fileWriter, StructWriter root, long rowGroupBytes) {
    this.messageType = messageType;
    this.properties = properties;
    this.compressor = compressor;
    this.fileWriter = fileWriter;
    this.leaves = new ArrayList<>();
    root.collectLeaves(leaves);
    if (leaves.size() != messageType.getColumns().size()) {
      throw new IllegalStateException("Invalid writer tree: " + leaves.size() + " leaves for "
          + messageType.getColumns().size() + " Parquet columns");
    }
    this.rowGroupBytes = rowGroupBytes;
    this.nextRowGroupBytes = rowGroupBytes;
    this.groupRowsForNextSizeCheck = properties.getMinRowCountForPageSizeCheck();
    startRowGroup();
  }

  /**
   * Ends the row whose values were just written into the leaves' column writers. The row group is written to the
   * output once its buffered size nears the row group size, checked every so many rows (the count adapts to the row
   * size), or once it holds Parquet's row count limit.
   *
   * @throws IOException when the full row group cannot be written; {@link #failed()} is then true
   */
  void endRow() throws IOException {
    columnStore.endRecord();
    groupRows++;
    if (groupRows >= properties.getRowGroupRowCountLimit()) {
      nextRowGroup();
    } else if (groupRows >= groupRowsForNextSizeCheck) {
      long buffered = columnStore.getBufferedSize();
      long rowBytes = Math.max(1, buffered / groupRows);
      if (buffered > nextRowGroupBytes - 2 * rowBytes) {
        nextRowGroup();
      } else {
        groupRowsForNextSizeCheck = Math.min(
            Math.max(properties.getMinRowCountForPageSizeCheck(),
                (groupRows + (long) (nextRowGroupBytes / (float) rowBytes)) / 2),
            groupRows + properties.getMaxRowCountForPageSizeCheck());
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
    return writtenBytes + columnStore.getBufferedSize();
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

  private void nextRowGroup() throws IOException {
    flushRowGroup();
    startRowGroup();
    groupRowsForNextSizeCheck = Math.min(Math.max(properties.getMinRowCountForPageSizeCheck(), groupRows / 2),
        properties.getMaxRowCountForPageSizeCheck());
  }

  private void startRowGroup() {
    pageStore = new ColumnChunkPageWriteStore(compressor, messageType, properties.getAllocator(),
        properties.getColumnIndexTruncateLength(), properties.getPageWriteChecksumEnabled());
    columnStore = properties.newColumnWriteStore(messageType, pageStore, pageStore);
    List<ColumnDescriptor> columns = messageType.getColumns();
    for (int i = 0; i < leaves.size(); i++) {
      leaves.get(i).bind(columnStore, columns.get(i));
    }
  }

  /** Writes the buffered row group, if it has rows, to the output. */
  private void flushRowGroup() throws IOException {
    try {
      if (groupRows > 0) {
        fileWriter.startBlock(groupRows);
        columnStore.flush();
        pageStore.flushToFileWriter(fileWriter);
        fileWriter.endBlock();
        groupRows = 0;
        nextRowGroupBytes = Math.min(fileWriter.getNextRowGroupSize(), rowGroupBytes);
        writtenBytes = fileWriter.getPos();
      }
    } catch (IOException | RuntimeException e) {
      failed = true;
      throw e;
    } finally {
      columnStore.close();
      pageStore.close();
    }
  }
}
