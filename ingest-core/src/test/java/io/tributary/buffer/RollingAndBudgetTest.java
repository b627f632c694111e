package io.tributary.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.schema.DatasetSchema;
import io.tributary.schema.MetadataColumns;
import io.tributary.source.Position;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollingAndBudgetTest {
  private static final DatasetSchema SCHEMA = new DatasetSchema("d", 1, MetadataColumns.emptyRoot());

  private static RowBuffer buffer(long openedAt, int rows, int payloadChars) {
    RowBuffer buffer = new RowBuffer(openedAt);
    for (int i = 0; i < rows; i++) {
      buffer.append(SCHEMA, new Object[] {1L, "s", "0", Integer.toString(i), "x".repeat(payloadChars)},
          Position.of(i), 0);
    }
    return buffer;
  }

  @Test
  void aBufferRollsOnTheFirstOfAgeBytesAndRecords() {
    RollingPolicy policy = new RollingPolicy(Duration.ofMinutes(10), 10_000, 100);

    assertThat(policy.due(buffer(0, 10, 10), 60_000)).isEmpty();
    assertThat(policy.due(buffer(0, 10, 10), 600_000)).contains(RollReason.AGE);
    assertThat(policy.due(buffer(0, 100, 10), 0)).contains(RollReason.RECORDS);
    assertThat(policy.due(buffer(0, 5, 5_000), 0)).contains(RollReason.BYTES);
  }

  @Test
  void aBufferHoldingManyRowsWhoseNumbersWaitRollsSoTheyAreDecided() {
    RollingPolicy policy = RollingPolicy.defaults();
    RowBuffer buffer = new RowBuffer(0);
    for (int i = 0; i < RollingPolicy.WAITING_ROWS; i++) {
      assertThat(policy.due(buffer, 0)).as("after %d waiting rows", i).isEmpty();
      // Every other row holds no waiting value: only the rows that do count.
      buffer.append(SCHEMA, new Object[] {1L, "s", "0", Integer.toString(i), "{\"/x\":1}"}, Position.of(2L * i), 0,
          0, true);
      buffer.append(SCHEMA, new Object[] {1L, "s", "0", Integer.toString(i), null}, Position.of(2L * i + 1), 0, 0,
          false);
    }
    assertThat(policy.due(buffer, 0)).contains(RollReason.NUMBERS);
  }

  @Test
  void anEmptyBufferNeverRolls() {
    assertThat(RollingPolicy.defaults().due(new RowBuffer(0), Long.MAX_VALUE)).isEmpty();
  }

  @Test
  void eachDatasetHasItsOwnMaxAge() {
    RollingPolicy minutes = new RollingPolicy(Duration.ofMinutes(1), 1 << 30, 1 << 30);
    RollingPolicy hours = new RollingPolicy(Duration.ofHours(2), 1 << 30, 1 << 30);
    RowBuffer buffer = buffer(0, 1, 1);

    assertThat(minutes.due(buffer, Duration.ofMinutes(30).toMillis())).contains(RollReason.AGE);
    assertThat(hours.due(buffer, Duration.ofMinutes(30).toMillis())).isEmpty();
  }

  @Test
  void overTheBudgetTheLargestBuffersRollUntilThreeQuartersRemain() {
    Map<String, RowBuffer> buffers = new LinkedHashMap<>();
    buffers.put("small-old", buffer(0, 1, 10));
    buffers.put("big", buffer(5, 200, 500));
    buffers.put("medium", buffer(3, 50, 500));
    buffers.put("small-new", buffer(9, 1, 10));
    long held = buffers.values().stream().mapToLong(RowBuffer::memoryBytes).sum();

    assertThat(new MemoryBudget(held).victims(buffers)).isEmpty();
    MemoryBudget tight = new MemoryBudget(held - 1);
    assertThat(tight.victims(buffers)).containsExactly("big");
    long bigAndMedium = buffers.get("big").memoryBytes() + buffers.get("medium").memoryBytes();
    assertThat(new MemoryBudget((held - bigAndMedium) * 4 / 3 + 1).victims(buffers))
        .containsExactly("big", "medium");
  }

  @Test
  void oneBufferMayHoldAQuarterOfTheBudget() {
    MemoryBudget budget = new MemoryBudget(4_000);

    assertThat(budget.bufferExceeded(1_000)).isFalse();
    assertThat(budget.bufferExceeded(1_001)).isTrue();
    assertThat(budget.exceeded(1_001)).isFalse();
  }

  @Test
  void badSettingsAreRefusedNamingTheSetting() {
    assertThatThrownBy(() -> new RollingPolicy(Duration.ZERO, 1, 1)).hasMessageContaining("max age");
    assertThatThrownBy(() -> new RollingPolicy(Duration.ofSeconds(1), 0, 1)).hasMessageContaining("max bytes");
    assertThatThrownBy(() -> new RollingPolicy(Duration.ofSeconds(1), 1, 0)).hasMessageContaining("max records");
    assertThatThrownBy(() -> new MemoryBudget(0)).hasMessageContaining("memory budget");
  }
}
