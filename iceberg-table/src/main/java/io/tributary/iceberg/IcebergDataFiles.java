package io.tributary.iceberg;

import io.tributary.buffer.RowBuffer;
import io.tributary.parquet.InMemoryOutputFile;
import io.tributary.parquet.ParquetRowWriter;
import io.tributary.parquet.WriteOptions;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.Field;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.MetricsModes;
import org.apache.iceberg.PartitionData;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.parquet.ParquetSchemaUtil;
import org.apache.iceberg.parquet.ParquetUtil;
import org.apache.iceberg.transforms.Transform;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.TypeUtil;
import org.apache.iceberg.types.Types;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;

/**
 * The data files of an Iceberg table, written by Tributary's own Parquet writer ({@link ParquetRowWriter}, no
 * Hadoop) with the Iceberg field ids of {@link IcebergSchemas} on every Parquet node and an {@value
 * IcebergSchemas#EVENT_TIME} column, and described to Iceberg ({@link DataFile}: partition, metrics) from the
 * file's own footer, so a file read back from the store at recovery is described exactly as when it was written.
 * Stateless.
 */
public final class IcebergDataFiles {
  /** The footer length (4 bytes) and the magic {@code PAR1} that end a Parquet file. */
  private static final int MAGIC_AND_LENGTH = 8;

  private IcebergDataFiles() {}

  /**
   * Encodes rows of {@code schema} (shaped under it or an earlier version) as one Parquet file with ids.
   *
   * @param iceberg the Iceberg schema of {@code schema}'s version ({@link IcebergSchemas#replay})
   * @param rows the rows, in order
   * @param eventTimes the event time of each row, microseconds since the epoch, UTC
   */
  public static byte[] encode(DatasetSchema schema, Schema iceberg, List<Object[]> rows, long[] eventTimes,
      WriteOptions options) {
    if (rows.size() != eventTimes.length) {
      throw new IllegalArgumentException("Invalid file: " + rows.size() + " rows and " + eventTimes.length
          + " event times");
    }
    return encode(schema, iceberg, rows.iterator(), eventTimes, options);
  }

