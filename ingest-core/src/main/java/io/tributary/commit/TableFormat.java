package io.tributary.commit;

import io.tributary.source.SourcePartition;
import java.util.Optional;

/**
 * How the files of a flush become visible and durable: the seam between what the landing layer produces (encoded
 * files, each with the source range of its rows, see {@link FlushFiles}) and the table they land in. The per-record
 * path, the buffers and the rolling know nothing of it.
 *
 * <p>A format keeps, per source partition, a sequence of commits; each says what is durable ({@link CommitRecord}:
 * a watermark and the ranges above it). Two writers of one partition (a zombie and its successor) race for each
 * commit and exactly one wins it; the loser learns the winner's record and drops the rows it made durable. The
 * implementation is {@link LedgerTableFormat}: the ledger decides, and each dataset's {@link DatasetSink} encodes,
 * writes and applies ({@link HiveTableFormat}: Hive Parquet for every dataset; module iceberg-table adds Iceberg
 * tables; a Firehose sink fits the same calls). A {@link TableFormatFactory} builds it for a landing. Implementations
 * are thread-safe.
 */
public interface TableFormat {

  /**
   * Encodes the rows of one rolled buffer as the file {@link #commit} takes for them: the form is the dataset's
   * (Hive Parquet, Iceberg Parquet with field ids, ...).
   */
  EncodedFile encode(RolledRows rows);

  /**
   * Prepares {@code partition} after it was assigned to this instance: finishes what a dead writer left half done
   * (idempotently) and returns the partition's latest commit; the source resumes after its watermark and skips
   * re-delivered records that {@link CommitRecord#isDurable} says are committed.
   *
   * @return the latest commit, empty when the partition has none
   * @throws io.tributary.store.StoreException when the store fails; the caller retries
   */
  Optional<CommitRecord> recover(SourcePartition partition);

  /**
   * Makes {@code flush} durable and visible as commit {@code flush.seq()} of {@code partition}, or learns that
   * another writer won that commit.
   *
   * @return {@link CommitOutcome.Committed} with the new record, or {@link CommitOutcome.Lost} with the winner's
   * @throws io.tributary.store.StoreException when the store fails; nothing of this flush is visible unless its
   *     commit was written, and a retry of the same {@code seq} then finds it as the winner
   */
  CommitOutcome commit(SourcePartition partition, FlushFiles flush);
}
