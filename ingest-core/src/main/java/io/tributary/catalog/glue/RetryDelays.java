package io.tributary.catalog.glue;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** How long the catalog waits before trying a table again after a failed request. */
public interface RetryDelays {

  /**
   * The pause before attempt {@code attempt + 1}.
   *
   * @param attempt the failed attempts in a row, from 1
   * @param conflict whether another writer changed the table first: worth trying again almost at once
   */
  Duration after(int attempt, boolean conflict);

  /** Conflicts: up to 50 ms per attempt. Other failures: exponential from 1 s to 60 s, jittered over its upper half. */
  static RetryDelays exponential() {
    return (attempt, conflict) -> {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      if (conflict) {
        return Duration.ofMillis(random.nextLong(0, 50L * Math.min(attempt, 20) + 1));
      }
      long cap = Math.min(60_000L, 1_000L << Math.min(attempt - 1, 16));
      return Duration.ofMillis(random.nextLong(cap / 2, cap + 1));
    };
  }
}
