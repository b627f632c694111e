package io.tributary.partition;

import static io.tributary.partition.GranularityTest.micros;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.error.ErrorType;
import io.tributary.source.SourceRecord;
import io.tributary.testing.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PartitionerEventTimeTest {
  /** 2024-05-31T16:08:37.123Z: the source timestamp, an hour far from every event time below. */
  private static final long SOURCE_MILLIS = 1_717_171_717_123L;

  static SourceRecord record(long timestampMillis) {
    return SourceRecord.of("orders", "3", "42", timestampMillis, "{}".getBytes(StandardCharsets.UTF_8));
  }

  private static PartitionResult partition(String field, EventTimeFormat format, String json) {
    Partitioner partitioner = new Partitioner(new PartitionSpec(field, format, Granularity.HOUR, List.of()));
    return partitioner.partition(record(SOURCE_MILLIS), Json.event(json));
  }

  private static PartitionResult.Partitioned partitioned(String field, EventTimeFormat format, String json) {
    PartitionResult result = partition(field, format, json);
    assertThat(result).isInstanceOf(PartitionResult.Partitioned.class);
    return (PartitionResult.Partitioned) result;
  }

  private static PartitionResult.Failed failed(String field, EventTimeFormat format, String json) {
    PartitionResult result = partition(field, format, json);
    assertThat(result).isInstanceOf(PartitionResult.Failed.class);
    return (PartitionResult.Failed) result;
  }

  @Test
  void withoutAFieldTheSourceTimestampIsTheEventTime() {
    PartitionResult.Partitioned result = partitioned(null, EventTimeFormat.AUTO, "{'ts': '2020-01-01T00:00:00Z'}");

    assertThat(result.path()).isEqualTo("year=2024/month=05/day=31/hour=16");
    assertThat(result.eventTimeMicros()).isEqualTo(SOURCE_MILLIS * 1000);
  }

  @Test
  void epochSecondsAreReadAsSeconds() {
    PartitionResult.Partitioned result = partitioned("ts", EventTimeFormat.EPOCH_SECONDS, "{'ts': 1772863504}");

    assertThat(result.eventTimeMicros()).isEqualTo(micros("2026-03-07T06:05:04Z"));
    assertThat(result.path()).isEqualTo("year=2026/month=03/day=07/hour=06");
  }

  @Test
  void epochSecondsKeepTheirFractionToTheMicrosecond() {
    assertThat(partitioned("ts", EventTimeFormat.EPOCH_SECONDS, "{'ts': 1772863504.123456}").eventTimeMicros())
        .isEqualTo(micros("2026-03-07T06:05:04.123456Z"));
  }

  @Test
  void epochMillisAreReadAsMillis() {
    PartitionResult.Partitioned result = partitioned("ts", EventTimeFormat.EPOCH_MILLIS, "{'ts': 1772863504123}");

    assertThat(result.eventTimeMicros()).isEqualTo(micros("2026-03-07T06:05:04.123Z"));
  }

  @Test
  void theSameNumberIsADifferentTimeInSecondsAndInMillis() {
    long seconds = partitioned("ts", EventTimeFormat.EPOCH_SECONDS, "{'ts': 1000000000}").eventTimeMicros();
    long millis = partitioned("ts", EventTimeFormat.EPOCH_MILLIS, "{'ts': 1000000000}").eventTimeMicros();

    assertThat(seconds).isEqualTo(micros("2001-09-09T01:46:40Z"));
    assertThat(millis).isEqualTo(micros("1970-01-12T13:46:40Z"));
  }

  @Test
  void quotedEpochNumbersAreRead() {
    assertThat(partitioned("ts", EventTimeFormat.EPOCH_MILLIS, "{'ts': '1772863504123'}").eventTimeMicros())
        .isEqualTo(micros("2026-03-07T06:05:04.123Z"));
    assertThat(partitioned("ts", EventTimeFormat.EPOCH_SECONDS, "{'ts': '-1.5'}").eventTimeMicros())
        .isEqualTo(-1_500_000L);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2026-03-07T06:05:04Z | 2026-03-07T06:05:04Z",
      "2026-03-07T08:05:04+02:00 | 2026-03-07T06:05:04Z",
      "2026-03-07T01:05:04.5-05:00 | 2026-03-07T06:05:04.500Z",
      "2026-03-07T06:05:04.123456789Z | 2026-03-07T06:05:04.123456Z",
      "2026-03-07 06:05:04 | 2026-03-07T06:05:04Z",
      "2026-03-07 | 2026-03-07T00:00:00Z"})
  void isoStringsAreReadWithTheirOffsetAndFraction(String text, String expectedUtc) {
    PartitionResult.Partitioned result = partitioned("ts", EventTimeFormat.ISO_8601, "{'ts': '" + text + "'}");

    assertThat(result.eventTimeMicros()).isEqualTo(micros(expectedUtc));
  }

  @Test
  void anOffsetCanMoveTheEventIntoAnotherDay() {
    assertThat(partitioned("ts", EventTimeFormat.ISO_8601, "{'ts': '2026-03-07T23:30:00-01:00'}").path())
        .isEqualTo("year=2026/month=03/day=08/hour=00");
  }

  @Test
  void autoReadsIsoStringsAndEpochNumbersByMagnitude() {
    assertThat(partitioned("ts", EventTimeFormat.AUTO, "{'ts': '2026-03-07T06:05:04Z'}").eventTimeMicros())
        .isEqualTo(micros("2026-03-07T06:05:04Z"));
    assertThat(partitioned("ts", EventTimeFormat.AUTO, "{'ts': 1772863504}").eventTimeMicros())
        .isEqualTo(micros("2026-03-07T06:05:04Z"));
    assertThat(partitioned("ts", EventTimeFormat.AUTO, "{'ts': 1772863504123}").eventTimeMicros())
        .isEqualTo(micros("2026-03-07T06:05:04.123Z"));
  }

  @Test
  void aNestedFieldIsReadByItsDottedPath() {
    assertThat(partitioned("meta.ts", EventTimeFormat.ISO_8601, "{'meta': {'ts': '2026-03-07T06:05:04Z'}}").path())
        .isEqualTo("year=2026/month=03/day=07/hour=06");
  }

  @Test
  void aMissingFieldFallsBackToTheSourceTimestamp() {
    assertThat(partitioned("ts", EventTimeFormat.ISO_8601, "{'other': 1}").eventTimeMicros())
        .isEqualTo(SOURCE_MILLIS * 1000);
  }

  @Test
  void aNullFieldFallsBackToTheSourceTimestamp() {
    assertThat(partitioned("ts", EventTimeFormat.EPOCH_MILLIS, "{'ts': null}").eventTimeMicros())
        .isEqualTo(SOURCE_MILLIS * 1000);
  }

  @Test
  void aFieldUnderAParentThatIsNotAnObjectFallsBackToTheSourceTimestamp() {
    assertThat(partitioned("meta.ts", EventTimeFormat.AUTO, "{'meta': 'x'}").eventTimeMicros())
        .isEqualTo(SOURCE_MILLIS * 1000);
  }

  @Test
  void anUnreadableStringFailsNamingTheFieldAndTheValue() {
    PartitionResult.Failed failed = failed("meta.ts", EventTimeFormat.ISO_8601, "{'meta': {'ts': 'yesterday'}}");

    assertThat(failed.type()).isEqualTo(ErrorType.EVENT_TIME);
    assertThat(failed.reason()).isEqualTo("event-time field 'meta.ts' value 'yesterday' is not a time in format "
        + "iso_8601 within the years 1 to 9999");
  }

  @Test
  void aNumberIsNotAnIsoTime() {
    assertThat(failed("ts", EventTimeFormat.ISO_8601, "{'ts': 1772863504}").reason())
        .contains("value 1772863504 is not a time in format iso_8601");
  }

  @Test
  void anIsoStringIsNotAnEpochNumber() {
    assertThat(failed("ts", EventTimeFormat.EPOCH_SECONDS, "{'ts': '2026-03-07T06:05:04Z'}").reason())
        .contains("'2026-03-07T06:05:04Z' is not a time in format epoch_seconds");
  }

  @Test
  void booleansObjectsAndArraysAreNotTimes() {
    assertThat(failed("ts", EventTimeFormat.AUTO, "{'ts': true}").reason()).contains("value true is not a time");
    assertThat(failed("ts", EventTimeFormat.AUTO, "{'ts': {'a': 1}}").reason()).contains("value (an object)");
    assertThat(failed("ts", EventTimeFormat.EPOCH_MILLIS, "{'ts': [1]}").reason()).contains("value (an array)");
  }

  @Test
  void aTimeBeyondTheYear9999Fails() {
    assertThat(failed("ts", EventTimeFormat.EPOCH_SECONDS, "{'ts': 253402300800}").type())
        .isEqualTo(ErrorType.EVENT_TIME);
    assertThat(failed("ts", EventTimeFormat.EPOCH_MILLIS, "{'ts': 99999999999999999999999}").reason())
        .contains("99999999999999999999999");
  }

  @Test
  void aTimeBeforeTheYear1Fails() {
    assertThat(failed("ts", EventTimeFormat.EPOCH_SECONDS, "{'ts': -62135596801}").type())
        .isEqualTo(ErrorType.EVENT_TIME);
  }

  @Test
  void aLongUnreadableValueIsCutInTheReason() {
    String value = "x".repeat(5000);

    String reason = failed("ts", EventTimeFormat.AUTO, "{'ts': '" + value + "'}").reason();

    assertThat(reason).contains("'" + "x".repeat(100) + "...' (5000 characters)").hasSizeLessThan(300);
  }

  @Test
  void aSourceTimestampOutsideTheYears1To9999Fails() {
    Partitioner partitioner = new Partitioner(PartitionSpec.defaults());

    PartitionResult result = partitioner.partition(record(Long.MAX_VALUE), Map.of());

    assertThat(result).isInstanceOf(PartitionResult.Failed.class);
    assertThat(((PartitionResult.Failed) result).type()).isEqualTo(ErrorType.EVENT_TIME);
    assertThat(((PartitionResult.Failed) result).reason())
        .isEqualTo("source timestamp " + Long.MAX_VALUE + " ms is outside the years 1 to 9999");
  }

  @Test
  void aKafkaTimestampOfMinusOneIsTheLastMillisecondOf1969() {
    PartitionResult result = new Partitioner(PartitionSpec.defaults()).partition(record(-1L), Map.of());

    assertThat(result).isEqualTo(new PartitionResult.Partitioned("year=1969/month=12/day=31/hour=23", -1_000L));
  }
}
