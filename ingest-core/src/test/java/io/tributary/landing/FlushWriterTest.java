package io.tributary.landing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.buffer.RollReason;
import io.tributary.buffer.RollingPolicy;
import io.tributary.buffer.RowBuffer;
import io.tributary.buffer.UndecidedNumbers;
import io.tributary.commit.CommitOutcome;
import io.tributary.commit.CommitRecord;
import io.tributary.commit.EncodedFile;
import io.tributary.commit.FlushFiles;
import io.tributary.commit.RolledRows;
import io.tributary.commit.TableFormat;
import io.tributary.schema.DatasetSchemas;
import io.tributary.schema.EvolutionSettings;
import io.tributary.schema.MetadataColumns;
import io.tributary.schema.SchemaHistory;
import io.tributary.schema.ShapeResult;
import io.tributary.source.Position;
import io.tributary.source.SourcePartition;
import io.tributary.store.LocalFileStore;
import io.tributary.testing.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a flush encodes for a buffer with waiting numbers, and the memory its re-homed copy is counted for. */
class FlushWriterTest {
  @TempDir Path dir;

  private final AtomicLong held = new AtomicLong();
  /** What the format saw at each encode: the buffer, its first row, and the bytes counted as held then. */
  private final List<Object[]> seen = new ArrayList<>();

  private final TableFormat format = new TableFormat() {
    @Override
    public EncodedFile encode(RolledRows rows) {
      seen.add(new Object[] {rows.buffer(), rows.values().next(), held.get()});
      return new EncodedFile(rows.range(), rows.schema(), rows.records(), new byte[0]);
    }

    @Override
    public Optional<CommitRecord> recover(SourcePartition partition) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CommitOutcome commit(SourcePartition partition, FlushFiles flush) {
      throw new UnsupportedOperationException();
    }
  };

  @Test
  void aReHomedCopyIsCountedWhileItIsEncodedAndTheRolledBufferStaysAsItWas() {
    DatasetSchemas schemas = new DatasetSchemas(new SchemaHistory(new LocalFileStore(dir), "lake", "one",
        Clock.systemUTC()), dataset -> EvolutionSettings.defaults(), true);
    RowBuffer waiting = new RowBuffer(0);
    RowBuffer ordinary = new RowBuffer(0);
    for (int i = 0; i < 100; i++) {
      ShapeResult.Shaped shaped = (ShapeResult.Shaped) schemas.shape("events", Json.event("{'x': " + i + "}"), 1L,
          "s", "0", Integer.toString(i));
      waiting.append(shaped.schema(), shaped.row(), Position.of(i), 0, 0, shaped.waiting());
    }
    ShapeResult.Shaped late = (ShapeResult.Shaped) schemas.shape("events", Json.event("{'e': []}"), 1L, "s",
        "0", "100");
    ordinary.append(late.schema(), late.row(), Position.of(100), 0, 0, late.waiting());
    FlushWriter writer = new FlushWriter(format, new UndecidedNumbers(schemas, schema -> { }), held::addAndGet);

    writer.encode(List.of(new PartitionState.Rolled("a", waiting, RollingPolicy.defaults(), RollReason.AGE),
        new PartitionState.Rolled("b", ordinary, RollingPolicy.defaults(), RollReason.AGE)));

    RowBuffer copy = (RowBuffer) seen.get(0)[0];
    assertThat(copy).isNotSameAs(waiting);
    assertThat((long) seen.get(0)[2]).as("the copy counted while it is encoded").isEqualTo(copy.memoryBytes())
        .isPositive();
    assertThat(((Object[]) seen.get(0)[1])[MetadataColumns.RESCUED_INDEX]).as("the value moved").isNull();
    assertThat(seen.get(1)[0]).as("no waiting row: the buffer itself").isSameAs(ordinary);
    assertThat(((Object[]) seen.get(1)[1])[MetadataColumns.RESCUED_INDEX]).as("rescued for good").isNotNull();
    assertThat((long) seen.get(1)[2]).isZero();
    assertThat(held.get()).as("released once encoded").isZero();
    assertThat(waiting.waitingRows()).as("the rolled buffer is kept as it was, for a failed flush").isEqualTo(100);
    assertThat(waiting.values().next()[MetadataColumns.RESCUED_INDEX]).isEqualTo("{\"/x\":0}");
  }
}
