package io.tributary.landing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.CatalogSync;
import io.tributary.commit.CommitOutcome;
import io.tributary.commit.CommitRecord;
import io.tributary.commit.DatasetSink;
import io.tributary.commit.DurableRange;
import io.tributary.commit.EncodedFile;
import io.tributary.commit.FlushFiles;
import io.tributary.commit.HiveSink;
import io.tributary.commit.LedgerTableFormat;
import io.tributary.commit.RolledRows;
import io.tributary.commit.StagedFile;
import io.tributary.layout.LakeLayout;
import io.tributary.parquet.WriteOptions;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.MetadataColumns;
import io.tributary.source.Position;
import io.tributary.source.SourcePartition;
import io.tributary.source.SourceRecord;
import io.tributary.store.LocalFileStore;
import io.tributary.store.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The table-format seam: a landing built with a {@link io.tributary.commit.TableFormatFactory} hands each dataset's
 * rolled rows (with their event times) to that dataset's sink, and the ledger-decided format lets a sink that writes
 * in place apply the decided record and discard what it lost.
 */
class TableFormatSeamTest {
  private static final LakeLayout LAYOUT = new LakeLayout("lake", "errors");
  private static final SourcePartition P0 = new SourcePartition("orders", "0");

  @TempDir Path dir;

  /** A sink that writes each file once at a unique final key and records what the format asks of it. */
  private static final class InPlaceSink implements DatasetSink {
    final ObjectStore store;
    final List<long[]> eventTimes = new ArrayList<>();
    final List<Long> applied = new ArrayList<>();
    final List<StagedFile> appliedFiles = new ArrayList<>();
    final List<StagedFile> discarded = new ArrayList<>();
    private final HiveSink encoder;

    InPlaceSink(ObjectStore store) {
      this.store = store;
      this.encoder = new HiveSink(store, LAYOUT, WriteOptions.defaults());
    }

    @Override
    public EncodedFile encode(RolledRows rows) {
      eventTimes.add(rows.eventTimes());
      return encoder.encode(rows);
    }

    @Override
    public Optional<StagedFile> write(SourcePartition partition, EncodedFile file) {
      String key = file.folder() + "/" + UUID.randomUUID() + ".parquet";
      store.put(key, file.bytes());
      return Optional.of(new StagedFile(key, key, file.range(), file.records(), file.bytes().length));
    }

    @Override
    public void apply(SourcePartition partition, CommitRecord record, String dataset, List<StagedFile> files) {
      applied.add(record.seq());
      appliedFiles.addAll(files);
    }

    @Override
    public void discard(List<StagedFile> files) {
      discarded.addAll(files);
      files.forEach(f -> store.delete(f.key()));
    }
  }

  @Test
  void eachRowReachesItsDatasetsSinkWithItsEventTimeAndTheCommittedRecordIsApplied() {
    ObjectStore store = new LocalFileStore(dir);
    InPlaceSink sink = new InPlaceSink(store);
    Landing landing = new Landing(LandingFixture.settings("a", 1_000, 64L << 20), store, Clock.systemUTC(),
        Backoff.exponential(), null, CatalogSync.none(), context -> new LedgerTableFormat(context.store(),
            context.layout(), context.owner(), context.clock(), new HiveSink(context.store(), context.layout(),
                context.parquet()), dataset -> sink));
    landing.assign(P0);
    long[] expected = new long[3];
    for (int i = 0; i < 3; i++) {
      long ts = LandingFixture.HOUR_06 + i * 1000L;
      expected[i] = ts * 1000L;
      String json = "{\"id\": " + i + ", \"ts\": " + ts + "}";
      // The source time is a day earlier: the event time is the field's, not the source's.
      landing.accept(new SourceRecord("orders", "0", Position.of(i), null, List.of(), ts - 86_400_000L,
          json.getBytes(StandardCharsets.UTF_8)));
    }
    landing.close();

    assertThat(sink.eventTimes).hasSize(1);
    assertThat(sink.eventTimes.get(0)).containsExactly(expected);
    assertThat(sink.applied).containsExactly(1L);
    assertThat(sink.appliedFiles).singleElement().satisfies(file -> {
      assertThat(file.inPlace()).isTrue();
      assertThat(store.get(file.key())).isPresent();
    });
  }

  @Test
  void theLoserDiscardsItsOwnInPlaceFilesAndAppliesTheWinnersRecord() {
    ObjectStore store = new LocalFileStore(dir);
    InPlaceSink winnerSink = new InPlaceSink(store);
    InPlaceSink loserSink = new InPlaceSink(store);
    LedgerTableFormat winner = format(store, "winner", winnerSink);
    LedgerTableFormat loser = format(store, "loser", loserSink);

    assertThat(winner.commit(P0, flush(winner))).isInstanceOf(CommitOutcome.Committed.class);
    CommitOutcome lost = loser.commit(P0, flush(loser));

    assertThat(lost).isInstanceOf(CommitOutcome.Lost.class);
    assertThat(loserSink.discarded).singleElement().satisfies(own ->
        assertThat(store.get(own.key())).isEmpty());
    assertThat(loserSink.applied).containsExactly(1L);
    assertThat(loserSink.appliedFiles).containsExactlyElementsOf(winnerSink.appliedFiles);
    assertThat(store.get(winnerSink.appliedFiles.get(0).key())).isPresent();
  }

  private static LedgerTableFormat format(ObjectStore store, String owner, DatasetSink sink) {
    return new LedgerTableFormat(store, LAYOUT, owner, Clock.systemUTC(),
        new HiveSink(store, LAYOUT, WriteOptions.defaults()), dataset -> sink);
  }

  /** One file of two rows of dataset {@code orders}, as commit 1 of P0. */
  private static FlushFiles flush(LedgerTableFormat format) {
    DatasetSchema schema = new DatasetSchema("orders", 1, MetadataColumns.emptyRoot());
    DurableRange range = new DurableRange(LAYOUT.dataFolder("orders", "year=2025"), Position.of(0),
        Position.of(1));
    List<Object[]> rows = List.of(row(0), row(1));
    EncodedFile file = format.encode(new RolledRows(range, schema, 2, rows.iterator(), new long[] {1, 2}));
    return new FlushFiles(1, Position.of(1), List.of(file), List.of(range));
  }

  private static Object[] row(long offset) {
    Object[] row = new Object[MetadataColumns.COUNT];
    row[MetadataColumns.INGEST_TIME_INDEX] = 0L;
    row[MetadataColumns.SOURCE_INDEX] = P0.stream();
    row[MetadataColumns.PARTITION_INDEX] = P0.partition();
    row[MetadataColumns.OFFSET_INDEX] = Long.toString(offset);
    return row;
  }

}
