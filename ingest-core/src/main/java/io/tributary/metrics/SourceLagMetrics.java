package io.tributary.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.tributary.source.SourceLag;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Gauges of a source's lag, a Micrometer {@link MeterBinder}: records behind over all owned partitions
 * ({@link TributaryMeter#SOURCE_LAG_RECORDS}), and the largest time behind ({@link TributaryMeter#SOURCE_LAG}).
 */
public final class SourceLagMetrics implements MeterBinder {
  private final Supplier<SourceLag> lag;

  /**
   * @param lag the source's current lag; called from the registry's publishing thread, so it must be thread-safe
   *     and must not block; null counts as no lag known
   */
  public SourceLagMetrics(Supplier<SourceLag> lag) {
    this.lag = Objects.requireNonNull(lag, "lag may not be null");
  }

  /** Registers the lag gauges of {@code lag} in {@code registry}. */
  public static void bind(MeterRegistry registry, Supplier<SourceLag> lag) {
    new SourceLagMetrics(lag).bindTo(Objects.requireNonNull(registry, "registry may not be null"));
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    TributaryMeter.SOURCE_LAG_RECORDS.gauge(() -> current().totalRecordsBehind()).register(registry);
    TributaryMeter.SOURCE_LAG.gauge(() -> current().maxMillisBehind() / 1000.0).register(registry);
  }

  private SourceLag current() {
    SourceLag now = lag.get();
    return now == null ? SourceLag.none() : now;
  }
}
