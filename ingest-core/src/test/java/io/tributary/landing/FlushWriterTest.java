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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a flush encodes for a buffer with waiting numbers: its rows re-homed as they are read, nothing copied. */
class FlushWriterTest {
  @TempDir Path dir;

  /** What the format saw at each encode: the typed buffer, the first row, the schema version, the first row sent. */
  private final List<Object[]> seen = new ArrayList<>();

  private final TableFormat format = new TableFormat() {
    @Override
    public EncodedFile encode(RolledRows rows) {
      seen.add(new Object[] {rows.buffer(), rows.values().next(), rows.schema().version(), rows.positioned().next()});
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
  void waitingValuesAreReHomedAsTheRowsAreReadAndTheRolledBufferStaysAsItWas() {
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
    FlushWriter writer = new FlushWriter(format, new UndecidedNumbers(schemas, schema -> { }));

    writer.encode(List.of(new PartitionState.Rolled("a", waiting, RollingPolicy.defaults(), RollReason.AGE),
        new PartitionState.Rolled("b", ordinary, RollingPolicy.defaults(), RollReason.AGE)));

    assertThat(seen.get(0)[0]).as("no typed buffer: the rows are re-homed as they are read").isNull();
    assertThat((int) seen.get(0)[2]).as("under the decided version").isEqualTo(waiting.schema().version() + 1);
    assertThat(((Object[]) seen.get(0)[1])[MetadataColumns.RESCUED_INDEX]).as("the value moved").isNull();
    RowBuffer.BufferedRow sent = (RowBuffer.BufferedRow) seen.get(0)[3];
    assertThat(sent.position()).isEqualTo(Position.of(0));
    assertThat(sent.row()[MetadataColumns.RESCUED_INDEX]).as("re-homed for sinks that send rows too").isNull();
    assertThat(seen.get(1)[0]).as("no waiting row: the buffer itself, typed").isSameAs(ordinary);
    assertThat(((Object[]) seen.get(1)[1])[MetadataColumns.RESCUED_INDEX]).as("rescued for good").isNotNull();
    assertThat(waiting.waitingRows()).as("the rolled buffer is kept as it was, for a failed flush").isEqualTo(100);
    assertThat(waiting.values().next()[MetadataColumns.RESCUED_INDEX]).isEqualTo("{\"/x\":0}");
  }
}
