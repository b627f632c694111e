package io.tributary.firehose;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.schema.ColumnType;
import io.tributary.schema.Field;
import io.tributary.schema.ListType;
import io.tributary.schema.MapType;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The JSON of a shaped row, as Firehose receives it: one object per record, ending with a newline (Firehose
 * concatenates records; format conversion and the Iceberg destination read one JSON object per line).
 *
 * <p>Keys are the sanitized column names (lowercase, what the Glue table declares), in schema order, after
 * {@value #EVENT_TIME}; a null value is left out (every column is optional, and an absent key reads as null). Values
 * are typed as the Glue table types their column ({@code io.tributary.schema.HiveTypes}): {@code bigint} and
 * {@code double} as JSON numbers, {@code boolean} as true/false, {@code string} as a string (a column pinned to
 * {@code json} holds its JSON text, so it is a string too), structs and maps as objects, arrays as arrays.
 *
 * <p>Timestamps (configured timestamp columns, {@code _ingest_time}, {@value #EVENT_TIME}) are UTC strings
 * {@code yyyy-MM-dd HH:mm:ss.SSSSSS}: the form {@code java.sql.Timestamp.valueOf} parses, which is what Firehose's
 * Hive JSON SerDe uses when no timestamp format is configured, so format conversion needs no setting and keeps the
 * microseconds; Hive timestamps have no zone and Athena reads them as UTC. Epoch milliseconds (the SerDe's
 * {@code millis}) would lose the microseconds, and ISO-8601 with {@code T} and {@code Z} needs a format configured
 * on the stream.
 *
 * <p>The source coordinates are the metadata columns {@code _source}, {@code _partition} and {@code _offset}, so a
 * reader can drop the duplicates Firehose's at-least-once delivery makes. A data column that happens to be named
 * {@value #EVENT_TIME} keeps its value and the event time is left out of that row (a key is never written twice).
 * Thread-safe: stateless.
 */
public final class ShapedRowJson {
  /** The key of each row's event time. */
  public static final String EVENT_TIME = "_event_time";

  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

  private ShapedRowJson() {}

  /** The UTF-8 bytes of {@code row}'s JSON object, followed by {@code \n}. */
  public static byte[] encode(ShapedRow row) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeStartObject();
      StructType root = row.schema().root();
      if (root.indexOf(EVENT_TIME) < 0) {
        json.writeStringField(EVENT_TIME, timestamp(row.eventTimeMicros()));
      }
      fields(json, root, row.row());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode a row of " + row.dataset() + " as JSON: " + e.getMessage(), e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  /** A timestamp as the rows spell it: {@code 2025-11-21 06:00:01.500000} (UTC). */
  public static String timestamp(long micros) {
    long seconds = Math.floorDiv(micros, 1_000_000L);
    int nanos = (int) Math.floorMod(micros, 1_000_000L) * 1_000;
    return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC).format(TIMESTAMP);
  }

  private static void fields(JsonGenerator json, StructType type, Object[] values) throws IOException {
    List<Field> fields = type.fields();
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        json.writeFieldName(fields.get(i).name());
        value(json, fields.get(i).type(), values[i]);
      }
    }
  }

  private static void value(JsonGenerator json, ColumnType type, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (type instanceof PrimitiveType primitive) {
      switch (primitive) {
        case LONG -> json.writeNumber((Long) value);
        case DOUBLE -> json.writeNumber((Double) value);
        case BOOLEAN -> json.writeBoolean((Boolean) value);
        case STRING, JSON -> json.writeString((String) value);
        case TIMESTAMP -> json.writeString(timestamp((Long) value));
      }
    } else if (type instanceof StructType struct) {
      json.writeStartObject();
      fields(json, struct, (Object[]) value);
      json.writeEndObject();
    } else if (type instanceof ListType list) {
      json.writeStartArray();
      for (Object element : (List<?>) value) {
        value(json, list.element(), element);
      }
      json.writeEndArray();
    } else {
      json.writeStartObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        json.writeFieldName((String) entry.getKey());
        value(json, ((MapType) type).value(), entry.getValue());
      }
      json.writeEndObject();
    }
  }
}
