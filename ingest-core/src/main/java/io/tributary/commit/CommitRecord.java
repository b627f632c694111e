package io.tributary.commit;

import io.tributary.source.Position;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One flush of one source partition, as written to the ledger. Buffers of one source partition roll independently
 * (a late hour's buffer waits for its own age while the current hour's rolls), so what is durable is not one
 * position range but a watermark plus ranges above it:
 *
 * <ul>
 *   <li>every record at or below {@code watermark} is in a committed file: the source may resume after it;</li>
 *   <li>records above it are committed exactly when one of {@code above} holds them; a record re-delivered after
 *       a restart is checked against them and skipped if held.</li>
 * </ul>
 *
 * @param seq the flush number, from 1, one more than the previous commit's
 * @param watermark every source position at or below it is durable; null when none is yet
 * @param files the files this flush makes visible (data and error files); a format that writes files in place
 *     (no staging) records each with its final key as staging key
 * @param above the durable ranges, of this and earlier flushes, with records above the watermark
 * @param owner the instance that wrote it
 * @param committedAt when
 */
public record CommitRecord(long seq, Position watermark, List<StagedFile> files, List<DurableRange> above,
    String owner, Instant committedAt) {
  public CommitRecord {
    if (seq < 1) {
      throw new IllegalArgumentException("Invalid commit: seq " + seq + " must be at least 1");
    }
    files = List.copyOf(files);
    above = List.copyOf(above);
    Objects.requireNonNull(owner, "owner may not be null");
    Objects.requireNonNull(committedAt, "committedAt may not be null");
  }

  /** True when the record at {@code position} with buffer key {@code bufferKey} is durable as of this commit. */
  public boolean isDurable(String bufferKey, Position position) {
    if (position.atOrBefore(watermark)) {
      return true;
    }
    for (DurableRange range : above) {
      if (range.holds(bufferKey, position)) {
        return true;
      }
    }
    return false;
  }
}
