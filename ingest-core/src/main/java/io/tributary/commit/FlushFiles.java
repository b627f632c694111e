package io.tributary.commit;

import io.tributary.source.Position;
import java.util.List;
import java.util.Objects;

/**
 * What one flush of one source partition hands to its {@link TableFormat}.
 *
 * @param seq the commit it is meant to be: one more than the latest commit this instance knows of (1 for the first)
 * @param watermark every position at or below it is durable once this commits (null: none yet)
 * @param files the encoded files
 * @param above the durable ranges above the watermark, including those of {@code files}
 */
public record FlushFiles(long seq, Position watermark, List<EncodedFile> files, List<DurableRange> above) {
  public FlushFiles {
    if (seq < 1) {
      throw new IllegalArgumentException("Invalid flush: seq " + seq + " must be at least 1");
    }
    files = List.copyOf(Objects.requireNonNull(files, "files may not be null"));
    above = List.copyOf(Objects.requireNonNull(above, "above may not be null"));
  }
}
