package io.tributary.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.tributary.error.ErrorType;
import io.tributary.buffer.RollReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What the landing layer records: one instance per {@code Landing}, a Micrometer {@link MeterBinder}. Its meters
 * live in a composite registry of its own, which forwards to every registry it is {@linkplain #bindTo bound to}
 * (none: the meters do nothing). Meters of a dataset are registered the first time the dataset is seen and kept,
 * so recording costs a map lookup and an increment, never a registration.
 *
 * <p>The gauges read the suppliers given at construction from the registry's publishing thread, so the suppliers
 * must not block (the landing layer publishes its state in volatile fields for them). One {@code Landing} per
 * registry: a second one's gauges would be the first one's (a registry keeps the first gauge of a name and tags).
 */
public final class LandingMetrics implements MeterBinder {
  private final CompositeMeterRegistry registry = new CompositeMeterRegistry();
  private final Counter landed;
  private final Counter errored;
  private final Counter duplicates;
  private final Counter receivedBytes;
  private final Counter dataFiles;
  private final Counter errorFiles;
  private final Counter dataBytes;
  private final Counter errorBytes;
  private final Timer flushDuration;
  private final Map<String, DatasetMeters> datasets = new ConcurrentHashMap<>();
  private final Map<ErrorKey, Counter> errors = new ConcurrentHashMap<>();
  private final Map<RollReason, Counter> rolled = new EnumMap<>(RollReason.class);

  /**
   * The landing meters, bound to no registry yet.
   *
   * @param bufferedBytes bytes of memory the buffers hold now; called from the publishing thread, must not block
   * @param freshnessSeconds age of the oldest buffered record, 0 when none; called from the publishing thread, must
   *     not block
   */
  public LandingMetrics(Supplier<Number> bufferedBytes, Supplier<Number> freshnessSeconds) {
    Objects.requireNonNull(bufferedBytes, "bufferedBytes may not be null");
    Objects.requireNonNull(freshnessSeconds, "freshnessSeconds may not be null");
    landed = TributaryMeter.RECEIVED_RECORDS.counter().tag(MetricTags.OUTCOME, MetricTags.LANDED).register(registry);
    errored = TributaryMeter.RECEIVED_RECORDS.counter().tag(MetricTags.OUTCOME, MetricTags.ERROR).register(registry);
    duplicates = TributaryMeter.RECEIVED_RECORDS.counter().tag(MetricTags.OUTCOME, MetricTags.DUPLICATE)
        .register(registry);
    receivedBytes = TributaryMeter.RECEIVED_BYTES.counter().register(registry);
    dataFiles = TributaryMeter.WRITTEN_FILES.counter().tag(MetricTags.KIND, MetricTags.DATA).register(registry);
    errorFiles = TributaryMeter.WRITTEN_FILES.counter().tag(MetricTags.KIND, MetricTags.ERROR).register(registry);
    dataBytes = TributaryMeter.WRITTEN_BYTES.counter().tag(MetricTags.KIND, MetricTags.DATA).register(registry);
    errorBytes = TributaryMeter.WRITTEN_BYTES.counter().tag(MetricTags.KIND, MetricTags.ERROR).register(registry);
    flushDuration = TributaryMeter.FLUSH_DURATION.timer().register(registry);
    TributaryMeter.BUFFERED_BYTES.gauge(bufferedBytes).register(registry);
    TributaryMeter.FRESHNESS.gauge(freshnessSeconds).register(registry);
    for (RollReason reason : RollReason.values()) {
      rolled.put(reason,
          TributaryMeter.ROLLED_FILES.counter().tag(MetricTags.REASON, reason.tag()).register(registry));
    }
  }

  /** The landing meters bound to {@code registry}. */
  public static LandingMetrics bind(MeterRegistry registry, Supplier<Number> bufferedBytes,
      Supplier<Number> freshnessSeconds) {
    LandingMetrics metrics = new LandingMetrics(bufferedBytes, freshnessSeconds);
    metrics.bindTo(Objects.requireNonNull(registry, "registry may not be null"));
    return metrics;
  }

  /** Registers every meter in {@code registry} as well; meters registered later follow. */
  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry.add(registry);
  }

  /** A file that rolled for {@code reason} was committed. */
  public void rolled(RollReason reason) {
    rolled.get(reason).increment();
  }

  /** A record of {@code bytes} payload bytes was buffered for a data file. */
  public void landed(int bytes) {
    landed.increment();
    receivedBytes.increment(bytes);
  }

  /** A record of {@code bytes} payload bytes was already durable and skipped. */
  public void duplicate(int bytes) {
    duplicates.increment();
    receivedBytes.increment(bytes);
  }

  /**
   * A record of {@code bytes} payload bytes was buffered for an error file.
   *
   * @param dataset the dataset it was routed to, or null when none could be chosen
   */
  public void errored(ErrorType type, String dataset, int bytes) {
    errored.increment();
    receivedBytes.increment(bytes);
    // Errors are rare: a key per error is cheap, and an error of a dataset registers no other meter of it.
    errors.computeIfAbsent(new ErrorKey(dataset == null ? MetricTags.UNROUTED : dataset, type),
        key -> TributaryMeter.ERROR_RECORDS.counter().tag(MetricTags.DATASET, key.dataset())
            .tag(MetricTags.ERROR_TYPE, key.type().name()).register(registry)).increment();
  }

  /**
   * A row of {@code dataset} was shaped.
   *
   * @param rescuedValues how many of its values went to {@code _rescued}
   * @param newVersion whether shaping it published a schema version
   */
  public void shaped(String dataset, int rescuedValues, boolean newVersion) {
    if (rescuedValues == 0 && !newVersion) {
      return;
    }
    DatasetMeters meters = meters(dataset);
    if (rescuedValues > 0) {
      meters.rescuedValues.increment(rescuedValues);
      meters.rescuedRecords.increment();
    }
    if (newVersion) {
      meters.schemaVersions.increment();
    }
  }

  /**
   * A data file of {@code dataset} was committed.
   *
   * @param latencyMillis from the oldest source timestamp of the file's rows to the commit; negative values (a
   *     source clock ahead of ours) count as 0
   */
  public void dataFileCommitted(String dataset, long records, long bytes, long latencyMillis) {
    dataFiles.increment();
    dataBytes.increment(bytes);
    DatasetMeters meters = meters(dataset);
    meters.writtenRecords.increment(records);
    meters.latency.record(Math.max(0, latencyMillis), TimeUnit.MILLISECONDS);
  }

  /** An error file was committed. */
  public void errorFileCommitted(long bytes) {
    errorFiles.increment();
    errorBytes.increment(bytes);
  }

  /** The registry's monotonic time, to pass to {@link #flushed} when the flush ends. */
  public long flushStarted() {
    return registry.config().clock().monotonicTime();
  }

  /** A flush attempt that started at {@code startedNanos} ({@link #flushStarted}) ended, however it ended. */
  public void flushed(long startedNanos) {
    flushDuration.record(registry.config().clock().monotonicTime() - startedNanos, TimeUnit.NANOSECONDS);
  }

  private DatasetMeters meters(String dataset) {
    DatasetMeters meters = datasets.get(dataset);
    return meters != null ? meters : datasets.computeIfAbsent(dataset, DatasetMeters::new);
  }

  /** The tags of one error counter. */
  private record ErrorKey(String dataset, ErrorType type) {}

  /** The meters tagged with one dataset, registered when its first row is shaped or written. */
  private final class DatasetMeters {
    final Counter writtenRecords;
    final Counter rescuedValues;
    final Counter rescuedRecords;
    final Counter schemaVersions;
    final Timer latency;

    DatasetMeters(String dataset) {
      Tags tags = Tags.of(MetricTags.DATASET, dataset);
      writtenRecords = TributaryMeter.WRITTEN_RECORDS.counter().tags(tags).register(registry);
      rescuedValues = TributaryMeter.RESCUED_VALUES.counter().tags(tags).register(registry);
      rescuedRecords = TributaryMeter.RESCUED_RECORDS.counter().tags(tags).register(registry);
      schemaVersions = TributaryMeter.SCHEMA_VERSIONS.counter().tags(tags).register(registry);
      // Percentiles for one task at a glance; the histogram's buckets add up across tasks (Prometheus:
      // histogram_quantile over the summed _bucket series), which percentiles computed per task cannot.
      latency = TributaryMeter.LATENCY.timer().tags(tags).publishPercentiles(TributaryMeter.PERCENTILES)
          .publishPercentileHistogram().minimumExpectedValue(java.time.Duration.ofMillis(100))
          .maximumExpectedValue(java.time.Duration.ofHours(6)).percentilePrecision(2).register(registry);
    }
  }
}
