package io.tributary.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.tributary.error.ErrorType;
import io.tributary.layout.LakeLayout;
import io.tributary.partition.Granularity;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.Field;
import io.tributary.schema.MapType;
import io.tributary.schema.PrimitiveType;
import io.tributary.source.Position;
import io.tributary.source.SourceRecord.Header;
import io.tributary.source.SourceRecord;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorRowsTest {
  /** 2026-03-07T06:05:04.123Z. */
  static final long SOURCE_MILLIS = 1_772_863_504_123L;
  /** 2026-03-08T10:00:00Z: a different hour and day, so a path taken from it would show. */
  static final LakeLayout ROOT = new LakeLayout("", "");
  static final long INGEST_MICROS = 1_772_964_000_000_000L;

  static SourceRecord record(byte[] key, List<Header> headers, long timestampMillis, byte[] value) {
    return new SourceRecord("orders-topic", "3", Position.of(42), key, headers, timestampMillis, value);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theSchemaIsFixedAndNamesEveryColumn() {
    DatasetSchema schema = ErrorRows.schema();

    assertThat(schema.dataset()).isEqualTo("_errors");
    assertThat(schema.version()).isEqualTo(1);
    assertThat(schema.root().fields()).extracting(Field::name).containsExactly(
        "error_type", "error_message", "dataset", "source", "partition", "offset", "source_time", "key", "headers",
        "payload", "payload_text", "ingest_time");
    assertThat(schema.root().fields()).extracting(Field::type).containsExactly(
        PrimitiveType.STRING, PrimitiveType.STRING, PrimitiveType.STRING, PrimitiveType.STRING, PrimitiveType.STRING,
        PrimitiveType.STRING, PrimitiveType.TIMESTAMP, PrimitiveType.STRING, new MapType(PrimitiveType.STRING),
        PrimitiveType.STRING, PrimitiveType.STRING, PrimitiveType.TIMESTAMP);
    assertThat(schema.root().fields()).hasSize(ErrorRows.COUNT);
  }

  @Test
  void theRowHoldsTheFailureAndTheRecordAsItArrived() {
    byte[] payload = utf8("{\"a\": 1");
    FailedRecord failed = new FailedRecord(ErrorType.DECODE, "unexpected end of input", "orders",
        record(utf8("k-1"), List.of(new Header("trace", utf8("abc"))), SOURCE_MILLIS, payload), INGEST_MICROS);

    Object[] row = ErrorRows.row(failed);

    assertThat(row).containsExactly(
        "DECODE", "unexpected end of input", "orders", "orders-topic", "3", "42", SOURCE_MILLIS * 1000,
        Base64.getEncoder().encodeToString(utf8("k-1")), Map.of("trace", Base64.getEncoder().encodeToString(utf8("abc"))),
        Base64.getEncoder().encodeToString(payload), "{\"a\": 1", INGEST_MICROS);
  }

  @Test
  void anUnroutedRecordHasNoDatasetAndNoKeyIsNull() {
    FailedRecord failed = new FailedRecord(ErrorType.ROUTING, "no dataset", null,
        SourceRecord.of("orders-topic", "3", "42", SOURCE_MILLIS, utf8("{}")), INGEST_MICROS);

    Object[] row = ErrorRows.row(failed);

    assertThat(row[ErrorRows.DATASET_INDEX]).isNull();
    assertThat(row[ErrorRows.KEY_INDEX]).isNull();
    assertThat(row[ErrorRows.HEADERS_INDEX]).isEqualTo(Map.of());
  }

  @Test
  void anEmptyKeyIsAnEmptyStringNotNull() {
    Object[] row = ErrorRows.row(new FailedRecord(ErrorType.DECODE, "empty", null,
        record(new byte[0], List.of(), SOURCE_MILLIS, new byte[0]), INGEST_MICROS));

    assertThat(row[ErrorRows.KEY_INDEX]).isEqualTo("");
    assertThat(row[ErrorRows.PAYLOAD_INDEX]).isEqualTo("");
    assertThat(row[ErrorRows.PAYLOAD_TEXT_INDEX]).isEqualTo("");
  }

  @Test
  void payloadTextIsNullForInvalidUtf8ButThePayloadKeepsEveryByte() {
    byte[] payload = {(byte) 0xC3, 0x28, (byte) 0xFF, 0x00, (byte) 0xED, (byte) 0xA0, (byte) 0x80};

    Object[] row = ErrorRows.row(new FailedRecord(ErrorType.DECODE, "invalid UTF-8", null,
        record(null, List.of(), SOURCE_MILLIS, payload), INGEST_MICROS));

    assertThat(row[ErrorRows.PAYLOAD_TEXT_INDEX]).isNull();
    assertThat(Base64.getDecoder().decode((String) row[ErrorRows.PAYLOAD_INDEX])).isEqualTo(payload);
  }

  @Test
  void headerValuesAreBase64ANullValueStaysNullAndARepeatedNameKeepsItsLastValue() {
    List<Header> headers = Arrays.asList(
        new Header("bin", new byte[] {(byte) 0xFF, 0x00}),
        new Header("none", null),
        new Header("dup", utf8("first")),
        new Header("dup", utf8("last")));

    Object[] row = ErrorRows.row(new FailedRecord(ErrorType.SCHEMA, "strict", "orders",
        record(null, headers, SOURCE_MILLIS, utf8("{}")), INGEST_MICROS));

    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) row[ErrorRows.HEADERS_INDEX];
    assertThat(map).containsOnly(entry("bin", "/wA="), entry("none", null), entry("dup", "bGFzdA=="));
  }

  @Test
  void aSourceTimestampOutsideTheYears1To9999IsANullSourceTime() {
    Object[] row = ErrorRows.row(new FailedRecord(ErrorType.EVENT_TIME, "bad time", "orders",
        record(null, List.of(), Long.MIN_VALUE, utf8("{}")), INGEST_MICROS));

    assertThat(row[ErrorRows.SOURCE_TIME_INDEX]).isNull();
  }

  @Test
  void thePathUsesTheDatasetTheErrorTypeAndTheSourceTimestamp() {
    FailedRecord failed = new FailedRecord(ErrorType.SCHEMA, "strict", "orders",
        record(null, List.of(), SOURCE_MILLIS, utf8("{}")), INGEST_MICROS);

    assertThat(ErrorRows.folder(ROOT, failed, Granularity.HOUR))
        .isEqualTo("orders/error_type=SCHEMA/year=2026/month=03/day=07/hour=06");
    assertThat(ErrorRows.folder(ROOT, failed, Granularity.MONTH))
        .isEqualTo("orders/error_type=SCHEMA/year=2026/month=03");
  }

  @Test
  void anUnroutedRecordGoesUnderUnrouted() {
    FailedRecord failed = new FailedRecord(ErrorType.DECODE, "bad json", null,
        record(null, List.of(), SOURCE_MILLIS, utf8("{")), INGEST_MICROS);

    assertThat(ErrorRows.folder(ROOT, failed, Granularity.DAY))
        .isEqualTo("_unrouted/error_type=DECODE/year=2026/month=03/day=07");
  }

  @Test
  void aSourceTimestampOutsideTheYears1To9999IsClampedInThePath() {
    FailedRecord future = new FailedRecord(ErrorType.EVENT_TIME, "bad time", "orders",
        record(null, List.of(), Long.MAX_VALUE, utf8("{}")), INGEST_MICROS);
    FailedRecord past = new FailedRecord(ErrorType.EVENT_TIME, "bad time", "orders",
        record(null, List.of(), Long.MIN_VALUE, utf8("{}")), INGEST_MICROS);

    assertThat(ErrorRows.folder(ROOT, future, Granularity.HOUR)).endsWith("/year=9999/month=12/day=31/hour=23");
    assertThat(ErrorRows.folder(ROOT, past, Granularity.HOUR)).endsWith("/year=0001/month=01/day=01/hour=00");
  }

  @Test
  void aFailedRecordNeedsAMessageAndAValidDatasetName() {
    SourceRecord record = record(null, List.of(), SOURCE_MILLIS, utf8("{}"));

    assertThatThrownBy(() -> new FailedRecord(ErrorType.DECODE, " ", null, record, INGEST_MICROS))
        .hasMessage("Invalid failed record: message may not be blank");
    assertThatThrownBy(() -> new FailedRecord(ErrorType.DECODE, "x", "../etc", record, INGEST_MICROS))
        .hasMessageContaining("Invalid failed record: dataset '../etc'");
    assertThatThrownBy(() -> new FailedRecord(ErrorType.DECODE, "x", "_unrouted", record, INGEST_MICROS))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
