package io.tributary.bench.iceberg;

import io.tributary.iceberg.IcebergDataFiles;
import io.tributary.iceberg.IcebergSchemas;
import io.tributary.parquet.WriteOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.PartitionData;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericFileWriterFactory;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.encryption.EncryptedFiles;
import org.apache.iceberg.inmemory.InMemoryCatalog;
import org.apache.iceberg.inmemory.InMemoryOutputFile;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.transforms.Transform;
import org.apache.iceberg.types.Types;

/**
 * The two ways to write one Iceberg data file of {@link BenchRows} into memory, for one table (an
 * {@link InMemoryCatalog} table: format v2, {@code hour(_event_time)}, ZSTD level 3, 64 MiB row groups, 1 MiB pages:
 * Tributary's write options): Tributary's ({@link IcebergDataFiles#encode} + {@link IcebergDataFiles#describe}), and
 * Iceberg 1.12.0's own generic writer ({@link GenericFileWriterFactory}: {@code newDataWriter}, whose
 * {@link DataWriter#toDataFile} carries the metrics it collected while writing). Both produce the file's bytes and
 * its {@link DataFile} (partition, metrics). One per thread.
 */
public final class IcebergWriters {
  /** A data file written into memory. */
  public record Written(DataFile file, byte[] bytes) {}

  private static final String LOCATION = "memory://bench/events/data/";

  private final BenchRows rows;
  private final Schema schema;
  private final Table table;
  private final MetricsConfig metrics;
  private final GenericFileWriterFactory factory;
  private final WriteOptions options = WriteOptions.defaults();
  private long files;

  public IcebergWriters(BenchRows rows) {
    this.rows = rows;
    this.schema = IcebergSchemas.replay(List.of(rows.schema())).get(0);
    InMemoryCatalog catalog = new InMemoryCatalog();
    catalog.initialize("bench", Map.of());
    catalog.createNamespace(Namespace.of("bench"));
    this.table = catalog.buildTable(TableIdentifier.of("bench", "events"), schema)
        .withPartitionSpec(PartitionSpec.builderFor(schema).hour(IcebergSchemas.EVENT_TIME).build())
        .withProperties(Map.of(
            TableProperties.FORMAT_VERSION, "2",
            TableProperties.PARQUET_COMPRESSION, "zstd",
            TableProperties.PARQUET_COMPRESSION_LEVEL, "3",
            TableProperties.PARQUET_ROW_GROUP_SIZE_BYTES, Long.toString(options.rowGroupBytes()),
            TableProperties.PARQUET_PAGE_SIZE_BYTES, Integer.toString(options.pageBytes())))
        .create();
    this.metrics = MetricsConfig.forTable(table);
    this.factory = new GenericFileWriterFactory.Builder(table).build();
  }

  /** The table's Iceberg schema: {@code _event_time} first, then the rows' columns. */
  public Schema schema() {
    return schema;
  }

  /** Tributary's path: our Parquet writer with field ids, then the {@code DataFile} from the file's footer. */
  public Written tributary() {
    byte[] bytes = IcebergDataFiles.encode(rows.schema(), schema, rows.rows(), rows.eventTimes(), options);
    return new Written(IcebergDataFiles.describe(nextLocation(), bytes, table.spec(), metrics), bytes);
  }

  /**
   * Tributary's typed path, as the landing encodes a rolled buffer: straight from the buffer (no {@code Object[]}
   * rows), then the {@code DataFile} from the footer. The same file as {@link #tributary()}.
   */
  public Written tributaryTyped() {
    byte[] bytes = IcebergDataFiles.encode(rows.schema(), schema, rows.buffer(), rows.eventTimes(), options);
    return new Written(IcebergDataFiles.describe(nextLocation(), bytes, table.spec(), metrics), bytes);
  }

  /** Iceberg's path from Tributary's rows: each row converted to a {@link Record}, then written. */
  public Written iceberg(GenericRows converter) {
    List<Object[]> values = rows.rows();
    long[] eventTimes = rows.eventTimes();
    return write(values.size(), i -> converter.convert(values.get(i), eventTimes[i]));
  }

  /** Iceberg's path from records built beforehand: its writer alone. */
  public Written iceberg(List<Record> records) {
    return write(records.size(), records::get);
  }

  /** Every row as a {@link Record}, converted once. */
  public List<Record> records(GenericRows converter) {
    List<Record> records = new ArrayList<>(rows.rows().size());
    for (int i = 0; i < rows.rows().size(); i++) {
      records.add(converter.convert(rows.rows().get(i), rows.eventTimes()[i]));
    }
    return records;
  }

  private Written write(int count, IntFunction<Record> record) {
    InMemoryOutputFile out = new InMemoryOutputFile(nextLocation());
    DataWriter<Record> writer = factory.newDataWriter(EncryptedFiles.plainAsEncryptedOutput(out), table.spec(),
        partition());
    try (writer) {
      for (int i = 0; i < count; i++) {
        writer.write(record.apply(i));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write an Iceberg data file: " + e.getMessage(), e);
    }
    return new Written(writer.toDataFile(), out.toByteArray());
  }

  /**
   * The partition of the file, from its first row's event time: Tributary's buffers are keyed by partition, so an
   * engine on Iceberg's writer would know it per file as well (one {@code hour} transform per file).
   */
  @SuppressWarnings("unchecked")
  private PartitionData partition() {
    PartitionData partition = new PartitionData(table.spec().partitionType());
    Transform<Long, Integer> hour = (Transform<Long, Integer>) table.spec().fields().get(0).transform();
    partition.set(0, hour.bind(Types.TimestampType.withZone()).apply(rows.eventTimes()[0]));
    return partition;
  }

  private String nextLocation() {
    return LOCATION + "file-" + files++ + ".parquet";
  }
}
