package io.tributary.commit;

/** What happened to an attempt to commit a flush: the answer of {@link TableFormat#commit} (and of the ledger's). */
public sealed interface CommitOutcome {

  /** This instance won the commit: its files are visible and the source may move past its watermark. */
  record Committed(CommitRecord record) implements CommitOutcome {}

  /**
   * Another instance (a zombie, or the successor of this one) won this {@code seq} first. Its files are visible;
   * this instance's were discarded. Rows the winner made durable ({@link CommitRecord#isDurable}) must
   * be dropped from this instance's buffers before trying again with {@code winner.seq() + 1}.
   */
  record Lost(CommitRecord winner) implements CommitOutcome {}
}
