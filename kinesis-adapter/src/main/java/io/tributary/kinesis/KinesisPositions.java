package io.tributary.kinesis;

import io.tributary.source.Position;
import java.util.Optional;
import software.amazon.kinesis.retrieval.kpl.ExtendedSequenceNumber;

/**
 * Kinesis coordinates as landing-layer positions. The landing layer orders positions as decimal integers
 * ({@link Position}); a Kinesis record is identified by its sequence number and, for a record
 * that came out of a KPL aggregate, its sub-sequence number (its index in the aggregate; 0 for a plain record).
 *
 * <p>A position is the sequence number followed by the sub-sequence number written with exactly
 * {@value #SUB_SEQUENCE_DIGITS} digits: {@code seq * 10^6 + subSeq}. Sub-records of one aggregate therefore order
 * after their parent's sequence number and before the next record's, and a plain record's position is its sequence
 * number with six zeros appended. Six digits hold every sub-record a 1 MiB aggregate can carry (each needs at least
 * six bytes of protobuf framing).
 */
public final class KinesisPositions {

  /** Digits the sub-sequence number takes at the end of a position. */
  public static final int SUB_SEQUENCE_DIGITS = 6;
  private static final long SUB_SEQUENCE_LIMIT = 1_000_000L;

  private KinesisPositions() {}

  /** The position of the record with {@code sequenceNumber} and {@code subSequenceNumber}. */
  public static Position encode(String sequenceNumber, long subSequenceNumber) {
    if (sequenceNumber == null || sequenceNumber.isEmpty() || !sequenceNumber.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("Invalid Kinesis sequence number '" + sequenceNumber
          + "': a decimal integer is required");
    }
    if (subSequenceNumber < 0 || subSequenceNumber >= SUB_SEQUENCE_LIMIT) {
      throw new IllegalArgumentException("Invalid sub-sequence number " + subSequenceNumber + " of " + sequenceNumber
          + ": allowed 0 to " + (SUB_SEQUENCE_LIMIT - 1));
    }
    String sub = Long.toString(subSequenceNumber);
    return Position.parse(sequenceNumber + "0".repeat(SUB_SEQUENCE_DIGITS - sub.length()) + sub);
  }

  /** The position of a KCL checkpoint; sentinels (TRIM_HORIZON, LATEST, SHARD_END, …) have none. */
  public static Optional<Position> of(ExtendedSequenceNumber checkpoint) {
    if (checkpoint == null || checkpoint.isSentinelCheckpoint()) {
      return Optional.empty();
    }
    return Optional.of(encode(checkpoint.sequenceNumber(), checkpoint.subSequenceNumber()));
  }

  /** The KCL checkpoint value of a position made by {@link #encode}. */
  public static ExtendedSequenceNumber decode(Position at) {
    String position = at == null ? null : at.toString();
    if (position == null || position.length() <= SUB_SEQUENCE_DIGITS
        || !position.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("Invalid Kinesis position '" + position + "': a sequence number followed by "
          + SUB_SEQUENCE_DIGITS + " digits of sub-sequence number is required");
    }
    int split = position.length() - SUB_SEQUENCE_DIGITS;
    return new ExtendedSequenceNumber(position.substring(0, split), Long.parseLong(position.substring(split)));
  }
}
