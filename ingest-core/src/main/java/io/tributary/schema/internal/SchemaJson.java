package io.tributary.schema.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.schema.ColumnType;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.Field;
import io.tributary.schema.HistoryEntry;
import io.tributary.schema.ListType;
import io.tributary.schema.MapType;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.SchemaChange;
import io.tributary.schema.StructType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The file format of one schema version under {@code _schemas/<dataset>/}: readable JSON, so operators can look at
 * it, versioned by {@code format}. A type is a string for a leaf ({@code "long"}) or an object with one key
 * ({@code {"struct": [fields]}}, {@code {"list": type}}, {@code {"map": type}}).
 */
public final class SchemaJson {
  /** Bump when the layout changes; readers refuse formats they do not know. */
  public static final int FORMAT = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SchemaJson() {}

  public static byte[] write(HistoryEntry entry) {
    ObjectNode root = NODES.objectNode();
    root.put("format", FORMAT);
    root.put("dataset", entry.schema().dataset());
    root.setAll(metadata(entry));
    root.set("columns", fields(entry.schema().root()));
    return bytes(root);
  }

  /** Reads a schema version file; {@code source} names it in error messages. */
  public static HistoryEntry read(byte[] bytes, String source) {
    return parse(bytes, source, root -> metadataOf(root, new DatasetSchema(text(root, "dataset", source),
        root.path("version").asInt(), new StructType(fieldsOf(root.get("columns"), source))), source));
  }

  /** What a version records besides its columns: number, creation, changes. */
  static ObjectNode metadata(HistoryEntry entry) {
    ObjectNode node = NODES.objectNode();
    node.put("version", entry.schema().version());
    node.put("created_at", entry.createdAt().toString());
    node.put("created_by", entry.createdBy());
    ArrayNode changes = node.putArray("changes");
    for (SchemaChange change : entry.changes()) {
      changes.addObject().put("path", change.path()).put("original", change.originalName()).put("type", change.type());
    }
    return node;
  }

  /** The entry of {@code schema} with the metadata in {@code node}. */
  static HistoryEntry metadataOf(JsonNode node, DatasetSchema schema, String source) {
    List<SchemaChange> changes = new ArrayList<>();
    for (JsonNode change : node.path("changes")) {
      changes.add(new SchemaChange(text(change, "path", source), text(change, "original", source),
          text(change, "type", source)));
    }
    return new HistoryEntry(schema, changes, Instant.parse(text(node, "created_at", source)),
        text(node, "created_by", source));
  }

  static byte[] bytes(JsonNode root) {
    try {
      return MAPPER.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write schema version", e);
    }
  }

  /** Parses a file of this format, checks its format and reads it with {@code reader}. */
  static <T> T parse(byte[] bytes, String source, Function<JsonNode, T> reader) {
    try {
      JsonNode root = MAPPER.readTree(bytes);
      int format = root.path("format").asInt(-1);
      if (format != FORMAT) {
        throw new IllegalStateException("Cannot read schema version " + source + ": format " + format
            + " is not known to this build (it reads format " + FORMAT + ")");
      }
      return reader.apply(root);
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalStateException ise && ise.getMessage().startsWith("Cannot read schema version")) {
        throw ise;
      }
      throw new IllegalStateException("Cannot read schema version " + source + ": "
          + new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8), e);
    }
  }

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ArrayNode fields(StructType struct) {
    ArrayNode out = NODES.arrayNode();
    for (Field f : struct.fields()) {
      ObjectNode node = out.addObject();
      node.put("name", f.name());
      node.put("original", f.originalName());
      node.set("type", type(f.type()));
    }
    return out;
  }

  private static JsonNode type(ColumnType type) {
    if (type instanceof PrimitiveType p) {
      return NODES.textNode(p.typeName());
    }
    ObjectNode node = NODES.objectNode();
    if (type instanceof StructType s) {
      node.set("struct", fields(s));
    } else if (type instanceof ListType l) {
      node.set("list", type(l.element()));
    } else {
      node.set("map", type(((MapType) type).value()));
    }
    return node;
  }

  static List<Field> fieldsOf(JsonNode array, String source) {
    if (array == null || !array.isArray()) {
      throw new IllegalStateException("Cannot read schema version " + source + ": 'columns' is not an array");
    }
    List<Field> fields = new ArrayList<>(array.size());
    for (JsonNode f : array) {
      fields.add(new Field(text(f, "name", source), text(f, "original", source), typeOf(f.get("type"), source)));
    }
    return fields;
  }

  private static ColumnType typeOf(JsonNode node, String source) {
    if (node != null && node.isTextual()) {
      return PrimitiveType.fromTypeName(node.asText());
    }
    if (node != null && node.has("struct")) {
      return new StructType(fieldsOf(node.get("struct"), source));
    }
    if (node != null && node.has("list")) {
      return new ListType(typeOf(node.get("list"), source));
    }
    if (node != null && node.has("map")) {
      return new MapType(typeOf(node.get("map"), source));
    }
    throw new IllegalStateException("Cannot read schema version " + source + ": bad type " + node);
  }

  static String text(JsonNode node, String field, String source) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalStateException("Cannot read schema version " + source + ": '" + field + "' is missing");
    }
    return value.asText();
  }
}
