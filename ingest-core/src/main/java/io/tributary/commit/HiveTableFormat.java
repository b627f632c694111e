package io.tributary.commit;

import io.tributary.layout.LakeLayout;
import io.tributary.parquet.WriteOptions;
import io.tributary.source.SourcePartition;
import io.tributary.store.ObjectStore;
import java.time.Clock;
import java.util.Optional;

/**
 * Plain Hive-partitioned files for every dataset, made exactly-once by the {@link Ledger}: a {@link LedgerTableFormat}
 * whose every sink is a {@link HiveSink}. Each file of a flush is uploaded under a staging key, the put-if-absent of
 * the ledger record is the commit, and its winner copies the files to their final keys ({@link LakeLayout#fileKey},
 * named from source coordinates, so a replay names a file the same). See docs/design/landing.md for the protocol.
 */
public final class HiveTableFormat implements TableFormat {
  private final LedgerTableFormat format;

  /** With the default Parquet options. */
  public HiveTableFormat(ObjectStore store, LakeLayout layout, String owner, Clock clock) {
    this(store, layout, owner, clock, WriteOptions.defaults());
  }

  /** @param owner this instance, recorded in each commit it wins */
  public HiveTableFormat(ObjectStore store, LakeLayout layout, String owner, Clock clock, WriteOptions parquet) {
    HiveSink hive = new HiveSink(store, layout, parquet);
    this.format = new LedgerTableFormat(store, layout, owner, clock, hive, dataset -> hive);
  }

  @Override
  public EncodedFile encode(RolledRows rows) {
    return format.encode(rows);
  }

  @Override
  public Optional<CommitRecord> recover(SourcePartition partition) {
    return format.recover(partition);
  }

  @Override
  public CommitOutcome commit(SourcePartition partition, FlushFiles flush) {
    return format.commit(partition, flush);
  }
}
