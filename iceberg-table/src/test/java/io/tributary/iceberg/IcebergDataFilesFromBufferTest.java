package io.tributary.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.buffer.RowBuffer;
import io.tributary.iceberg.testing.EvolvingOrders;
import io.tributary.iceberg.testing.ReservedNameEvents;
import io.tributary.parquet.WriteOptions;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.MetadataColumns;
import io.tributary.source.Position;
import io.tributary.source.SourcePartition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongFunction;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SortOrder;
import org.junit.jupiter.api.Test;

/**
 * The typed path ({@link IcebergDataFiles#encode(DatasetSchema, Schema, RowBuffer, long[], WriteOptions)}: straight
 * from the buffer, no {@code Object[]} rows) writes the very file the rows path writes from the same buffer: same
 * bytes, hence the same field ids, dictionary choices and metrics. Rows of an older version (shorter) sit before rows
 * of the newest; two thirds of the event times are distinct, so that column is written without a dictionary (the rows
 * path's choice) where a dictionary would have paid off (with all distinct, Parquet falls back to plain by itself).
 */
class IcebergDataFilesFromBufferTest {
  private static final SourcePartition P0 = new SourcePartition("orders-topic", "0");
  private static final long HOUR = 1_773_000_000_000_000L / EvolvingOrders.HOUR_MICROS * EvolvingOrders.HOUR_MICROS;
  private static final int ROWS = 300;

  @Test
  void aBufferOfEvolvingNestedRowsEncodesToTheFileItsRowsEncodeTo() {
    List<DatasetSchema> history = EvolvingOrders.versions();
    RowBuffer buffer = buffer(history, 1, 3, o -> EvolvingOrders.row(o < ROWS / 2 ? 1 : 3, P0, o,
        EvolvingOrders.eventTime(HOUR, o)));

    assertSameFile(history, buffer);
  }

  @Test
  void aBufferWithADataColumnNamedEventTimeEncodesToTheFileItsRowsEncodeTo() {
    List<DatasetSchema> history = ReservedNameEvents.eventTimeNames();
    RowBuffer buffer = buffer(history, 1, 2, o -> {
      Object[] row = new Object[history.get(o < ROWS / 2 ? 0 : 1).root().fields().size()];
      row[MetadataColumns.PARTITION_INDEX] = P0.partition();
      row[MetadataColumns.OFFSET_INDEX] = Long.toString(o);
      row[MetadataColumns.COUNT] = "t" + o;
      row[MetadataColumns.COUNT + 1] = o % 7;
      if (o >= ROWS / 2) {
        row[MetadataColumns.COUNT + 3] = o;
      }
      return row;
    });

    assertSameFile(history, buffer);
  }

  /** Offsets 0..ROWS-1, the first half under version {@code older}, the rest under {@code newer}; 200 event times. */
  private static RowBuffer buffer(List<DatasetSchema> history, int older, int newer, LongFunction<Object[]> row) {
    RowBuffer buffer = new RowBuffer(0);
    for (long o = 0; o < ROWS; o++) {
      buffer.append(history.get((int) (o < ROWS / 2 ? older : newer) - 1), row.apply(o), Position.of(o), 0,
          EvolvingOrders.eventTime(HOUR, o * 2 / 3));
    }
    return buffer;
  }

  private static void assertSameFile(List<DatasetSchema> history, RowBuffer buffer) {
    DatasetSchema schema = buffer.schema();
    Schema iceberg = IcebergSchemas.replay(history).get(schema.version() - 1);
    List<Object[]> rows = new ArrayList<>();
    for (Iterator<Object[]> values = buffer.values(); values.hasNext(); ) {
      rows.add(values.next());
    }

    byte[] typed = IcebergDataFiles.encode(schema, iceberg, buffer, buffer.eventTimes(), WriteOptions.defaults());
    byte[] boxed = IcebergDataFiles.encode(schema, iceberg, rows, buffer.eventTimes(), WriteOptions.defaults());

    assertThat(typed).isEqualTo(boxed);
    PartitionSpec spec = PartitionSpec.builderFor(iceberg).hour(IcebergSchemas.EVENT_TIME).build();
    DataFile file = IcebergDataFiles.describe("typed.parquet", typed, spec,
        MetricsConfig.from(java.util.Map.of(), iceberg, SortOrder.unsorted()));
    assertThat(file.recordCount()).isEqualTo(ROWS);
    assertThat(file.valueCounts()).containsEntry(iceberg.findField(IcebergSchemas.EVENT_TIME).fieldId(),
        (long) ROWS);
  }
}