  /**
   * Encodes rows of {@code schema} as one Parquet file with ids, reading {@code rows} once.
   *
   * @param eventTimes the event time of each row, microseconds since the epoch, UTC: one per row
   */
  public static byte[] encode(DatasetSchema schema, Schema iceberg, Iterator<Object[]> rows, long[] eventTimes,
      WriteOptions options) {
    DatasetSchema withTime = withEventTime(schema);
    int width = schema.root().fields().size();
    Iterator<Object[]> widened = new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Object[] next() {
        if (next >= eventTimes.length) {
          throw new IllegalArgumentException("Invalid file: more rows than the " + eventTimes.length
              + " event times");
        }
        Object[] row = Arrays.copyOf(rows.next(), width + 1);
        row[width] = eventTimes[next++];
        return row;
      }
    };
    InMemoryOutputFile out = new InMemoryOutputFile();
    try {
      ParquetRowWriter.writeAll(out, withTime, options, widened, plain -> withIds(plain, iceberg));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode an Iceberg data file of " + schema.dataset(), e);
    }
    return out.toByteArray();
  }

  /**
   * Encodes the rows of {@code buffer} as one Parquet file with ids, straight from the buffer (the typed path: no
   * {@code Object[]} row, no boxed value), the same file as {@link #encode(DatasetSchema, Schema, List, long[],
   * WriteOptions)} writes from the buffer's rows.
   *
   * @param schema the buffer's newest schema
   * @param eventTimes the event time of each row, microseconds since the epoch, UTC: one per row
   */
  public static byte[] encode(DatasetSchema schema, Schema iceberg, RowBuffer buffer, long[] eventTimes,
      WriteOptions options) {
    InMemoryOutputFile out = new InMemoryOutputFile();
    try {
      ParquetRowWriter.writeAll(out, buffer, withEventTime(schema), eventTimes, options,
          plain -> withIds(plain, iceberg));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode an Iceberg data file of " + schema.dataset(), e);
    }
    return out.toByteArray();
  }

  /**
   * {@code schema} with the {@value IcebergSchemas#EVENT_TIME} column appended: the layout of the Parquet files of
   * an Iceberg table, whose rows carry their event time last. A data column of that name is renamed in the file
   * ({@link IcebergSchemas#fileNames}: {@code _event_time_}); a file with two columns of one name cannot be
   * written, nor read by name.
   */
  public static DatasetSchema withEventTime(DatasetSchema schema) {
    List<Field> fields = schema.root().fields();
    List<String> names = IcebergSchemas.fileNames(fields.stream().map(Field::name).toList());
    StructType root = schema.root();
    for (int i = 0; i < fields.size(); i++) {
      if (!names.get(i).equals(fields.get(i).name())) {
        root = root.withReplaced(i, new Field(names.get(i), fields.get(i).originalName(), fields.get(i).type()));
      }
    }
    return new DatasetSchema(schema.dataset(), schema.version(), root.withAppended(
        new Field(IcebergSchemas.EVENT_TIME, IcebergSchemas.EVENT_TIME, PrimitiveType.TIMESTAMP)));
  }

  /**
   * {@code plain} (a dataset's columns, then {@value IcebergSchemas#EVENT_TIME}: the layout of {@link
   * #withEventTime}) with the id of each node taken from the Iceberg field of the same place: the top-level column
   * of its {@link IcebergSchemas#topLevelNames Iceberg name}, below it the field of the same name.
   */
  public static MessageType withIds(MessageType plain, Schema iceberg) {
    List<org.apache.parquet.schema.Type> fields = plain.getFields();
    int columns = fields.size() - 1;
    if (columns < 0 || !fields.get(columns).getName().equals(IcebergSchemas.EVENT_TIME)) {
      throw new IllegalArgumentException("Cannot add Iceberg ids to " + plain.getName() + ": its last column is not "
          + IcebergSchemas.EVENT_TIME);
    }
    List<String> names = new ArrayList<>(IcebergSchemas.topLevelNames(
        fields.subList(0, columns).stream().map(org.apache.parquet.schema.Type::getName).toList()));
    names.add(IcebergSchemas.EVENT_TIME);
    return new MessageType(plain.getName(), fieldsWithIds(fields, names, iceberg.asStruct()));
  }

  private static List<org.apache.parquet.schema.Type> fieldsWithIds(GroupType group, Types.StructType struct) {
    List<org.apache.parquet.schema.Type> fields = group.getFields();
    return fieldsWithIds(fields, fields.stream().map(org.apache.parquet.schema.Type::getName).toList(), struct);
  }

  /** {@code fields} with the ids of the fields of {@code struct} called {@code names} (one per field, in order). */
  private static List<org.apache.parquet.schema.Type> fieldsWithIds(List<org.apache.parquet.schema.Type> fields,
      List<String> names, Types.StructType struct) {
    List<org.apache.parquet.schema.Type> out = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      Types.NestedField iceberg = struct.field(names.get(i));
      if (iceberg == null) {
        throw new IllegalStateException("Cannot find column " + names.get(i) + " in the Iceberg schema");
      }
      out.add(typeWithIds(fields.get(i), iceberg.type()).withId(iceberg.fieldId()));
    }
    return out;
  }

  private static org.apache.parquet.schema.Type typeWithIds(org.apache.parquet.schema.Type type, Type iceberg) {
    if (type.isPrimitive()) {
      return type;
    }
    GroupType group = type.asGroupType();
    if (iceberg instanceof Types.StructType struct) {
      return group.withNewFields(fieldsWithIds(group, struct));
    }
    GroupType repeated = group.getType(0).asGroupType();
    if (iceberg instanceof Types.ListType list) {
      org.apache.parquet.schema.Type element = repeated.getType(0);
      return group.withNewFields(repeated.withNewFields(
          typeWithIds(element, list.elementType()).withId(list.elementId())));
    }
    Types.MapType map = (Types.MapType) iceberg;
    org.apache.parquet.schema.Type key = repeated.getType(0).withId(map.keyId());
    org.apache.parquet.schema.Type value = typeWithIds(repeated.getType(1), map.valueType()).withId(map.valueId());
    return group.withNewFields(repeated.withNewFields(key, value));
  }

  /**
   * Describes a data file to Iceberg from its bytes: size, row count and column metrics from the footer, and its
   * partition from the bounds of the partition's source columns (every row of a file is in one partition: the
   * buffer it was rolled from is keyed by it).
   *
   * @param metricsConfig the table's ({@code MetricsConfig.forTable}: it knows the table's schema), applied by field
   *     id, so a column the file names differently from the table keeps its mode
   * @throws IllegalStateException when the file's rows span more than one partition
   */
  public static DataFile describe(String location, byte[] bytes, PartitionSpec spec, MetricsConfig metricsConfig) {
    ParquetMetadata footer = footer(bytes, location);
    Metrics metrics = ParquetUtil.footerMetrics(footer, Stream.empty(), byFileNames(footer, metricsConfig));
    return DataFiles.builder(spec)
        .withPath(location)
        .withFormat(FileFormat.PARQUET)
        .withFileSizeInBytes(bytes.length)
        .withMetrics(metrics)
        .withSplitOffsets(ParquetUtil.getSplitOffsets(footer))
        .withPartition(partition(spec, metrics, location))
        .build();
  }

  /**
   * {@code table}'s metrics modes keyed by the file's column names: Iceberg looks a column's mode up by the name the
   * file gives it, and our files keep Tributary's top-level names where the table's differ ({@code _partition} is
   * {@code _source_partition}, {@code _file} is {@code _file_}: {@link IcebergSchemas#topLevelNames}). Without this,
   * such a column gets the default mode, which is {@code none} beyond a table's first 100 columns or wherever a
   * column's mode is set by name. Each of the file's field ids gets the mode the table gives that id.
   */
  private static MetricsConfig byFileNames(ParquetMetadata footer, MetricsConfig table) {
    Schema file = ParquetSchemaUtil.convert(footer.getFileMetaData().getSchema());
    Map<String, String> modes = new HashMap<>();
    modes.put(TableProperties.DEFAULT_WRITE_METRICS_MODE, MetricsModes.None.get().toString());
    for (int id : TypeUtil.getProjectedIds(file)) {
      modes.put(TableProperties.METRICS_MODE_COLUMN_CONF_PREFIX + file.findColumnName(id),
          table.columnMode(id).toString());
    }
    return MetricsConfig.from(modes, file, SortOrder.unsorted());
  }

  @SuppressWarnings("unchecked")
  private static PartitionData partition(PartitionSpec spec, Metrics metrics, String location) {
    PartitionData data = new PartitionData(spec.partitionType());
    List<PartitionField> fields = spec.fields();
    for (int i = 0; i < fields.size(); i++) {
      PartitionField field = fields.get(i);
      Type type = spec.schema().findType(field.sourceId());
      Long values = metrics.valueCounts() == null ? null : metrics.valueCounts().get(field.sourceId());
      Long nulls = metrics.nullValueCounts() == null ? null : metrics.nullValueCounts().get(field.sourceId());
      if (values != null && Objects.equals(values, nulls)) {
        data.set(i, null);
        continue;
      }
      Object lower = bound(metrics.lowerBounds() == null ? null : metrics.lowerBounds().get(field.sourceId()), type);
      Object upper = bound(metrics.upperBounds() == null ? null : metrics.upperBounds().get(field.sourceId()), type);
      if (lower == null || upper == null) {
        throw new IllegalStateException("Cannot find the partition of " + location + ": column "
            + spec.schema().findColumnName(field.sourceId()) + " has no bounds");
      }
      Transform<Object, Object> transform = (Transform<Object, Object>) field.transform();
      Object lowerValue = transform.bind(type).apply(lower);
      Object upperValue = transform.bind(type).apply(upper);
      if (!Objects.equals(lowerValue, upperValue)
          || (nulls != null && nulls > 0)) {
        throw new IllegalStateException("Invalid data file " + location + ": its rows span partitions of "
            + field.name() + " (" + lowerValue + " to " + upperValue + (nulls != null && nulls > 0 ? ", and null"
            : "") + ")");
      }
      data.set(i, lowerValue);
    }
    return data;
  }

  private static Object bound(ByteBuffer buffer, Type type) {
    return buffer == null ? null : Conversions.fromByteBuffer(type, buffer);
  }

  /**
   * The footer of a Parquet file in memory, parsed without {@code ParquetReadOptions} (whose builder loads Hadoop's
   * codecs: no Hadoop at run time): {@code <footer><4-byte little-endian length>PAR1} at the end.
   */
  private static ParquetMetadata footer(byte[] bytes, String location) {
    int tail = bytes.length - MAGIC_AND_LENGTH;
    if (tail < 4 || bytes[tail + 4] != 'P' || bytes[tail + 5] != 'A' || bytes[tail + 6] != 'R'
        || bytes[tail + 7] != '1') {
      throw new IllegalStateException("Cannot read the footer of " + location + ": not a Parquet file");
    }
    int length = ByteBuffer.wrap(bytes, tail, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    if (length <= 0 || length > tail - 4) {
      throw new IllegalStateException("Cannot read the footer of " + location + ": footer length " + length);
    }
    try {
      return new ParquetMetadataConverter().readParquetMetadata(
          new ByteArrayInputStream(bytes, tail - length, length), ParquetMetadataConverter.NO_FILTER);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the footer of " + location, e);
    }
  }

}
