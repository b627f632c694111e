package io.tributary.iceberg.testing;

import io.tributary.commit.DurableRange;
import io.tributary.commit.EncodedFile;
import io.tributary.iceberg.IcebergTableFormat;
import io.tributary.layout.LakeLayout;
import io.tributary.parquet.WriteOptions;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.Field;
import io.tributary.schema.MetadataColumns;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import io.tributary.source.Position;
import io.tributary.source.SourcePartition;
import java.util.ArrayList;
import java.util.List;

/**
 * The dataset {@value #DATASET}, whose data columns are named like Iceberg's metadata columns: version 1 has
 * {@code _file string, n long, ctx struct<_pos string>}, version 2 adds {@code _pos long} and {@code _file_ string}
 * (the name {@code _file} is given in the table). Row {@code o} has {@code _file = "f<o>"}, {@code n = o},
 * {@code ctx._pos = "p<o>"}, and under version 2 {@code _pos = o}, {@code _file_ = "g<o>"}. {@link #EVENT_TIME_NAMES}
 * is the same shape with the data columns {@code _event_time}, {@code _source_partition} and {@code _file}: names the
 * table takes itself (its event time column, Tributary's {@code _partition}) and one Iceberg reserves. Stateless.
 */
public final class ReservedNameEvents {
  public static final String DATASET = "events";

  /** The top-level data columns of {@link #eventTimeNames()}, in order. */
  public static final List<String> EVENT_TIME_NAMES = List.of("_event_time", "_source_partition", "_file");

  private ReservedNameEvents() {}

  /** Versions 1 and 2. */
  public static List<DatasetSchema> versions() {
    return history("_file", "_pos", "_file_");
  }

  /** Versions 1 and 2 with the data columns {@code _event_time}, {@code _source_partition}, {@code _file}. */
  public static List<DatasetSchema> eventTimeNames() {
    return history(EVENT_TIME_NAMES.get(0), EVENT_TIME_NAMES.get(1), EVENT_TIME_NAMES.get(2));
  }

  /** Versions 1 and 2 with the three top-level data columns named {@code file}, {@code pos}, {@code fileUnderscore}. */
  public static List<DatasetSchema> history(String file, String pos, String fileUnderscore) {
    StructType v1 = MetadataColumns.emptyRoot()
        .withAppended(new Field(file, file, PrimitiveType.STRING))
        .withAppended(new Field("n", "n", PrimitiveType.LONG))
        .withAppended(new Field("ctx", "ctx", StructType.of(new Field("_pos", "_pos", PrimitiveType.STRING))));
    StructType v2 = v1
        .withAppended(new Field(pos, pos, PrimitiveType.LONG))
        .withAppended(new Field(fileUnderscore, fileUnderscore, PrimitiveType.STRING));
    return List.of(new DatasetSchema(DATASET, 1, v1), new DatasetSchema(DATASET, 2, v2));
  }

  /** Offsets {@code first..last} of {@code partition} under {@code version}, in the hour starting at {@code hour}. */
  public static EncodedFile file(IcebergTableFormat format, LakeLayout layout, SourcePartition partition,
      int version, long first, long last, long hour) {
    return file(format, layout, partition, versions(), version, first, last, hour);
  }

  /** As {@link #file(IcebergTableFormat, LakeLayout, SourcePartition, int, long, long, long)} for {@code history}. */
  public static EncodedFile file(IcebergTableFormat format, LakeLayout layout, SourcePartition partition,
      List<DatasetSchema> history, int version, long first, long last, long hour) {
    DatasetSchema schema = history.get(version - 1);
    List<Object[]> rows = new ArrayList<>();
    long[] times = new long[(int) (last - first + 1)];
    for (long o = first; o <= last; o++) {
      Object[] row = new Object[schema.root().fields().size()];
      row[MetadataColumns.INGEST_TIME_INDEX] = hour;
      row[MetadataColumns.SOURCE_INDEX] = partition.stream();
      row[MetadataColumns.PARTITION_INDEX] = partition.partition();
      row[MetadataColumns.OFFSET_INDEX] = Long.toString(o);
      int c = MetadataColumns.COUNT;
      row[c] = "f" + o;
      row[c + 1] = o;
      row[c + 2] = new Object[] {"p" + o};
      if (version == 2) {
        row[c + 3] = o;
        row[c + 4] = "g" + o;
      }
      rows.add(row);
      times[(int) (o - first)] = EvolvingOrders.eventTime(hour, o);
    }
    DurableRange range = new DurableRange(layout.dataFolder(DATASET, EvolvingOrders.hourPath(hour)),
        Position.of(first), Position.of(last));
    return format.encode(range, schema, rows, times, WriteOptions.defaults());
  }
}
