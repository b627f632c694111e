package io.tributary.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every meter of the engine, declared once: its name, type, base unit, description and tag keys. Names are a
 * contract with dashboards and alarms: renaming one breaks them.
 *
 * <p>Names end with their unit where Prometheus would otherwise append it twice ({@code tributary.written.bytes}
 * becomes {@code tributary_written_bytes_total}). Timers record in whatever unit the registry uses (seconds in
 * Prometheus, milliseconds in CloudWatch).
 */
public enum TributaryMeter {
  RECEIVED_RECORDS("tributary.received.records", Meter.Type.COUNTER, "records",
      "Records handed to the engine, replays included, by what became of them: landed (buffered for a data file), "
          + "error (buffered for an error file) or duplicate (already durable, skipped)",
      MetricTags.OUTCOME),
  RECEIVED_BYTES("tributary.received.bytes", Meter.Type.COUNTER, "bytes",
      "Payload bytes of the records handed to the engine, replays included"),
  WRITTEN_RECORDS("tributary.written.records", Meter.Type.COUNTER, "records",
      "Rows in committed data files", MetricTags.DATASET),
  WRITTEN_FILES("tributary.written.files", Meter.Type.COUNTER, "files",
      "Committed files, data or error", MetricTags.KIND),
  WRITTEN_BYTES("tributary.written.bytes", Meter.Type.COUNTER, "bytes",
      "Bytes of committed files, data or error", MetricTags.KIND),
  ERROR_RECORDS("tributary.error.records", Meter.Type.COUNTER, "records",
      "Records sent to the error prefix, by error type and dataset (_unrouted when none was chosen)",
      MetricTags.ERROR_TYPE, MetricTags.DATASET),
  RESCUED_VALUES("tributary.rescued.values", Meter.Type.COUNTER, "values",
      "Values that did not fit their column and went to _rescued", MetricTags.DATASET),
  RESCUED_RECORDS("tributary.rescued.records", Meter.Type.COUNTER, "records",
      "Rows with at least one value in _rescued", MetricTags.DATASET),
  SCHEMA_VERSIONS("tributary.schema.versions", Meter.Type.COUNTER, "versions",
      "Schema versions this instance published while evolving a dataset", MetricTags.DATASET),
  LATENCY("tributary.latency", Meter.Type.TIMER, "seconds",
      "End-to-end latency, from the source timestamp to the commit that made the row durable; one sample per "
          + "committed data file, measured from its oldest row (an upper bound for every row of the file); "
          + "p50 and p99 published",
      MetricTags.DATASET),
  FRESHNESS("tributary.freshness", Meter.Type.GAUGE, "seconds",
      "Age (now minus source timestamp) of the oldest record still buffered, 0 when nothing is buffered"),
  BUFFERED_BYTES("tributary.buffered.bytes", Meter.Type.GAUGE, "bytes",
      "Bytes of memory the buffers hold, what the memory budget counts"),
  ROLLED_FILES("tributary.rolled.files", Meter.Type.COUNTER, "files",
      "Committed files by why their buffer rolled: age, bytes, records (the dataset's rolling policy), memory (the "
          + "memory budget), revoke (the source partition was given up) or shutdown",
      MetricTags.REASON),
  FLUSH_DURATION("tributary.flush.duration", Meter.Type.TIMER, "seconds",
      "Time of one flush attempt: encode Parquet, stage the files, write the commit"),
  SOURCE_LAG_RECORDS("tributary.source.lag.records", Meter.Type.GAUGE, "records",
      "Records between the consumer's position and the end of its partitions, summed over the owned partitions"),
  SOURCE_LAG("tributary.source.lag", Meter.Type.GAUGE, "seconds",
      "Time behind the newest record of a partition, the largest over the owned partitions"),
  CATALOG_VERSIONS_BEHIND("tributary.catalog.versions.behind", Meter.Type.GAUGE, "versions",
      "Schema versions the catalog table of a dataset is behind the newest one this instance wants in it "
          + "(0 when in step); the errors table is dataset _errors",
      MetricTags.DATASET),
  CATALOG_ERRORS("tributary.catalog.errors", Meter.Type.COUNTER, "errors",
      "Failed catalog requests, each retried: by dataset and reason (conflict, throttled, unavailable, "
          + "access_denied, database_missing, rejected)",
      MetricTags.DATASET, MetricTags.REASON);

  /** The quantiles every timer with percentiles publishes. */
  static final double[] PERCENTILES = {0.5, 0.99};

  private final String meterName;
  private final Meter.Type type;
  private final String baseUnit;
  private final String description;
  private final List<String> tagKeys;

  TributaryMeter(String meterName, Meter.Type type, String baseUnit, String description, String... tagKeys) {
    this.meterName = meterName;
    this.type = type;
    this.baseUnit = baseUnit;
    this.description = description;
    this.tagKeys = List.of(tagKeys);
  }

  /** The registry-neutral name (dot-separated; each registry's naming convention adapts it). */
  public String meterName() {
    return meterName;
  }

  public Meter.Type type() {
    return type;
  }

  /** The base unit: what a gauge or counter counts; for a timer, the unit it is read in by convention. */
  public String baseUnit() {
    return baseUnit;
  }

  public String description() {
    return description;
  }

  /** The tag keys every meter of this name carries, in no particular order. */
  public List<String> tagKeys() {
    return tagKeys;
  }

  /** A counter builder with name, unit and description set; the caller adds the tags. */
  public Counter.Builder counter() {
    requireType(Meter.Type.COUNTER);
    return Counter.builder(meterName).baseUnit(baseUnit).description(description);
  }

  /** A timer builder with name and description set; the caller adds the tags. */
  public Timer.Builder timer() {
    requireType(Meter.Type.TIMER);
    return Timer.builder(meterName).description(description);
  }

  /**
   * A gauge builder with name, unit and description set. The gauge holds {@code value} strongly: it lives as long
   * as the registry (or until removed), whoever else holds it.
   */
  public Gauge.Builder<Supplier<Number>> gauge(Supplier<Number> value) {
    requireType(Meter.Type.GAUGE);
    return Gauge.builder(meterName, value).baseUnit(baseUnit).description(description);
  }

  private void requireType(Meter.Type wanted) {
    if (type != wanted) {
      throw new IllegalStateException("Cannot build " + meterName + " as a " + wanted + ": it is a " + type);
    }
  }
}
