package io.tributary.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimePathsTest {
  private static final long HOUR = 3_600_000_000L;

  @Test
  void everyInstantGetsItsOwnBucketsPathAcrossBoundariesAndBeforeTheEpoch() {
    SplittableRandom random = new SplittableRandom(7);
    for (Granularity granularity : Granularity.values()) {
      TimePaths paths = new TimePaths(granularity);
      for (long base : new long[] {0L, -HOUR, 1_767_225_600_000_000L, -62_135_596_800_000_000L + HOUR}) {
        // Walks back and forth over bucket edges: the last bucket's path must never leak into the next one.
        for (long step : new long[] {-1, 0, 1, HOUR - 1, HOUR, -HOUR, 24 * HOUR - 1, 24 * HOUR, 1}) {
          long micros = base + step;
          assertThat(paths.of(micros)).as("%s at %d", granularity, micros).isEqualTo(granularity.timePath(micros));
        }
        for (int i = 0; i < 2_000; i++) {
          long micros = base + random.nextLong(-72 * HOUR, 72 * HOUR);
          if (EventTimes.inRange(micros)) {
            assertThat(paths.of(micros)).as("%s at %d", granularity, micros).isEqualTo(granularity.timePath(micros));
          }
        }
      }
    }
  }

  @Test
  void anInstantOutsideTheYearsStillFailsAfterABucketIsKept() {
    TimePaths paths = new TimePaths(Granularity.HOUR);
    paths.of(0L);
    assertThatThrownBy(() -> paths.of(Long.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("years 1 to 9999");
  }
}
