package io.tributary.iceberg;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.metrics.MetricTags;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The Iceberg commit's meter, tagged by dataset: how long applying one flush's decided record to one table took
 * (refresh, the idempotence check, the fast append and its commit in the catalog, conflict retries included). One
 * sample per table per flush, recorded when the append is in (a commit that failed on an unreachable catalog records
 * nothing: its time is back-pressure, seen in {@code tributary.flush.duration}). Thread-safe.
 */
public final class IcebergCommitMetrics {
  static final String COMMIT_DURATION = "tributary.iceberg.commit.duration";

  private final MeterRegistry registry;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  public IcebergCommitMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry may not be null");
  }

  /** Meters kept in a registry of their own: for the tools and tests that publish none. */
  public static IcebergCommitMetrics unpublished() {
    return new IcebergCommitMetrics(new SimpleMeterRegistry());
  }

  /** An append of {@code dataset}'s table that started at {@code startedNanos} ({@link System#nanoTime}) is in. */
  void committed(String dataset, long startedNanos) {
    timers.computeIfAbsent(dataset, this::timer).record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
  }

  private Timer timer(String dataset) {
    // p50/p99 per task at a glance, and a histogram whose buckets add up across tasks, as tributary.latency.
    return Timer.builder(COMMIT_DURATION)
        .description("Time of one Iceberg commit: one flush's append to one table, conflict retries included")
        .tag(MetricTags.DATASET, dataset).publishPercentiles(0.5, 0.99).publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(5))
        .percentilePrecision(2).register(registry);
  }
}
