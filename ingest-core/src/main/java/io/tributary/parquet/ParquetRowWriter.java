package io.tributary.parquet;

import io.tributary.buffer.RowBuffer;
import io.tributary.buffer.RowCursor;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.Field;
import io.tributary.schema.PrimitiveType;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.crypto.FileEncryptionProperties;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Writes shaped rows of one schema version to one Parquet file, with no Hadoop class loaded.
 *
 * <p>Values go straight into our own column chunks ({@link ColumnChunk}; {@link ValueWriter} computes their
 * repetition and definition levels), not through parquet-hadoop's {@code ParquetWriter}, its {@code RecordConsumer}
 * and parquet-column's column writers, whose per-value bookkeeping cost more than encoding the values; row groups
 * are cut the way {@code ParquetWriter} cuts them and laid out by its {@code ParquetFileWriter} ({@link RowGroups}).
 *
 * <p>Each file carries key-value metadata {@value #DATASET_KEY} (the dataset name) and {@value #SCHEMA_VERSION_KEY}
 * (the schema version number). Rows follow {@link io.tributary.schema.ColumnType}'s value contract; a value of any
 * other Java type is rejected before anything of its row is written, so the file stays valid. The rows of a
 * {@link RowBuffer} were typed when they were buffered: {@link #writeAll(OutputFile, RowBuffer, WriteOptions,
 * UnaryOperator)} streams them from the buffer's compact form straight into the column chunks, unchecked, with no
 * row object, boxed value or {@code String} in between.
 *
 * <p>Lifecycle: {@link #open}, {@link #write} any number of rows, {@link #close} exactly once to write the footer;
 * a file that was never closed is not readable. Not thread-safe.
 */
public final class ParquetRowWriter implements Closeable {
  /** Key-value metadata key holding the dataset name. */
  public static final String DATASET_KEY = "tributary.dataset";
  /** Key-value metadata key holding the schema version number, in decimal. */
  public static final String SCHEMA_VERSION_KEY = "tributary.schema.version";

  /** Recorded as {@code writer.model.name}, as {@code ParquetWriter} does, so a reader can tell who wrote a file. */
  static final String MODEL_NAME = "tributary";
  private static final String MODEL_NAME_KEY = "writer.model.name";

  /**
   * Measuring the buffered size walks every column writer, so past the first rows it is measured once every this
   * many rows and extrapolated in between.
   */
  private static final int SIZE_SAMPLE_ROWS = 64;

  private final TrackedOutputFile out;
  private final HadoopFreeCodecFactory codecs;
  private final Map<String, String> metadata;
  private final StructWriter root;
  private final RowGroups rowGroups;
  private boolean closed;
  private long rows;
  private long sampledRows;
  private long sampledBytes;
  private long closedBytes = -1;

  private ParquetRowWriter(TrackedOutputFile out, ColumnChunks chunks, HadoopFreeCodecFactory codecs,
      ParquetFileWriter fileWriter, Map<String, String> metadata, StructWriter root, long rowGroupBytes) {
    this.out = out;
    this.codecs = codecs;
    this.metadata = metadata;
    this.root = root;
    this.rowGroups = new RowGroups(chunks, fileWriter, root, rowGroupBytes);
  }

  /**
   * Creates the file and writes its header.
   *
   * @param out where the file goes; created, so it must not exist yet (a leftover of a failed attempt is the
   *     caller's to remove: overwriting it here could hide a naming bug)
   * @param schema the schema every row is shaped against
   * @param options compression and sizes
   * @throws IOException when the file cannot be created
   * @throws IllegalArgumentException when the schema has an empty struct
   */
  public static ParquetRowWriter open(OutputFile out, DatasetSchema schema, WriteOptions options) throws IOException {
    return open(out, schema, options, Set.of());
  }

  /**
   * Like {@link #open(OutputFile, DatasetSchema, WriteOptions)}, with the leaf columns in {@code plainColumns}
   * (dotted paths, see {@link DictionaryChoice}) written without a dictionary.
   */
  public static ParquetRowWriter open(OutputFile out, DatasetSchema schema, WriteOptions options,
      Set<String> plainColumns) throws IOException {
    return open(out, schema, options, plainColumns, UnaryOperator.identity());
  }

  /**
   * Like {@link #open(OutputFile, DatasetSchema, WriteOptions, Set)}, with the Parquet schema passed through
   * {@code decorate} first: a table format that needs more in the schema than {@link ParquetSchemas} writes (the
   * field ids of an Iceberg table) adds it there. The decorated schema must have the same columns.
   *
   * @throws IllegalArgumentException when the decorated schema's columns differ
   */
  public static ParquetRowWriter open(OutputFile out, DatasetSchema schema, WriteOptions options,
      Set<String> plainColumns, UnaryOperator<MessageType> decorate) throws IOException {
    Objects.requireNonNull(out, "out may not be null");
    Objects.requireNonNull(schema, "schema may not be null");
    Objects.requireNonNull(options, "options may not be null");
    MessageType plain = ParquetSchemas.toMessageType(schema);
    MessageType messageType = decorate.apply(plain);
    if (!messageType.getColumns().equals(plain.getColumns())) {
      throw new IllegalArgumentException("Invalid decorated Parquet schema of " + schema.dataset()
          + ": its columns differ from the dataset's");
    }
    StructWriter root = new StructWriter(schema.root());
    Map<String, String> metadata = new HashMap<>();
    metadata.put(DATASET_KEY, schema.dataset());
    metadata.put(SCHEMA_VERSION_KEY, Integer.toString(schema.version()));
    metadata.put(MODEL_NAME_KEY, MODEL_NAME);
    // Page checksums, column index truncation and statistics as parquet-java writes them by default.
    ParquetProperties properties = ParquetProperties.builder().build();
    TrackedOutputFile tracked = new TrackedOutputFile(out);
    ParquetFileWriter fileWriter = new ParquetFileWriter(tracked, messageType, ParquetFileWriter.Mode.CREATE,
        options.rowGroupBytes(), MAX_PADDING_BYTES, (FileEncryptionProperties) null, properties);
    fileWriter.start();
    // Our codecs: Parquet's own CodecFactory instantiates Hadoop compression codecs.
    HadoopFreeCodecFactory codecs = new HadoopFreeCodecFactory();
    // Version 1 data pages with PLAIN and dictionary encodings: every reader and reader version we promise (Athena,
    // Glue, Spark, Trino, DuckDB) reads them. Data page V2 and the DELTA encodings it brings are newer and were long
    // unsupported or buggy in some of them (Hive-based readers, older Presto/Athena and Spark releases); once pages
    // are ZSTD-compressed the size they would save is small.
    ColumnChunks chunks = new ColumnChunks(messageType, plainColumns, options.pageBytes(),
        codecs.pageCompressor(options.compression().codecName()));
    return new ParquetRowWriter(tracked, chunks, codecs, fileWriter, metadata, root, options.rowGroupBytes());
  }

  /** Padding allowed to align row groups to the output's blocks, as {@code ParquetWriter} defaults it. */
  private static final int MAX_PADDING_BYTES = 8 * 1024 * 1024;

  /**
   * Writes {@code rows} as one whole file and closes it: the first {@link DictionaryChoice#SAMPLE_ROWS} rows choose
   * the columns written without a dictionary. The rows must not change while this runs.
   *
   * @return the file's length in bytes
   */
  public static long writeAll(OutputFile out, DatasetSchema schema, WriteOptions options, Iterator<Object[]> rows)
      throws IOException {
    return writeAll(out, schema, options, rows, UnaryOperator.identity());
  }

  /**
   * Like {@link #writeAll(OutputFile, DatasetSchema, WriteOptions, Iterator)}, with the Parquet schema decorated
   * as {@link #open(OutputFile, DatasetSchema, WriteOptions, Set, UnaryOperator)} says.
   */
  public static long writeAll(OutputFile out, DatasetSchema schema, WriteOptions options, Iterator<Object[]> rows,
      UnaryOperator<MessageType> decorate) throws IOException {
    List<Object[]> sample = new ArrayList<>();
    while (sample.size() < DictionaryChoice.SAMPLE_ROWS && rows.hasNext()) {
      sample.add(rows.next());
    }
    try (ParquetRowWriter writer = open(out, schema, options,
        DictionaryChoice.plainColumns(schema.root(), sample), decorate)) {
      for (Object[] row : sample) {
        writer.write(row);
      }
      while (rows.hasNext()) {
        writer.write(rows.next());
      }
      writer.close();
      return writer.estimatedBytes();
    }
  }

  /**
   * Writes the rows of {@code rows} as one whole file under the buffer's newest schema and closes it: the first
   * {@link DictionaryChoice#SAMPLE_ROWS} rows choose the columns written without a dictionary. The trusted entry
   * point: the buffer's values were typed when they were buffered and are not checked again. The buffer must not
   * change while this runs.
   *
   * @return the file's length in bytes
   */
  public static long writeAll(OutputFile out, RowBuffer rows, WriteOptions options,
      UnaryOperator<MessageType> decorate) throws IOException {
    DatasetSchema schema = Objects.requireNonNull(rows.schema(), "Cannot write an empty buffer: it has no schema");
    Set<String> plain = DictionaryChoice.plainColumns(schema.root(), rows.cursor());
    return writeBuffer(out, schema, options, plain, decorate, rows, null);
  }

  /**
   * Like {@link #writeAll(OutputFile, RowBuffer, WriteOptions, UnaryOperator)}, each row with one more column after
   * the buffer's, unboxed from {@code last} (one value per row): a table format's value beside the row (an Iceberg
   * data file's event time).
   *
   * @param schema the buffer's newest schema with one LONG or TIMESTAMP field appended; its other fields have the
   *     buffer's types and may be named otherwise (the file's names)
   * @throws IllegalArgumentException when {@code schema} or {@code last} does not fit the buffer
   */
  public static long writeAll(OutputFile out, RowBuffer rows, DatasetSchema schema, long[] last, WriteOptions options,
      UnaryOperator<MessageType> decorate) throws IOException {
    DatasetSchema buffered = Objects.requireNonNull(rows.schema(), "Cannot write an empty buffer: it has no schema");
    List<Field> fields = schema.root().fields();
    List<Field> bufferedFields = buffered.root().fields();
    boolean fits = fields.size() == bufferedFields.size() + 1
        && (fields.get(fields.size() - 1).type() == PrimitiveType.LONG
            || fields.get(fields.size() - 1).type() == PrimitiveType.TIMESTAMP);
    for (int i = 0; fits && i < bufferedFields.size(); i++) {
      fits = fields.get(i).type().equals(bufferedFields.get(i).type());
    }
    if (!fits) {
      throw new IllegalArgumentException("Invalid schema for a buffer of " + buffered.dataset() + ": it must be the "
          + "buffer's with one LONG or TIMESTAMP column appended");
    }
    if (last.length != rows.records()) {
      throw new IllegalArgumentException("Invalid last column: " + last.length + " values for " + rows.records()
          + " rows");
    }
    Set<String> plain = new TreeSet<>(DictionaryChoice.plainColumns(schema.root(), rows.cursor()));
    if (DictionaryChoice.mostlyDistinct(last)) {
      plain.add(fields.get(fields.size() - 1).name());
    }
    return writeBuffer(out, schema, options, plain, decorate, rows, last);
  }

  private static long writeBuffer(OutputFile out, DatasetSchema schema, WriteOptions options, Set<String> plain,
      UnaryOperator<MessageType> decorate, RowBuffer rows, long[] last) throws IOException {
    try (ParquetRowWriter writer = open(out, schema, options, plain, decorate)) {
      RowCursor cursor = rows.cursor();
      for (int row = 0; cursor.nextRow(); row++) {
        if (last == null) {
          writer.writeTrusted(cursor);
        } else {
          writer.writeTrusted(cursor, last[row]);
        }
      }
      writer.close();
      return writer.estimatedBytes();
    }
  }

  /** {@link #writeAll(OutputFile, RowBuffer, WriteOptions, UnaryOperator)} with the plain Parquet schema. */
  public static long writeAll(OutputFile out, RowBuffer rows, WriteOptions options) throws IOException {
    return writeAll(out, rows, options, UnaryOperator.identity());
  }

  /** Writes the row {@code in} stands on, as {@link #write} does but without checking it. */
  private void writeTrusted(RowCursor in) throws IOException {
    ensureWritable();
    root.writeFrom(in, 0);
    rows++;
    rowGroups.endRow();
  }

  /** Writes the row {@code in} stands on and {@code last} as its last column, without checking them. */
  private void writeTrusted(RowCursor in, long last) throws IOException {
    ensureWritable();
    root.writeFromWithLast(in, last);
    rows++;
    rowGroups.endRow();
  }

  private void ensureWritable() throws IOException {
    if (closed) {
      throw new IllegalStateException("Invalid state: the Parquet writer for " + out.getPath() + " is closed");
    }
    if (rowGroups.failed()) {
      throw new IOException("The Parquet writer for " + out.getPath() + " failed writing a row group");
    }
  }

  /**
   * Writes one row: element {@code i} is the value of column {@code i} of the schema's root; the row may be
   * shorter than the schema (missing trailing columns are null).
   *
   * <p>The row group is written to the output once its buffered size nears the row group size, checked every so
   * many rows (the count adapts to the row size), or once it holds Parquet's row count limit: the rules of
   * parquet-hadoop's {@code InternalParquetRecordWriter}, applied by {@link RowGroups#endRow()}.
   *
   * @throws IllegalArgumentException when a value has the wrong Java type, naming its column path; nothing of the
   *     row is written and the writer stays usable
   * @throws IOException when a full row group cannot be written to the output; the writer is then unusable
   * @throws IllegalStateException when the writer is closed
   */
  public void write(Object[] row) throws IOException {
    Objects.requireNonNull(row, "row may not be null");
    ensureWritable();
    root.check(row);
    root.write(row, 0);
    rows++;
    rowGroups.endRow();
  }

  /**
   * The size of the file so far: bytes already written to the output plus the row group buffered in memory
   * (which shrinks once compressed, so this overestimates a little until the file is closed). Cheap enough to call
   * after every row. After {@link #close()}: the exact length of the file.
   */
  public long estimatedBytes() {
    if (closedBytes >= 0) {
      return closedBytes;
    }
    if (rows != sampledRows && (rows < SIZE_SAMPLE_ROWS || rows - sampledRows >= SIZE_SAMPLE_ROWS)) {
      sampledBytes = rowGroups.bufferedBytes();
      sampledRows = rows;
    }
    if (sampledRows == 0) {
      return sampledBytes;
    }
    return sampledBytes + (rows - sampledRows) * sampledBytes / sampledRows;
  }

  /** The number of rows written. */
  public long rows() {
    return rows;
  }

  /**
   * Flushes the last row group and writes the footer. Closing again does nothing. After a failed row group the file
   * is abandoned: nothing more is written and the failure is thrown again.
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (rowGroups.failed()) {
        throw new IOException("The Parquet writer for " + out.getPath() + " failed writing a row group");
      }
      rowGroups.finish(metadata);
      closedBytes = out.position();
    } catch (IOException | RuntimeException e) {
      try {
        rowGroups.abort();
      } catch (RuntimeException abortFailure) {
        e.addSuppressed(abortFailure);
      }
      throw e;
    } finally {
      rowGroups.release();
      codecs.release();
    }
  }
}
