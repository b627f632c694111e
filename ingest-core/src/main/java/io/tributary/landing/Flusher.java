package io.tributary.landing;

import io.tributary.buffer.RollReason;
import io.tributary.catalog.CatalogSync;
import io.tributary.commit.CommitOutcome;
import io.tributary.commit.CommitRecord;
import io.tributary.commit.DurableRange;
import io.tributary.commit.EncodedFile;
import io.tributary.commit.FlushFiles;
import io.tributary.commit.TableFormat;
import io.tributary.errors.ErrorRows;
import io.tributary.metrics.LandingMetrics;
import io.tributary.schema.DatasetSchema;
import io.tributary.source.Position;
import io.tributary.store.StoreException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flush loop: takes buffers of one source partition out, encodes them, hands them to the {@link TableFormat}
 * and deals with the answer. A commit another instance won drops the rows it made durable and puts the rest back;
 * a store failure puts everything back, waits ({@link Backoff}) and tries again. Holds no state of its own: the
 * caller holds the partition's lock ({@link PartitionState}) for the whole flush, so flushes of different
 * partitions run at once.
 */
final class Flusher {
  private static final Logger LOG = LoggerFactory.getLogger(Flusher.class);
  /** More lost commits in a row than any real race produces: another writer that never stops. */
  private static final int MAX_LOSSES = 100;

  private final TableFormat format;
  private final FlushWriter writer;
  private final Backoff backoff;
  private final LandingMetrics metrics;
  private final CatalogSync catalog;
  private final Clock clock;

  Flusher(TableFormat format, FlushWriter writer, Backoff backoff, LandingMetrics metrics, CatalogSync catalog,
      Clock clock) {
    this.format = format;
    this.writer = writer;
    this.backoff = backoff;
    this.metrics = metrics;
    this.catalog = catalog;
    this.clock = clock;
  }

  /**
   * Writes {@code folders}' buffers of one partition as files and commits them. When another instance wins the
   * commit, rows it made durable are dropped and the rest go back to their buffers; with {@code untilEmpty} (a
   * revoke or a shutdown), the flush is retried until nothing of the partition is left.
   */
  void flush(PartitionState state, Map<String, RollReason> folders, boolean untilEmpty) {
    Map<String, RollReason> pending = folders;
    int losses = 0;
    int storeFailures = 0;
    while (!pending.isEmpty()) {
      List<PartitionState.Rolled> rolled = state.take(pending);
      if (rolled.isEmpty()) {
        return;
      }
      List<EncodedFile> files;
      CommitOutcome outcome;
      long started = metrics.flushStarted();
      try {
        files = writer.encode(rolled);
        outcome = format.commit(state.source(), request(state, files));
      } catch (StoreException e) {
        metrics.flushed(started);
        // Nothing of this flush is visible unless its commit was written; if it was (its answer lost), the retry
        // loses the same seq to it and drops its rows. Either way: put the rows back, wait, and try again.
        state.restore(rolled);
        if (!e.retryable()) {
          throw e;
        }
        if (++storeFailures % 10 == 1) {
          // One line now and then, saying what is down (the store, or the Iceberg catalog by its URL).
          LOG.warn("Cannot commit {} yet (attempt {}), holding its rows and retrying: {}", state.source(),
              storeFailures, e.getMessage());
        }
        backoff.pause(storeFailures, e);
        continue;
      }
      metrics.flushed(started);
      if (outcome instanceof CommitOutcome.Committed committed) {
        state.committed(committed.record());
        committed(state, rolled, files, committed.record());
        return;
      }
      if (++losses > MAX_LOSSES) {
        throw new IllegalStateException("Cannot commit " + state.source() + ": lost " + MAX_LOSSES
            + " commits in a row");
      }
      CommitRecord winner = ((CommitOutcome.Lost) outcome).winner();
      LOG.info("Commit {} of {} was won by {}: dropped the rows it made durable", winner.seq(), state.source(),
          winner.owner());
      state.lostTo(winner, rolled);
      pending = untilEmpty ? state.all(rolled.get(0).reason()) : Map.of();
    }
  }

  private static FlushFiles request(PartitionState state, List<EncodedFile> files) {
    List<DurableRange> added = new ArrayList<>();
    files.forEach(file -> added.add(file.range()));
    Position watermark = state.watermark();
    return new FlushFiles(state.nextSeq(), watermark, files, state.above(watermark, added));
  }

  /** Counts and logs the files of a committed flush: {@code files.get(i)} was written from {@code rolled.get(i)}. */
  private void committed(PartitionState state, List<PartitionState.Rolled> rolled, List<EncodedFile> files,
      CommitRecord record) {
    long now = clock.millis();
    long records = 0;
    long bytes = 0;
    TreeSet<String> datasets = new TreeSet<>();
    Map<String, DatasetSchema> newest = new LinkedHashMap<>();
    for (int i = 0; i < files.size(); i++) {
      PartitionState.Rolled r = rolled.get(i);
      EncodedFile file = files.get(i);
      String dataset = file.schema().dataset();
      metrics.rolled(r.reason());
      if (dataset.equals(ErrorRows.DATASET)) {
        metrics.errorFileCommitted(file.bytes().length);
      } else {
        metrics.dataFileCommitted(dataset, file.records(), file.bytes().length,
            now - r.buffer().oldestSourceMillis());
      }
      records += file.records();
      bytes += file.bytes().length;
      datasets.add(dataset);
      newest.merge(dataset, file.schema(), (a, b) -> a.version() >= b.version() ? a : b);
    }
    newest.values().forEach(catalog::filesCommitted);
    LOG.info("Committed {} file(s) of {}: {} records, {} bytes, from {} as commit {}", files.size(), datasets,
        records, bytes, state.source(), record.seq());
  }
}
