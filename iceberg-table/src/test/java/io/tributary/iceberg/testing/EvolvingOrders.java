package io.tributary.iceberg.testing;

import io.tributary.commit.DurableRange;
import io.tributary.commit.EncodedFile;
import io.tributary.commit.FlushFiles;
import io.tributary.iceberg.IcebergTableFormat;
import io.tributary.layout.LakeLayout;
import io.tributary.parquet.WriteOptions;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.Field;
import io.tributary.schema.ListType;
import io.tributary.schema.MapType;
import io.tributary.schema.MetadataColumns;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import io.tributary.source.Position;
import io.tributary.source.SourcePartition;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The dataset {@value #DATASET}, whose schema evolves through three versions the way drifting JSON makes it, with
 * rows whose every value follows from the record's offset, so a reader can check each one:
 * <ol>
 *   <li>{@code user string, n long};</li>
 *   <li>adds {@code ctx struct<ip string>} and {@code items list<struct<sku string, qty long>>};</li>
 *   <li>adds a nested field to each ({@code ctx.city}, {@code items.element.price double}), a map
 *       {@code counts map<string, long>} and a configured timestamp {@code paid_at} (Iceberg {@code timestamptz}).</li>
 * </ol>
 * Row {@code o} has {@code user = "u<o>"}, {@code n = o}, {@code ctx = {ip: "10.0.<o>", city: "c<o>"}},
 * {@code items = [{sku: "s<o>", qty: o, price: o + 0.5}, {sku: "t<o>"}]}, {@code counts = {k: o}} and
 * {@code paid_at} = its event time, each as far as its version has the column. Stateless.
 */
public final class EvolvingOrders {
  public static final String DATASET = "orders";
  public static final long HOUR_MICROS = 3_600_000_000L;

  private static final List<DatasetSchema> HISTORY = history();
  private static final DateTimeFormatter HOUR_PATH =
      DateTimeFormatter.ofPattern("'year='yyyy'/month='MM'/day='dd'/hour='HH").withZone(ZoneOffset.UTC);

  private EvolvingOrders() {}

  /** Versions 1 to 3, in order. */
  public static List<DatasetSchema> versions() {
    return HISTORY;
  }

  private static List<DatasetSchema> history() {
    StructType v1 = MetadataColumns.emptyRoot()
        .withAppended(new Field("user", "user", PrimitiveType.STRING))
        .withAppended(new Field("n", "n", PrimitiveType.LONG));
    StructType v2 = v1
        .withAppended(new Field("ctx", "ctx", StructType.of(new Field("ip", "ip", PrimitiveType.STRING))))
        .withAppended(new Field("items", "items", new ListType(StructType.of(
            new Field("sku", "sku", PrimitiveType.STRING), new Field("qty", "qty", PrimitiveType.LONG)))));
    StructType v3 = v2
        .withReplaced(v2.indexOf("ctx"), new Field("ctx", "ctx", StructType.of(
            new Field("ip", "ip", PrimitiveType.STRING), new Field("city", "city", PrimitiveType.STRING))))
        .withReplaced(v2.indexOf("items"), new Field("items", "items", new ListType(StructType.of(
            new Field("sku", "sku", PrimitiveType.STRING), new Field("qty", "qty", PrimitiveType.LONG),
            new Field("price", "price", PrimitiveType.DOUBLE)))))
        .withAppended(new Field("counts", "counts", new MapType(PrimitiveType.LONG)))
        .withAppended(new Field("paid_at", "paid_at", PrimitiveType.TIMESTAMP));
    return List.of(new DatasetSchema(DATASET, 1, v1), new DatasetSchema(DATASET, 2, v2),
        new DatasetSchema(DATASET, 3, v3));
  }

  /** The event time of offset {@code offset} in the hour starting at {@code hour}: one second per offset. */
  public static long eventTime(long hour, long offset) {
    return hour + (offset % 3600) * 1_000_000L;
  }

  /** The row of {@code offset} of {@code partition} under {@code version}, with the event time {@code time}. */
  public static Object[] row(int version, SourcePartition partition, long offset, long time) {
    Object[] row = new Object[HISTORY.get(version - 1).root().fields().size()];
    row[MetadataColumns.INGEST_TIME_INDEX] = time;
    row[MetadataColumns.SOURCE_INDEX] = partition.stream();
    row[MetadataColumns.PARTITION_INDEX] = partition.partition();
    row[MetadataColumns.OFFSET_INDEX] = Long.toString(offset);
    int c = MetadataColumns.COUNT;
    row[c] = "u" + offset;
    row[c + 1] = offset;
    if (version == 2) {
      row[c + 2] = new Object[] {"10.0." + offset};
      row[c + 3] = List.of(new Object[] {"s" + offset, offset}, new Object[] {"t" + offset, null});
    } else if (version == 3) {
      row[c + 2] = new Object[] {"10.0." + offset, "c" + offset};
      row[c + 3] = List.of(new Object[] {"s" + offset, offset, offset + 0.5}, new Object[] {"t" + offset, null, null});
      row[c + 4] = Map.of("k", offset);
      row[c + 5] = time;
    }
    return row;
  }

  /**
   * The file of offsets {@code first..last} of {@code partition} under {@code version}, every row in the hour
   * starting at {@code hour} (microseconds), encoded by {@code format} as a flush hands it over.
   */
  public static EncodedFile file(IcebergTableFormat format, LakeLayout layout, SourcePartition partition,
      int version, long first, long last, long hour) {
    if (hour % HOUR_MICROS != 0) {
      throw new IllegalArgumentException("Invalid hour: " + hour + " is not the start of an hour");
    }
    List<Object[]> rows = new ArrayList<>();
    long[] times = new long[(int) (last - first + 1)];
    for (long o = first; o <= last; o++) {
      times[(int) (o - first)] = eventTime(hour, o);
      rows.add(row(version, partition, o, times[(int) (o - first)]));
    }
    DurableRange range = new DurableRange(layout.dataFolder(DATASET, hourPath(hour)), Position.of(first),
        Position.of(last));
    return format.encode(range, HISTORY.get(version - 1), rows, times, WriteOptions.defaults());
  }

  /** A flush of {@code files} with sequence number {@code seq}, durable up to {@code watermark}. */
  public static FlushFiles flush(long seq, long watermark, EncodedFile... files) {
    return new FlushFiles(seq, Position.of(watermark), Arrays.asList(files), List.of());
  }

  /** The Hive-style path of the hour starting at {@code hour}: the folder a buffer of that hour is keyed by. */
  public static String hourPath(long hour) {
    return HOUR_PATH.format(Instant.ofEpochSecond(0, hour * 1000));
  }
}
