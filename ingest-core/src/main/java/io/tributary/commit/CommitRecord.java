package io.tributary.commit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One flush of one source partition, as written to the ledger: the records with positions after the previous
 * commit's {@code to} and up to {@code to} are in {@code files}, and nowhere else.
 *
 * @param seq the flush number, from 1, one more than the previous commit's
 * @param to the last source position covered (inclusive)
 * @param files the files holding the records (data and error files)
 * @param owner the instance that wrote it
 * @param committedAt when
 */
public record CommitRecord(long seq, String to, List<StagedFile> files, String owner, Instant committedAt) {
  public CommitRecord {
    if (seq < 1) {
      throw new IllegalArgumentException("Invalid commit: seq " + seq + " must be at least 1");
    }
    Objects.requireNonNull(to, "to may not be null");
    files = List.copyOf(files);
    Objects.requireNonNull(owner, "owner may not be null");
    Objects.requireNonNull(committedAt, "committedAt may not be null");
  }
}
