package io.tributary.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.source.SourceLag;
import io.tributary.source.SourcePartition;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Guards the meter definitions as a contract with dashboards and alarms (names, types, units and tag keys may not
 * change by accident) and the source lag gauges: records behind summed over partitions, time behind the largest of
 * them, in seconds, read live from the source.
 */
class TributaryMeterTest {

  @Test
  void namesTypesUnitsAndTagKeysAreTheDocumentedOnes() {
    assertThat(TributaryMeter.values())
        .extracting(TributaryMeter::meterName, TributaryMeter::type, TributaryMeter::baseUnit,
            TributaryMeter::tagKeys)
        .containsExactly(
            tuple("tributary.received.records", Meter.Type.COUNTER, "records", List.of("outcome")),
            tuple("tributary.received.bytes", Meter.Type.COUNTER, "bytes", List.of()),
            tuple("tributary.written.records", Meter.Type.COUNTER, "records", List.of("dataset")),
            tuple("tributary.written.files", Meter.Type.COUNTER, "files", List.of("kind")),
            tuple("tributary.written.bytes", Meter.Type.COUNTER, "bytes", List.of("kind")),
            tuple("tributary.error.records", Meter.Type.COUNTER, "records",
                List.of("error_type", "dataset")),
            tuple("tributary.rescued.values", Meter.Type.COUNTER, "values", List.of("dataset")),
            tuple("tributary.rescued.records", Meter.Type.COUNTER, "records", List.of("dataset")),
            tuple("tributary.schema.versions", Meter.Type.COUNTER, "versions", List.of("dataset")),
            tuple("tributary.latency", Meter.Type.TIMER, "seconds", List.of("dataset")),
            tuple("tributary.freshness", Meter.Type.GAUGE, "seconds", List.of()),
            tuple("tributary.buffered.bytes", Meter.Type.GAUGE, "bytes", List.of()),
            tuple("tributary.rolled.files", Meter.Type.COUNTER, "files", List.of("reason")),
            tuple("tributary.flush.duration", Meter.Type.TIMER, "seconds", List.of()),
            tuple("tributary.source.lag.records", Meter.Type.GAUGE, "records", List.of()),
            tuple("tributary.source.lag", Meter.Type.GAUGE, "seconds", List.of()),
            tuple("tributary.catalog.versions.behind", Meter.Type.GAUGE, "versions", List.of("dataset")),
            tuple("tributary.catalog.errors", Meter.Type.COUNTER, "errors", List.of("dataset", "reason")));
    assertThat(TributaryMeter.values()).allSatisfy(m -> assertThat(m.description()).isNotBlank());
  }

  @Test
  void aMeterCannotBeBuiltAsAnotherType() {
    assertThatThrownBy(() -> TributaryMeter.FRESHNESS.counter())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Cannot build tributary.freshness as a COUNTER: it is a GAUGE");
  }

  @Test
  void sourceLagGaugesSumRecordsBehindAndTakeTheLargestTimeBehindInSeconds() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    AtomicReference<SourceLag> lag = new AtomicReference<>(SourceLag.none());
    SourceLagMetrics.bind(registry, lag::get);
    assertThat(gauge(registry, TributaryMeter.SOURCE_LAG_RECORDS)).isZero();
    assertThat(gauge(registry, TributaryMeter.SOURCE_LAG)).isZero();

    SourcePartition p0 = new SourcePartition("orders", "0");
    SourcePartition p1 = new SourcePartition("orders", "1");
    lag.set(new SourceLag(Map.of(p0, 5L, p1, 7L), Map.of(p0, 1500L, p1, 250L)));
    assertThat(gauge(registry, TributaryMeter.SOURCE_LAG_RECORDS)).isEqualTo(12);
    assertThat(gauge(registry, TributaryMeter.SOURCE_LAG)).isEqualTo(1.5);

    lag.set(null);
    assertThat(gauge(registry, TributaryMeter.SOURCE_LAG_RECORDS)).isZero();
  }

  private static double gauge(SimpleMeterRegistry registry, TributaryMeter meter) {
    return registry.get(meter.meterName()).gauge().value();
  }
}
