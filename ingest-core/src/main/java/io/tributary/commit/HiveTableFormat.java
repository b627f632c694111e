package io.tributary.commit;

import io.tributary.layout.LakeLayout;
import io.tributary.source.SourcePartition;
import io.tributary.store.ObjectStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Plain Hive-partitioned files, made exactly-once by the {@link Ledger}: each file of a flush is uploaded under a
 * staging key, the put-if-absent of the ledger record is the commit, and its winner copies the files to their final
 * keys ({@link LakeLayout#fileKey}, named from source coordinates, so a replay names a file the same). See
 * docs/design/landing.md for the protocol.
 */
public final class HiveTableFormat implements TableFormat {
  private final Ledger ledger;
  private final LakeLayout layout;

  /** @param owner this instance, recorded in each commit it wins */
  public HiveTableFormat(ObjectStore store, LakeLayout layout, String owner, Clock clock) {
    this.layout = Objects.requireNonNull(layout, "layout may not be null");
    this.ledger = new Ledger(store, layout, owner, clock);
  }

  @Override
  public Optional<CommitRecord> recover(SourcePartition partition) {
    return ledger.recover(partition);
  }

  @Override
  public CommitOutcome commit(SourcePartition partition, FlushFiles flush) {
    List<StagedFile> staged = new ArrayList<>();
    for (EncodedFile file : flush.files()) {
      String stagingKey = ledger.newStagingKey(partition);
      ledger.stage(stagingKey, file.bytes());
      String key = layout.fileKey(file.folder(), partition, file.range().first());
      staged.add(new StagedFile(key, stagingKey, file.range(), file.records(), file.bytes().length));
    }
    return ledger.commit(partition, flush.seq(), flush.watermark(), staged, flush.above());
  }
}
