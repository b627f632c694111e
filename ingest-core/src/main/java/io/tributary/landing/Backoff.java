package io.tributary.landing;

import io.tributary.store.StoreException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the landing layer waits while the object store is down: it holds the caller (the source stops being read,
 * which is the back-pressure), keeps every buffered row, and tries again after an exponential, jittered pause.
 * The store's own client has already retried each request; this is the slower loop around whole flushes.
 */
public interface Backoff {
  /** Pauses before attempt {@code attempt} (from 1) after {@code failure}. */
  void pause(int attempt, StoreException failure);

  /** Exponential from 500 ms to 30 s, full jitter. */
  static Backoff exponential() {
    return (attempt, failure) -> {
      long cap = Math.min(Duration.ofSeconds(30).toMillis(), 500L << Math.min(attempt - 1, 16));
      try {
        Thread.sleep(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreException("Interrupted while waiting for the object store: " + failure.getMessage(), false,
            failure);
      }
    };
  }
}
