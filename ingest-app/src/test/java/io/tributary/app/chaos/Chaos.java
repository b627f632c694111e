package io.tributary.app.chaos;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** What both chaos suites (Kafka and Kinesis) measure time and wait with. */
final class Chaos {

  private Chaos() {}

  /**
   * Reading the lake with DuckDB costs CPU the service needs: {@code condition} asked again only a second after the
   * last answer came back (a long run's lake of a million records takes seconds to read; counted from the start of the
   * read, the reads would follow each other back to back).
   */
  static BooleanSupplier slowly(BooleanSupplier condition) {
    long[] last = {System.nanoTime() - 1_000_000_000L};
    return () -> {
      if (System.nanoTime() - last[0] < 1_000_000_000L) {
        return false;
      }
      try {
        return condition.getAsBoolean();
      } finally {
        last[0] = System.nanoTime();
      }
    };
  }

  static Duration since(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos);
  }

  static String format(Duration duration) {
    return String.format("%.1f s", duration.toMillis() / 1000.0);
  }

  static long median(List<Long> values) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  /** How long a restarted instance took to become ready and to land what was there before it. */
  record Recovery(Duration ready, Duration landed) {
    @Override
    public String toString() {
      return format(landed) + " (ready after " + format(ready) + ")";
    }
  }
}
