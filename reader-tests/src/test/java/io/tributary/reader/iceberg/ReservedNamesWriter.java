package io.tributary.reader.iceberg;

import static io.tributary.iceberg.testing.EvolvingOrders.flush;

import io.tributary.commit.CommitOutcome;
import io.tributary.iceberg.IcebergTableFormat;
import io.tributary.iceberg.testing.ReservedNameEvents;
import io.tributary.schema.DatasetSchema;
import io.tributary.source.SourcePartition;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writer side of {@link IcebergReservedNamesReadTest} (runs in {@link IsolatedWriter}'s loader): lands
 * {@link ReservedNameEvents} (data columns {@code _file}, {@code _pos}, {@code _file_}) from one source partition,
 * offsets 0–1 under version 1 and 2–3 under version 2, one commit each, in the hour {@link EvolvedTableWriter#H0}.
 * With the argument {@code history = event-time}, the same rows under {@link ReservedNameEvents#eventTimeNames()}
 * (data columns {@code _event_time}, {@code _source_partition}, {@code _file}).
 */
public final class ReservedNamesWriter implements Function<Map<String, String>, Map<String, String>> {
  static final SourcePartition P0 = new SourcePartition("events-topic", "0");

  @Override
  public Map<String, String> apply(Map<String, String> arguments) {
    try (WriterLake lake = new WriterLake(arguments)) {
      List<DatasetSchema> history = "event-time".equals(arguments.get("history"))
          ? ReservedNameEvents.eventTimeNames() : ReservedNameEvents.versions();
      IcebergTableFormat format = lake.format("writer", lake.store(), lake.catalog(), history);
      long hour = EvolvedTableWriter.H0;
      List<CommitOutcome> outcomes = List.of(
          format.commit(P0, flush(1, 1, ReservedNameEvents.file(format, lake.layout(), P0, history, 1, 0, 1, hour))),
          format.commit(P0, flush(2, 3, ReservedNameEvents.file(format, lake.layout(), P0, history, 2, 2, 3,
              hour))));
      if (!outcomes.stream().allMatch(o -> o instanceof CommitOutcome.Committed)) {
        throw new IllegalStateException("Cannot land the table: a commit was lost: " + outcomes);
      }
      return Map.of();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot write the table with reserved names: " + e, e);
    }
  }
}
