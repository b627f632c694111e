package io.tributary.firehose;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How a {@link FirehoseDelivery} retries: exponential pauses from {@code base}, doubling up to {@code cap}, each
 * drawn at random over its upper half (jitter, so tasks throttled together do not retry together); after
 * {@code attempts} retries in a row that acknowledged nothing, the send gives up with
 * {@link FirehoseException.Unavailable} and the caller keeps its position (back-pressure). A retry that acknowledged
 * some entries starts the count again.
 *
 * @param base the first pause
 * @param cap the longest pause
 * @param attempts retries without progress before giving up, at least 1
 */
public record RetryPolicy(Duration base, Duration cap, int attempts) {
  public RetryPolicy {
    Objects.requireNonNull(base, "base may not be null");
    Objects.requireNonNull(cap, "cap may not be null");
    if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || attempts < 1) {
      throw new IllegalArgumentException("Invalid retry policy: base " + base + ", cap " + cap + ", attempts "
          + attempts + " (base > 0, cap >= base, attempts >= 1)");
    }
  }

  /** 100 ms doubling to 20 s, 12 retries without progress (about 80 s of pauses on average) before giving up. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(20), 12);
  }

  /** The pause before retry {@code retry} (from 1), in milliseconds. */
  long pauseMillis(int retry, RandomGenerator random) {
    long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(retry - 1, 30));
    return random.nextLong(ceiling / 2, ceiling + 1);
  }

  /** Waits between attempts: {@link Thread#sleep} in production, a recorder in tests. */
  @FunctionalInterface
  public interface Pause {
    void sleep(long millis) throws InterruptedException;
  }
}
