package io.tributary.commit;

import io.tributary.errors.ErrorRows;
import io.tributary.layout.LakeLayout;
import io.tributary.source.SourcePartition;
import io.tributary.store.ObjectStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The table format of the engine: one {@link Ledger} decides every commit of a source partition, whatever tables the
 * flush touches, and each dataset's {@link DatasetSink} encodes its rows, writes them before the decision and
 * applies the decided record after it. Error files always go to the Hive sink (the error prefix).
 *
 * <p>A flush: each file is written by its sink ({@link DatasetSink#write}); the put-if-absent of ledger record
 * {@code seq} decides; the ledger publishes the staged files of the decided record (ours, or the winner's when we
 * lost: a loser's own files are discarded, staged ones by the ledger, in-place ones by their sink); then every sink with files written in place applies the decided record
 * ({@link DatasetSink#apply}) before {@link #commit} returns, so nobody tries {@code seq + 1} before the record of
 * {@code seq} is visible everywhere. {@link #recover} publishes and applies the latest record again (idempotent):
 * what a writer that died after the ledger record left undone. See docs/design/landing.md, "The table-format seam".
 * Thread-safe when the sinks are.
 */
public final class LedgerTableFormat implements TableFormat {
  private final Ledger ledger;
  private final LakeLayout layout;
  private final DatasetSink errors;
  private final Function<String, DatasetSink> sinks;

  /**
   * @param errors the sink of the error files (Hive Parquet in the error prefix)
   * @param sinks the sink of each dataset; asked again for each file, so it should be a lookup, not a factory
   * @param owner this instance, recorded in each commit it wins
   */
  public LedgerTableFormat(ObjectStore store, LakeLayout layout, String owner, Clock clock, DatasetSink errors,
      Function<String, DatasetSink> sinks) {
    this.layout = Objects.requireNonNull(layout, "layout may not be null");
    this.ledger = new Ledger(store, layout, owner, clock);
    this.errors = Objects.requireNonNull(errors, "errors may not be null");
    this.sinks = Objects.requireNonNull(sinks, "sinks may not be null");
  }

  @Override
  public EncodedFile encode(RolledRows rows) {
    return sinkOf(rows.schema().dataset()).encode(rows);
  }

  @Override
  public Optional<CommitRecord> recover(SourcePartition partition) {
    Optional<CommitRecord> latest = ledger.latest(partition);
    latest.ifPresent(record -> {
      ledger.publish(record);
      apply(partition, record);
    });
    return latest;
  }

  @Override
  public CommitOutcome commit(SourcePartition partition, FlushFiles flush) {
    List<StagedFile> files = new ArrayList<>();
    Map<StagedFile, DatasetSink> inPlace = new LinkedHashMap<>();
    for (EncodedFile file : flush.files()) {
      DatasetSink sink = sinkOf(file.schema().dataset());
      sink.write(partition, file).ifPresent(staged -> {
        files.add(staged);
        if (staged.inPlace()) {
          inPlace.put(staged, sink);
        }
      });
    }
    CommitOutcome outcome = ledger.commit(partition, flush.seq(), flush.watermark(), files, flush.above());
    if (outcome instanceof CommitOutcome.Lost) {
      inPlace.forEach((file, sink) -> sink.discard(List.of(file)));
    }
    apply(partition, outcome instanceof CommitOutcome.Committed c ? c.record()
        : ((CommitOutcome.Lost) outcome).winner());
    return outcome;
  }

  /** Hands each sink the files of {@code record} it wrote in place, grouped by dataset, in the record's order. */
  private void apply(SourcePartition partition, CommitRecord record) {
    Map<String, List<StagedFile>> byDataset = new LinkedHashMap<>();
    for (StagedFile file : record.files()) {
      if (file.inPlace()) {
        byDataset.computeIfAbsent(layout.datasetOf(file.range().bufferKey()), d -> new ArrayList<>()).add(file);
      }
    }
    byDataset.forEach((dataset, files) -> sinkOf(dataset).apply(partition, record, dataset, files));
  }

  private DatasetSink sinkOf(String dataset) {
    if (dataset.equals(ErrorRows.DATASET)) {
      return errors;
    }
    return Objects.requireNonNull(sinks.apply(dataset), () -> "no sink for dataset " + dataset);
  }
}
