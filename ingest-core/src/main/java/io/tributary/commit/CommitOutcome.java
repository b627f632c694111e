package io.tributary.commit;

/** What happened to an attempt to commit a flush. */
public sealed interface CommitOutcome {

  /** This instance wrote the record: its files are published and the source may move to {@code record.to() + 1}. */
  record Committed(CommitRecord record) implements CommitOutcome {}

  /**
   * Another instance (a zombie, or the successor of this one) wrote this {@code seq} first. Its files are published;
   * this instance's staged files were discarded. Rows at or below {@code winner.to()} are durable already and must
   * be dropped before trying again with {@code winner.seq() + 1}.
   */
  record Lost(CommitRecord winner) implements CommitOutcome {}
}
