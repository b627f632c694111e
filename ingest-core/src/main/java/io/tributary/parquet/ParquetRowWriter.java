package io.tributary.parquet;

import io.tributary.schema.DatasetSchema;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Writes shaped rows of one schema version to one Parquet file, with no Hadoop class loaded.
 *
 * <p>Each file carries key-value metadata {@value #DATASET_KEY} (the dataset name) and {@value #SCHEMA_VERSION_KEY}
 * (the schema version number). Rows follow {@link io.tributary.schema.ColumnType}'s value contract; a value of any
 * other Java type is rejected before anything of its row is written, so the file stays valid.
 *
 * <p>Lifecycle: {@link #open}, {@link #write} any number of rows, {@link #close} exactly once to write the footer;
 * a file that was never closed is not readable. Not thread-safe.
 */
public final class ParquetRowWriter implements Closeable {
  /** Key-value metadata key holding the dataset name. */
  public static final String DATASET_KEY = "tributary.dataset";
  /** Key-value metadata key holding the schema version number, in decimal. */
  public static final String SCHEMA_VERSION_KEY = "tributary.schema.version";

  /**
   * Measuring the buffered size walks every column writer, so past the first rows it is measured once every this
   * many rows and extrapolated in between.
   */
  private static final int SIZE_SAMPLE_ROWS = 64;

  private final ParquetWriter<Object[]> writer;
  private final ValueWriter.StructWriter root;
  private final TrackedOutputFile out;
  private long rows;
  private long sampledRows;
  private long sampledBytes;
  private long closedBytes = -1;

  private ParquetRowWriter(ParquetWriter<Object[]> writer, ValueWriter.StructWriter root, TrackedOutputFile out) {
    this.writer = writer;
    this.root = root;
    this.out = out;
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
    Objects.requireNonNull(out, "out may not be null");
    Objects.requireNonNull(schema, "schema may not be null");
    Objects.requireNonNull(options, "options may not be null");
    MessageType messageType = ParquetSchemas.toMessageType(schema);
    ValueWriter.StructWriter root = new ValueWriter.StructWriter(ColumnPaths.ROOT, schema.root());
    Map<String, String> metadata = Map.of(
        DATASET_KEY, schema.dataset(),
        SCHEMA_VERSION_KEY, Integer.toString(schema.version()));
    TrackedOutputFile tracked = new TrackedOutputFile(out);
    Builder builder = new Builder(tracked, new RowWriteSupport(messageType, metadata, root));
    for (String column : plainColumns) {
      builder.withDictionaryEncoding(column, false);
    }
    ParquetWriter<Object[]> writer = builder
        // A plain configuration: the default would be a Hadoop Configuration, loading Hadoop.
        .withConf(new PlainParquetConfiguration())
        // Our codecs: Parquet's own CodecFactory instantiates Hadoop compression codecs.
        .withCodecFactory(new HadoopFreeCodecFactory())
        .withCompressionCodec(options.compression().codecName())
        .withWriteMode(ParquetFileWriter.Mode.CREATE)
        .withRowGroupSize(options.rowGroupBytes())
        .withPageSize(options.pageBytes())
        .withDictionaryPageSize(options.pageBytes())
        .withDictionaryEncoding(true)
        // Version 1 data pages with PLAIN and dictionary encodings: every reader and reader version we promise
        // (Athena, Glue, Spark, Trino, DuckDB) reads them. Data page V2 and the DELTA encodings it brings are newer
        // and were long unsupported or buggy in some of them (Hive-based readers, older Presto/Athena and Spark
        // releases); once pages are ZSTD-compressed the size they would save is small.
        .withWriterVersion(WriterVersion.PARQUET_1_0)
        .build();
    return new ParquetRowWriter(writer, root, tracked);
  }

  /**
   * Writes {@code rows} as one whole file and closes it: the first {@link DictionaryChoice#SAMPLE_ROWS} rows choose
   * the columns written without a dictionary. The rows must not change while this runs.
   *
   * @return the file's length in bytes
   */
  public static long writeAll(OutputFile out, DatasetSchema schema, WriteOptions options, Iterator<Object[]> rows)
      throws IOException {
    List<Object[]> sample = new ArrayList<>();
    while (sample.size() < DictionaryChoice.SAMPLE_ROWS && rows.hasNext()) {
      sample.add(rows.next());
    }
    try (ParquetRowWriter writer = open(out, schema, options,
        DictionaryChoice.plainColumns(schema.root(), sample))) {
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
   * Writes one row: element {@code i} is the value of column {@code i} of the schema's root; the row may be
   * shorter than the schema (missing trailing columns are null).
   *
   * @throws IllegalArgumentException when a value has the wrong Java type, naming its column path; nothing of the
   *     row is written and the writer stays usable
   * @throws IOException when a full row group cannot be written to the output
   * @throws IllegalStateException when the writer is closed
   */
  public void write(Object[] row) throws IOException {
    Objects.requireNonNull(row, "row may not be null");
    if (closedBytes >= 0) {
      throw new IllegalStateException("Invalid state: the Parquet writer for " + out.getPath() + " is closed");
    }
    root.check(row);
    writer.write(row);
    rows++;
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
      sampledBytes = writer.getDataSize();
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

  /** Flushes the last row group and writes the footer. Closing again does nothing. */
  @Override
  public void close() throws IOException {
    if (closedBytes >= 0) {
      return;
    }
    writer.close();
    closedBytes = out.position();
  }

  /** Hands our write support to Parquet's builder under both configuration flavours. */
  private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
    private final RowWriteSupport writeSupport;

    Builder(OutputFile out, RowWriteSupport writeSupport) {
      super(out);
      this.writeSupport = writeSupport;
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** Required by the abstract class; {@link #build()} calls the other overload since we set a plain conf. */
    @Override
    protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
      return writeSupport;
    }

    @Override
    protected WriteSupport<Object[]> getWriteSupport(ParquetConfiguration conf) {
      return writeSupport;
    }
  }
}
