package io.tributary.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.source.SourceLag;
import java.util.Objects;
import java.util.function.Supplier;

/** Gauges of a source's lag: records behind over all owned partitions, and the largest time behind. */
public final class SourceLagMetrics {

  private SourceLagMetrics() {}

  /**
   * Registers {@link TributaryMeter#SOURCE_LAG_RECORDS} and {@link TributaryMeter#SOURCE_LAG} in {@code registry}.
   *
   * @param lag the source's current lag; called from the registry's publishing thread, so it must be thread-safe
   *     and must not block; null counts as no lag known
   */
  public static void bind(MeterRegistry registry, Supplier<SourceLag> lag) {
    Objects.requireNonNull(registry, "registry may not be null");
    Objects.requireNonNull(lag, "lag may not be null");
    TributaryMeter.SOURCE_LAG_RECORDS.gauge(() -> current(lag).totalRecordsBehind()).register(registry);
    TributaryMeter.SOURCE_LAG.gauge(() -> current(lag).maxMillisBehind() / 1000.0).register(registry);
  }

  private static SourceLag current(Supplier<SourceLag> lag) {
    SourceLag now = lag.get();
    return now == null ? SourceLag.none() : now;
  }
}
