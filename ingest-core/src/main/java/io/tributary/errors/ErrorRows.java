package io.tributary.errors;

import io.tributary.error.ErrorType;
import io.tributary.layout.LakeLayout;
import io.tributary.partition.EventTimes;
import io.tributary.partition.Granularity;
import io.tributary.schema.ColumnType;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.Field;
import io.tributary.schema.MapType;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import io.tributary.source.SourceRecord;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The rows of the error prefix: one per {@link FailedRecord}, in a fixed schema, under
 * {@code <dataset or _unrouted>/error_type=<TYPE>/year=.../hour=...} ({@link #folder}).
 *
 * <h2>Columns</h2>
 * <ul>
 *   <li>{@code error_type} STRING: the {@link ErrorType} name. Also the {@code error_type} partition key of the
 *       path: kept in the file so that a file read on its own still says what failed. DuckDB and Spark merge the two
 *       (the path wins); an Athena or Glue table declares it as a partition key only, and its Parquet reader, which
 *       matches columns by name, ignores the copy in the file;</li>
 *   <li>{@code error_message} STRING; {@code dataset} STRING (null when unrouted); {@code source},
 *       {@code partition}, {@code offset} STRING: the topic or stream, partition or shard, offset or sequence
 *       number;</li>
 *   <li>{@code source_time} TIMESTAMP: the source timestamp; null when it lies outside the years 1 to 9999;</li>
 *   <li>{@code key} STRING: the key bytes in standard base64 (RFC 4648, padded), null when the record has no key;</li>
 *   <li>{@code headers} MAP&lt;STRING, STRING&gt;: header name to value bytes in standard base64; a null value stays
 *       null; when a name repeats, the last value wins (as Kafka's {@code lastHeader});</li>
 *   <li>{@code payload} STRING: the payload bytes in standard base64, exactly, even when empty ({@code ""});</li>
 *   <li>{@code payload_text} STRING: the payload as text when it is valid UTF-8, else null;</li>
 *   <li>{@code ingest_time} TIMESTAMP: when Tributary took the record in.</li>
 * </ul>
 * Every byte column is base64: keys and header values are bytes in Kafka and are often not text (serialized Avro
 * or Protobuf keys, binary trace ids), an error row must give back exactly what arrived so it can be replayed, and
 * one rule for every byte column is easier to query than text-when-possible ({@code from_base64(payload)} in Athena
 * and DuckDB). {@code payload_text} is there for reading with the eye.
 */
public final class ErrorRows {
  /** The dataset name in the schema and file metadata of error files. */
  public static final String DATASET = "_errors";
  /** The schema version of error files. The schema is fixed; a change would be version 2. */
  public static final int SCHEMA_VERSION = 1;
  /** The folder of records that no dataset could be chosen for: it starts with {@code _}, as no dataset can. */
  public static final String UNROUTED = LakeLayout.UNROUTED;
  /** The partition key of the error type in error paths. */
  public static final String ERROR_TYPE_KEY = LakeLayout.ERROR_TYPE_KEY;

  /** Column positions in {@link #schema()} and in the rows of {@link #row(FailedRecord)}. */
  public static final int ERROR_TYPE_INDEX = 0;
  public static final int ERROR_MESSAGE_INDEX = 1;
  public static final int DATASET_INDEX = 2;
  public static final int SOURCE_INDEX = 3;
  public static final int PARTITION_INDEX = 4;
  public static final int OFFSET_INDEX = 5;
  public static final int SOURCE_TIME_INDEX = 6;
  public static final int KEY_INDEX = 7;
  public static final int HEADERS_INDEX = 8;
  public static final int PAYLOAD_INDEX = 9;
  public static final int PAYLOAD_TEXT_INDEX = 10;
  public static final int INGEST_TIME_INDEX = 11;
  /** The number of columns. */
  public static final int COUNT = 12;

  private static final DatasetSchema SCHEMA = new DatasetSchema(DATASET, SCHEMA_VERSION, StructType.of(
      column("error_type", PrimitiveType.STRING),
      column("error_message", PrimitiveType.STRING),
      column("dataset", PrimitiveType.STRING),
      column("source", PrimitiveType.STRING),
      column("partition", PrimitiveType.STRING),
      column("offset", PrimitiveType.STRING),
      column("source_time", PrimitiveType.TIMESTAMP),
      column("key", PrimitiveType.STRING),
      column("headers", new MapType(PrimitiveType.STRING)),
      column("payload", PrimitiveType.STRING),
      column("payload_text", PrimitiveType.STRING),
      column("ingest_time", PrimitiveType.TIMESTAMP)));

  private ErrorRows() {}

  /** The schema of every error file. */
  public static DatasetSchema schema() {
    return SCHEMA;
  }

  /** The row of a failed record, shaped for {@link #schema()}: element {@code i} is column {@code i}. */
  public static Object[] row(FailedRecord failed) {
    Objects.requireNonNull(failed, "failed may not be null");
    SourceRecord record = failed.record();
    Object[] row = new Object[COUNT];
    row[ERROR_TYPE_INDEX] = failed.type().name();
    row[ERROR_MESSAGE_INDEX] = failed.message();
    row[DATASET_INDEX] = failed.dataset();
    row[SOURCE_INDEX] = record.stream();
    row[PARTITION_INDEX] = record.partition();
    row[OFFSET_INDEX] = record.position().toString();
    row[SOURCE_TIME_INDEX] = EventTimes.fromSourceMillis(record.timestampMillis());
    row[KEY_INDEX] = record.key() == null ? null : base64(record.key());
    row[HEADERS_INDEX] = headers(record);
    row[PAYLOAD_INDEX] = base64(record.value());
    row[PAYLOAD_TEXT_INDEX] = utf8OrNull(record.value());
    row[INGEST_TIME_INDEX] = failed.ingestMicros();
    return row;
  }

  /**
   * The folder of a failed record's error file ({@link #folder}), down to {@code granularity}. The
   * time keys come from the source timestamp, since the event time is unknown or bad for many failures; a source
   * timestamp outside the years 1 to 9999 is clamped into them, because an error row must land somewhere.
   */
  public static String folder(LakeLayout layout, FailedRecord failed, Granularity granularity) {
    Objects.requireNonNull(failed, "failed may not be null");
    Objects.requireNonNull(granularity, "granularity may not be null");
    long millis = failed.record().timestampMillis();
    long micros = Math.max(EventTimes.MIN_MICROS / 1_000L, Math.min(EventTimes.MAX_MICROS / 1_000L, millis)) * 1_000L;
    return layout.errorFolder(failed.dataset(), failed.type().name(), granularity.timePath(micros));
  }

  private static Map<String, Object> headers(SourceRecord record) {
    Map<String, Object> headers = new LinkedHashMap<>();
    for (SourceRecord.Header header : record.headers()) {
      headers.put(header.key(), header.value() == null ? null : base64(header.value()));
    }
    return headers;
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static String utf8OrNull(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static Field column(String name, ColumnType type) {
    return new Field(name, name, type);
  }
}
