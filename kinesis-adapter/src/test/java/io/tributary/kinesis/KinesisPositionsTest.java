package io.tributary.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.source.Position;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.kinesis.retrieval.kpl.ExtendedSequenceNumber;

/**
 * Guards the mapping of Kinesis sequence and sub-sequence numbers to landing positions: it must round-trip, and
 * the landing layer's decimal order of positions must be Kinesis' order of records, sub-records of an aggregate
 * included.
 */
class KinesisPositionsTest {

  private static final String SEQ = "49680423079278384546304006302470707151149193100699631618";

  @Test
  void aPlainRecordIsItsSequenceNumberWithSixZeros() {
    assertThat(KinesisPositions.encode(SEQ, 0)).hasToString(SEQ + "000000");
    assertThat(KinesisPositions.encode(SEQ, 42)).hasToString(SEQ + "000042");
  }

  @Test
  void positionsRoundTripToKclCheckpoints() {
    for (long sub : new long[] {0, 1, 9, 10, 999_999}) {
      ExtendedSequenceNumber decoded = KinesisPositions.decode(KinesisPositions.encode(SEQ, sub));
      assertThat(decoded.sequenceNumber()).isEqualTo(SEQ);
      assertThat(decoded.subSequenceNumber()).isEqualTo(sub);
      assertThat(KinesisPositions.of(decoded)).contains(KinesisPositions.encode(SEQ, sub));
    }
  }

  @Test
  void subRecordsOrderAfterTheirParentAndBeforeTheNextRecord() {
    String next = new java.math.BigInteger(SEQ).add(java.math.BigInteger.ONE).toString();
    String shorter = SEQ.substring(1); // an earlier record whose sequence number has one digit less
    assertThat(KinesisPositions.encode(SEQ, 0).compareTo(KinesisPositions.encode(SEQ, 1))).isNegative();
    assertThat(KinesisPositions.encode(SEQ, 999_999).compareTo(KinesisPositions.encode(next, 0)))
        .isNegative();
    assertThat(KinesisPositions.encode(shorter, 999_999).compareTo(KinesisPositions.encode(SEQ, 0)))
        .isNegative();
  }

  @Test
  void decimalOrderOfPositionsIsKinesisOrderOfRecords() {
    Random random = new Random(7);
    List<ExtendedSequenceNumber> records = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      String seq = new java.math.BigInteger(120 + random.nextInt(70), random).toString();
      records.add(new ExtendedSequenceNumber(seq, random.nextInt(3) == 0 ? 0L : random.nextInt(1_000_000)));
    }
    List<ExtendedSequenceNumber> byKinesis = new ArrayList<>(records);
    Collections.sort(byKinesis);
    List<ExtendedSequenceNumber> byPosition = new ArrayList<>(records);
    byPosition.sort((a, b) -> KinesisPositions.encode(a.sequenceNumber(), a.subSequenceNumber())
        .compareTo(KinesisPositions.encode(b.sequenceNumber(), b.subSequenceNumber())));
    assertThat(byPosition).isEqualTo(byKinesis);
  }

  @Test
  void sentinelCheckpointsHaveNoPosition() {
    assertThat(KinesisPositions.of(ExtendedSequenceNumber.TRIM_HORIZON)).isEmpty();
    assertThat(KinesisPositions.of(ExtendedSequenceNumber.LATEST)).isEmpty();
    assertThat(KinesisPositions.of(ExtendedSequenceNumber.SHARD_END)).isEmpty();
  }

  @Test
  void outOfRangeInputIsRefused() {
    assertThatThrownBy(() -> KinesisPositions.encode(SEQ, 1_000_000)).hasMessageContaining("allowed 0 to 999999");
    assertThatThrownBy(() -> KinesisPositions.encode(SEQ, -1)).hasMessageContaining("sub-sequence");
    assertThatThrownBy(() -> KinesisPositions.encode("12a", 0)).hasMessageContaining("decimal integer");
    assertThatThrownBy(() -> KinesisPositions.decode(Position.parse("123456")))
        .hasMessageContaining("followed by 6 digits");
  }
}
