package io.tributary.firehose;

import java.util.List;
import java.util.Objects;

/**
 * What one {@link FirehoseSink#send} did.
 *
 * @param records the rows Firehose acknowledged
 * @param bytes the bytes of their JSON lines
 * @param oversize the rows not sent because their JSON is over Firehose's record limit, in order: for the error
 *     prefix, as {@code OVERSIZE}
 */
public record Delivery(int records, long bytes, List<Oversize> oversize) {
  public Delivery {
    Objects.requireNonNull(oversize, "oversize may not be null");
    oversize = List.copyOf(oversize);
    if (records < 0 || bytes < 0) {
      throw new IllegalArgumentException("Invalid delivery: " + records + " records, " + bytes + " bytes");
    }
  }

  /**
   * A row whose JSON line Firehose would refuse.
   *
   * @param row the row
   * @param bytes the size of its JSON line
   */
  public record Oversize(ShapedRow row, int bytes) {
    public Oversize {
      Objects.requireNonNull(row, "row may not be null");
    }

    /** The reason for the error row. */
    public String reason() {
      return "JSON of " + bytes + " bytes is over Firehose's record limit of " + RecordBatches.MAX_RECORD_BYTES
          + " bytes (1,000 KiB)";
    }
  }
}
