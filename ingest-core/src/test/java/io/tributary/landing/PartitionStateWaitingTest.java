package io.tributary.landing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.buffer.RollReason;
import io.tributary.buffer.RollingPolicy;
import io.tributary.buffer.RowBuffer;
import io.tributary.commit.CommitRecord;
import io.tributary.schema.DatasetSchemas;
import io.tributary.schema.EvolutionSettings;
import io.tributary.schema.SchemaHistory;
import io.tributary.schema.ShapeResult;
import io.tributary.source.Position;
import io.tributary.source.SourcePartition;
import io.tributary.store.LocalFileStore;
import io.tributary.testing.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows whose values wait for their type still count as waiting in the buffer rebuilt after a lost commit. */
class PartitionStateWaitingTest {
  @TempDir Path dir;

  @Test
  void aBufferRebuiltAfterALostCommitStillCountsItsWaitingRows() {
    DatasetSchemas schemas = new DatasetSchemas(new SchemaHistory(new LocalFileStore(dir), "lake", "one",
        Clock.systemUTC()), dataset -> EvolutionSettings.defaults(), true);
    PartitionState state = new PartitionState(new SourcePartition("t", "0"), null, bytes -> { });
    List<String> events = List.of("{'x': 0}", "{'x': 1}", "{'e': []}", "{'s': 'a'}");
    for (int i = 0; i < events.size(); i++) {
      ShapeResult.Shaped shaped = (ShapeResult.Shaped) schemas.shape("events", Json.event(events.get(i)), 1L, "t",
          "0", Integer.toString(i));
      state.append("a", RollingPolicy.defaults(), shaped.schema(), shaped.row(), null, Position.of(i), 0, 0,
          shaped.waiting(), 0);
    }

    // Another instance made record 0 durable: rows 1 to 3 stay, rebuilt into a new buffer.
    state.lostTo(new CommitRecord(1, Position.of(0), List.of(), List.of(), "other", Instant.EPOCH), List.of());
    RowBuffer kept = state.take(Map.of("a", RollReason.AGE)).get(0).buffer();

    assertThat(kept.records()).isEqualTo(3);
    assertThat(kept.waitingRows()).as("row 1 waits; row 2's rescued value is counted too (which rows wait is not "
        + "kept row by row), row 3 holds nothing rescued").isEqualTo(2);
  }
}
