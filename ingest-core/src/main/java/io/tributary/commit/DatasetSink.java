package io.tributary.commit;

import io.tributary.source.SourcePartition;
import java.util.List;
import java.util.Optional;

/**
 * Where the rows of one kind of dataset go, under commits the {@link LedgerTableFormat} decides: the per-dataset half
 * of the table-format seam. The ledger stays the one decider across datasets (a flush of one source partition may
 * touch a Hive dataset, an Iceberg table and the error files at once); a sink only encodes, writes before the
 * decision, and applies the decided record after it:
 *
 * <ul>
 *   <li>Hive ({@link HiveSink}): Parquet, staged under {@code _tributary/staging/}; the ledger publishes it.</li>
 *   <li>Iceberg (module iceberg-table): Parquet with field ids and {@code _event_time}, written once at its final
 *       location ({@link StagedFile#inPlace()}); {@link #apply} appends the decided record's files to the table,
 *       at most once.</li>
 *   <li>A delivery stream (Firehose): the rows sent before the ledger record ({@link #write} returns empty: nothing
 *       to publish); a crash before the record re-sends them: at-least-once.</li>
 * </ul>
 *
 * Implementations are thread-safe.
 */
public interface DatasetSink {

  /** Encodes the rows of one rolled buffer in this sink's form. */
  EncodedFile encode(RolledRows rows);

  /**
   * Makes {@code file} durable where the decided record can reach it, before the ledger record is tried. Nothing
   * written here may be visible to readers until {@link #apply} (or the ledger's publish) runs.
   *
   * @return the file as the ledger record lists it; empty when the record needs no file (rows already delivered)
   * @throws io.tributary.store.StoreException when the store or service fails; the flush is retried
   */
  Optional<StagedFile> write(SourcePartition partition, EncodedFile file);

  /**
   * Makes this sink's files of a decided record visible: {@code record} is this instance's own commit, or the
   * winner's when this instance lost, or the latest one at recovery. Idempotent, and safe while another instance
   * applies the same record. Files written in place only; the ledger publishes staged ones.
   *
   * @param files the files of {@code record} that belong to this sink's dataset {@code dataset}
   * @throws io.tributary.store.StoreException when the store or catalog cannot be reached; the caller retries, and
   *     the next writer of the partition applies the record if this instance dies first
   */
  default void apply(SourcePartition partition, CommitRecord record, String dataset, List<StagedFile> files) {}

  /**
   * Deletes files this sink wrote in place for a commit another instance won: named uniquely per attempt, they
   * are never a winner's. Staged files are the ledger's to discard.
   */
  default void discard(List<StagedFile> files) {}
}
