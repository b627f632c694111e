package io.tributary.reader.iceberg;

import static io.tributary.iceberg.testing.EvolvingOrders.HOUR_MICROS;
import static io.tributary.iceberg.testing.EvolvingOrders.file;
import static io.tributary.iceberg.testing.EvolvingOrders.flush;

import io.tributary.commit.CommitOutcome;
import io.tributary.iceberg.IcebergSchemas;
import io.tributary.iceberg.IcebergTableFormat;
import io.tributary.iceberg.testing.EvolvingOrders;
import io.tributary.source.SourcePartition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.iceberg.types.TypeUtil;

/**
 * Writer side of {@link IcebergTableReadTest} (runs in {@link IsolatedWriter}'s loader): lands {@link EvolvingOrders}
 * through all three schema versions, from two source partitions, over three hours, one commit per flush:
 * <ul>
 *   <li>{@code orders-topic/0}: offsets 0–4 (version 1, hour 0), 5–9 (version 2, hour 0), 10–14 (version 3,
 *       hour 1), 15–19 (version 3, hour 2);</li>
 *   <li>{@code orders-topic/1}: offsets 0–9 (version 3, hour 1).</li>
 * </ul>
 * Reports the first hour ({@code hour0}, microseconds) and the table's field id of every column
 * ({@code id.<dotted name>}).
 */
public final class EvolvedTableWriter implements Function<Map<String, String>, Map<String, String>> {
  static final SourcePartition P0 = new SourcePartition("orders-topic", "0");
  static final SourcePartition P1 = new SourcePartition("orders-topic", "1");
  static final long H0 = 1_773_000_000_000_000L / HOUR_MICROS * HOUR_MICROS;

  @Override
  public Map<String, String> apply(Map<String, String> arguments) {
    try (WriterLake lake = new WriterLake(arguments)) {
      IcebergTableFormat format = lake.format("writer", lake.store());
      List<CommitOutcome> outcomes = List.of(
          format.commit(P0, flush(1, 4, file(format, lake.layout(), P0, 1, 0, 4, H0))),
          format.commit(P0, flush(2, 9, file(format, lake.layout(), P0, 2, 5, 9, H0))),
          format.commit(P0, flush(3, 14, file(format, lake.layout(), P0, 3, 10, 14, H0 + HOUR_MICROS))),
          format.commit(P0, flush(4, 19, file(format, lake.layout(), P0, 3, 15, 19, H0 + 2 * HOUR_MICROS))),
          format.commit(P1, flush(1, 9, file(format, lake.layout(), P1, 3, 0, 9, H0 + HOUR_MICROS))));
      if (!outcomes.stream().allMatch(o -> o instanceof CommitOutcome.Committed)) {
        throw new IllegalStateException("Cannot land the table: a commit was lost: " + outcomes);
      }
      Map<String, String> report = new HashMap<>();
      report.put("hour0", Long.toString(H0));
      TypeUtil.indexByName(IcebergSchemas.replay(EvolvingOrders.versions()).get(2).asStruct())
          .forEach((name, id) -> report.put("id." + name, Integer.toString(id)));
      return report;
    } catch (Exception e) {
      throw new IllegalStateException("Cannot write the evolved table: " + e, e);
    }
  }
}
