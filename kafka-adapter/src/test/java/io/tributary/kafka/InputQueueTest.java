package io.tributary.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class InputQueueTest {
  private static final long MIB = 1024 * 1024;

  @Test
  void aFewPartitionsOnABigEnoughHeapQueueTheMostRecords() {
    assertThat(InputQueue.recordsPerPartition(512 * MIB, OptionalInt.of(2))).isEqualTo(InputQueue.MAX_RECORDS);
  }

  @Test
  void theHeapShareIsDividedAmongEveryPartitionOfTheTopics() {
    // 10% of 512 MiB = 53,687,091 bytes over 12 partitions of 1 KiB records.
    assertThat(InputQueue.recordsPerPartition(512 * MIB, OptionalInt.of(12))).isEqualTo(4_369);
    assertThat(InputQueue.recordsPerPartition(2048 * MIB, OptionalInt.of(12))).isEqualTo(InputQueue.MAX_RECORDS);
  }

  @Test
  void manyPartitionsOrAnUnknownCountKeepKafkasDefault() {
    assertThat(InputQueue.recordsPerPartition(512 * MIB, OptionalInt.of(300))).isEqualTo(InputQueue.MIN_RECORDS);
    assertThat(InputQueue.recordsPerPartition(512 * MIB, OptionalInt.empty())).isEqualTo(InputQueue.MIN_RECORDS);
    assertThat(InputQueue.recordsPerPartition(512 * MIB, OptionalInt.of(0))).isEqualTo(InputQueue.MIN_RECORDS);
  }
}
