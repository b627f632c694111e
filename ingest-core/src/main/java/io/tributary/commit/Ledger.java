package io.tributary.commit;

import io.tributary.layout.LakeLayout;
import io.tributary.source.Position;
import io.tributary.source.SourcePartition;
import io.tributary.store.ObjectStore;
import io.tributary.store.VersionedLog;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The commit ledger of every source partition, in the object store under {@code <prefix>/_tributary/ledger/}
 * ({@link LakeLayout#ledger}), one {@link VersionedLog} per source partition: the only
 * source of truth for what is durable. See docs/design/landing.md for the protocol and why it is exactly-once.
 *
 * <p>A flush stages its files ({@link #stage}), then {@link #commit}s: the put-if-absent of record {@code seq} is
 * the commit, and its winner publishes the files. Records are never deleted, so a stale zombie can never win a
 * {@code seq} that was already decided. Thread-safe; holds no state of its own besides the store.
 */
public final class Ledger {
  private final ObjectStore store;
  private final LakeLayout layout;
  private final String owner;
  private final Clock clock;

  /** @param owner this instance, recorded in each commit it wins */
  public Ledger(ObjectStore store, LakeLayout layout, String owner, Clock clock) {
    this.store = Objects.requireNonNull(store, "store may not be null");
    this.layout = Objects.requireNonNull(layout, "layout may not be null");
    this.owner = Objects.requireNonNull(owner, "owner may not be null");
    this.clock = Objects.requireNonNull(clock, "clock may not be null");
  }

  /** A fresh staging key for a file of {@code partition}; nothing under it is visible to readers. */
  public String newStagingKey(SourcePartition partition) {
    return layout.newStagingKey(partition);
  }

  /** Uploads a file's bytes to its staging key. */
  public void stage(String stagingKey, byte[] bytes) {
    store.put(stagingKey, bytes);
  }

  /** The newest commit of {@code partition}, or empty if it has none; a few reads however long the ledger is. */
  public Optional<CommitRecord> latest(SourcePartition partition) {
    long seq = log(partition).latest();
    return seq == 0 ? Optional.empty() : read(partition, seq);
  }

  /**
   * Commits a flush of {@code partition} as record {@code seq}.
   *
   * @param seq one more than the latest commit this instance knows of (1 for the first)
   * @param watermark every position at or below it is durable once this commits (null: none yet)
   * @param files the files of the flush; staged ones are published if this commit wins, discarded if it loses;
   *     files written in place ({@link StagedFile#inPlace}) are their writer's to discard
   * @param above the durable ranges above the watermark, including those of {@code files}
   */
  public CommitOutcome commit(SourcePartition partition, long seq, Position watermark, List<StagedFile> files,
      List<DurableRange> above) {
    CommitRecord record = new CommitRecord(seq, watermark, files, above, owner, clock.instant());
    VersionedLog log = log(partition);
    if (log.tryWrite(seq, LedgerJson.write(record))) {
      publish(record);
      return new CommitOutcome.Committed(record);
    }
    CommitRecord winner = read(partition, seq).orElseThrow(() -> new IllegalStateException(
        "Cannot read commit record " + log.key(seq) + ": put-if-absent found it, a read did not"));
    discard(files);
    // The winner may have died before publishing: publishing is idempotent, so the loser makes sure.
    publish(winner);
    return new CommitOutcome.Lost(winner);
  }

  /**
   * Makes the files of a commit visible: idempotent, safe to run concurrently with another instance doing the same.
   */
  public void publish(CommitRecord record) {
    for (StagedFile file : record.files()) {
      if (file.inPlace()) {
        continue;
      }
      // A server-side copy: the file's bytes were uploaded once, when they were staged.
      if (store.copy(file.stagingKey(), file.key())) {
        store.delete(file.stagingKey());
      } else if (!store.list(file.key()).contains(file.key())) {
        // Published before (the staged copy is gone): a list, not a get, so recovery downloads no file.
        throw new IllegalStateException("Cannot publish " + file.key() + " of commit " + record.seq()
            + ": neither the staged upload " + file.stagingKey() + " nor the file exists");
      }
    }
  }

  /**
   * Deletes staged files that will never be committed. Files written in place ({@link StagedFile#inPlace}) are
   * left to the sink that wrote them (they may not even be in this store).
   */
  public void discard(List<StagedFile> files) {
    for (StagedFile file : files) {
      if (!file.inPlace()) {
        store.delete(file.stagingKey());
      }
    }
  }

  /**
   * Prepares {@code partition} after it was assigned to this instance: publishes its latest commit (its writer may
   * have died before doing so) and returns it; the source resumes after its watermark and skips re-delivered
   * records that {@link CommitRecord#isDurable} says are committed.
   */
  public Optional<CommitRecord> recover(SourcePartition partition) {
    Optional<CommitRecord> latest = latest(partition);
    latest.ifPresent(this::publish);
    return latest;
  }

  private Optional<CommitRecord> read(SourcePartition partition, long seq) {
    VersionedLog log = log(partition);
    return log.read(seq).map(bytes -> LedgerJson.read(bytes, log.key(seq)));
  }

  private VersionedLog log(SourcePartition partition) {
    return new VersionedLog(store, layout.ledger(partition));
  }
}
