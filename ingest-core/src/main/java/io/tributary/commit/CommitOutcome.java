package io.tributary.commit;

/** What happened to an attempt to commit a flush. */
public sealed interface CommitOutcome {

  /** This instance wrote the record: its files are published and the source may move past its watermark. */
  record Committed(CommitRecord record) implements CommitOutcome {}

  /**
   * Another instance (a zombie, or the successor of this one) wrote this {@code seq} first. Its files are published;
   * this instance's staged files were discarded. Rows the winner made durable ({@link CommitRecord#isDurable}) must
   * be dropped from this instance's buffers before trying again with {@code winner.seq() + 1}.
   */
  record Lost(CommitRecord winner) implements CommitOutcome {}
}
