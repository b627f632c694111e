package io.tributary.firehose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.Field;
import io.tributary.schema.ListType;
import io.tributary.schema.MapType;
import io.tributary.schema.MetadataColumns;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import io.tributary.source.Position;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON line of a shaped row: keys, types, timestamps, nulls, and rows shaped under an earlier version. */
class ShapedRowJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long INGEST = 1_763_704_802_000_001L; // 2025-11-21T06:00:02.000001Z
  private static final long EVENT = 1_763_704_801_500_000L; // 2025-11-21T06:00:01.5Z

  private static DatasetSchema schema(Field... data) {
    List<Field> fields = new ArrayList<>(MetadataColumns.fields());
    fields.addAll(List.of(data));
    return new DatasetSchema("orders", 3, new StructType(fields));
  }

  private static Object[] row(Object... data) {
    Object[] row = Arrays.copyOf(new Object[] {INGEST, "orders", "2", "17", null}, MetadataColumns.COUNT
        + data.length);
    System.arraycopy(data, 0, row, MetadataColumns.COUNT, data.length);
    return row;
  }

  private static JsonNode encode(DatasetSchema schema, Object[] row) throws Exception {
    byte[] line = ShapedRowJson.encode(new ShapedRow(schema, row, EVENT, Position.of(17)));
    assertThat(line[line.length - 1]).as("newline-terminated").isEqualTo((byte) '\n');
    String text = new String(line, StandardCharsets.UTF_8);
    assertThat(text.indexOf('\n')).as("one line").isEqualTo(text.length() - 1);
    return JSON.readTree(text);
  }

  @Test
  void everyColumnTypeIsWrittenAsTheGlueTableTypesIt() throws Exception {
    StructType user = StructType.of(new Field("name", "name", PrimitiveType.STRING),
        new Field("tags", "tags", new ListType(PrimitiveType.STRING)));
    DatasetSchema schema = schema(new Field("id", "id", PrimitiveType.LONG),
        new Field("price", "price", PrimitiveType.DOUBLE), new Field("paid", "paid", PrimitiveType.BOOLEAN),
        new Field("user", "user", user), new Field("attrs", "attrs", new MapType(PrimitiveType.LONG)),
        new Field("raw", "raw", PrimitiveType.JSON), new Field("paid_at", "paidAt", PrimitiveType.TIMESTAMP),
        new Field("user_id", "user-id", PrimitiveType.STRING));
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("a", 1L);
    attrs.put("b", null);
    Object[] values = row(Long.MAX_VALUE, 1.5, true, new Object[] {"ann", Arrays.asList("x", null)}, attrs,
        "{\"k\":[1,2]}", -1L, "u1");
    values[MetadataColumns.RESCUED_INDEX] = "{\"/price\":\"cheap\"}";

    JsonNode json = encode(schema, values);

    assertThat(json.get("_event_time").asText()).isEqualTo("2025-11-21 06:00:01.500000");
    assertThat(json.get("_ingest_time").asText()).isEqualTo("2025-11-21 06:00:02.000001");
    assertThat(json.get("_source").asText()).isEqualTo("orders");
    assertThat(json.get("_partition").asText()).isEqualTo("2");
    assertThat(json.get("_offset").asText()).isEqualTo("17");
    assertThat(json.get("_rescued").asText()).isEqualTo("{\"/price\":\"cheap\"}");
    assertThat(json.get("id").isIntegralNumber()).isTrue();
    assertThat(json.get("id").asLong()).isEqualTo(Long.MAX_VALUE);
    assertThat(json.get("price").doubleValue()).isEqualTo(1.5);
    assertThat(json.get("paid").isBoolean()).isTrue();
    assertThat(json.get("user").get("name").asText()).isEqualTo("ann");
    assertThat(json.get("user").get("tags")).hasSize(2);
    assertThat(json.get("user").get("tags").get(1).isNull()).isTrue();
    assertThat(json.get("attrs").get("a").asLong()).isEqualTo(1);
    assertThat(json.get("attrs").get("b").isNull()).isTrue();
    assertThat(json.get("raw").isTextual()).as("a json column holds JSON text").isTrue();
    assertThat(json.get("raw").asText()).isEqualTo("{\"k\":[1,2]}");
    assertThat(json.get("paid_at").asText()).as("before the epoch").isEqualTo("1969-12-31 23:59:59.999999");
    assertThat(json.get("user_id").asText()).isEqualTo("u1");
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("_event_time", "_ingest_time", "_source", "_partition", "_offset", "_rescued",
        "id", "price", "paid", "user", "attrs", "raw", "paid_at", "user_id");
  }

  @Test
  void nullsAndColumnsNewerThanTheRowAreLeftOut() throws Exception {
    DatasetSchema schema = schema(new Field("a", "a", PrimitiveType.LONG), new Field("b", "b", PrimitiveType.STRING),
        new Field("c", "c", PrimitiveType.STRING));
    // Shaped under a version that had only `a` and `b`: the row is shorter than the newest schema.
    JsonNode json = encode(schema, row(4L, null));

    assertThat(json.has("a")).isTrue();
    assertThat(json.has("b")).isFalse();
    assertThat(json.has("c")).isFalse();
    assertThat(json.has("_rescued")).isFalse();
  }

  @Test
  void aDataColumnNamedEventTimeKeepsItsValueAndIsWrittenOnce() throws Exception {
    DatasetSchema schema = schema(new Field("_event_time", "_event_time", PrimitiveType.STRING));

    byte[] line = ShapedRowJson.encode(new ShapedRow(schema, row("theirs"), EVENT, Position.of(17)));

    String text = new String(line, StandardCharsets.UTF_8);
    assertThat(text.split("\"_event_time\"", -1)).hasSize(2);
    assertThat(JSON.readTree(text).get("_event_time").asText()).isEqualTo("theirs");
  }

  @Test
  void timestampsKeepTheirMicrosecondsAcrossTheRangeOfYears() {
    assertThat(ShapedRowJson.timestamp(0)).isEqualTo("1970-01-01 00:00:00.000000");
    assertThat(ShapedRowJson.timestamp(-62135596800_000000L)).isEqualTo("0001-01-01 00:00:00.000000");
    assertThat(ShapedRowJson.timestamp(253402300799_999999L)).isEqualTo("9999-12-31 23:59:59.999999");
    assertThat(java.sql.Timestamp.valueOf(ShapedRowJson.timestamp(EVENT)).getNanos())
        .as("java.sql.Timestamp.valueOf, Firehose's default parser, reads it").isEqualTo(500_000_000);
  }
}
