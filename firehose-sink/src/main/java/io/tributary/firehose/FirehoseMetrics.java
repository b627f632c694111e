package io.tributary.firehose;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The meters of Firehose delivery, each tagged with its {@value #STREAM}. Names are a contract with dashboards and
 * alarms, as for {@code io.tributary.metrics.TributaryMeter}. Registering twice returns the same meters (Micrometer
 * keys them by name and tags), so one instance per registry is enough but more do no harm.
 */
public final class FirehoseMetrics {
  /** Records Firehose acknowledged. */
  public static final String SENT_RECORDS = "tributary.firehose.sent.records";
  /** Bytes of the JSON lines Firehose acknowledged. */
  public static final String SENT_BYTES = "tributary.firehose.sent.bytes";
  /** Entries of a PutRecordBatch that Firehose failed, by {@value #ERROR_CODE}; each is sent again. */
  public static final String FAILED_RECORDS = "tributary.firehose.failed.records";
  /** PutRecordBatch calls sent again, by {@value #REASON}. */
  public static final String RETRIES = "tributary.firehose.retries";
  /** Records per PutRecordBatch call (resends included). */
  public static final String BATCH_RECORDS = "tributary.firehose.batch.records";
  /** Time of one PutRecordBatch call, failed ones included. */
  public static final String PUT_DURATION = "tributary.firehose.put.duration";

  /** The delivery stream a meter is about. */
  public static final String STREAM = "delivery_stream";
  /** The error code of a failed entry ({@code ServiceUnavailableException}, {@code InternalFailure}, ...). */
  public static final String ERROR_CODE = "error_code";
  /**
   * Why a call was sent again: {@code partial} (some entries failed), {@code throttled}, {@code server_error} or
   * {@code network}.
   */
  public static final String REASON = "reason";
  /** The retry reason of a partly failed call. */
  static final String PARTIAL = "partial";

  private final MeterRegistry registry;

  /** Meters in {@code registry}; may not be null. */
  public FirehoseMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry may not be null");
  }

  void sent(String stream, int records, long bytes) {
    Counter.builder(SENT_RECORDS).baseUnit("records").description("Records Firehose acknowledged")
        .tag(STREAM, stream).register(registry).increment(records);
    Counter.builder(SENT_BYTES).baseUnit("bytes").description("Bytes of the JSON lines Firehose acknowledged")
        .tag(STREAM, stream).register(registry).increment(bytes);
  }

  void failed(String stream, String errorCode) {
    Counter.builder(FAILED_RECORDS).baseUnit("records")
        .description("Entries of a PutRecordBatch that Firehose failed, each sent again")
        .tag(STREAM, stream).tag(ERROR_CODE, errorCode).register(registry).increment();
  }

  void retry(String stream, String reason) {
    Counter.builder(RETRIES).baseUnit("calls").description("PutRecordBatch calls sent again, by reason")
        .tag(STREAM, stream).tag(REASON, reason).register(registry).increment();
  }

  void call(String stream, int records, long nanos) {
    DistributionSummary.builder(BATCH_RECORDS).baseUnit("records")
        .description("Records per PutRecordBatch call").tag(STREAM, stream).register(registry).record(records);
    Timer.builder(PUT_DURATION).description("Time of one PutRecordBatch call")
        .publishPercentiles(0.5, 0.99).tag(STREAM, stream).register(registry).record(nanos, TimeUnit.NANOSECONDS);
  }
}
