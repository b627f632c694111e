package io.tributary.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.decode.BigNumber;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rebuilds an event from a shaped row and its {@code _rescued} column, in a normal form that compares equal to the
 * normal form of the original event when nothing was lost: keys sanitized, null members dropped, numbers compared
 * by value.
 */
final class Reconstruction {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Reconstruction() {}

  /** The normal form of an event as it was sent. */
  static Object normal(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new TreeMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (e.getValue() != null) {
          out.put(ColumnNames.sanitize((String) e.getKey()), normal(e.getValue()));
        }
      }
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object item : list) {
        out.add(normal(item));
      }
      return out;
    }
    if (value instanceof Long l) {
      return BigDecimal.valueOf(l).stripTrailingZeros();
    }
    if (value instanceof Double d) {
      return new BigDecimal(d).stripTrailingZeros();
    }
    if (value instanceof BigNumber n) {
      return n.toBigDecimal().stripTrailingZeros();
    }
    return value;
  }

  /** The normal form of the event a row was shaped from: its data columns plus its rescued values. */
  static Object rebuild(StructType root, Object[] row) throws Exception {
    Map<String, Object> event = new LinkedHashMap<>();
    for (int i = MetadataColumns.COUNT; i < root.fields().size() && i < row.length; i++) {
      event.put(root.fields().get(i).name(), fromColumn(root.fields().get(i).type(), row[i]));
    }
    String rescued = (String) row[MetadataColumns.RESCUED_INDEX];
    if (rescued != null) {
      Iterator<Map.Entry<String, JsonNode>> it = MAPPER.readTree(rescued).fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        place(event, e.getKey(), fromJson(e.getValue()));
      }
    }
    return normal(event);
  }

  /**
   * The normal form of the event a row read back by DuckDB ({@code to_json} of the whole row) was shaped from:
   * its non-metadata columns plus its rescued values.
   */
  static Object rebuildFromJson(String rowJson) throws Exception {
    JsonNode row = MAPPER.readTree(rowJson);
    Map<String, Object> event = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> columns = row.fields();
    while (columns.hasNext()) {
      Map.Entry<String, JsonNode> column = columns.next();
      boolean metadata = MetadataColumns.fields().stream().anyMatch(f -> f.name().equals(column.getKey()));
      if (!metadata) {
        event.put(column.getKey(), fromJson(column.getValue()));
      }
    }
    JsonNode rescued = row.get(MetadataColumns.RESCUED);
    if (rescued != null && !rescued.isNull()) {
      Iterator<Map.Entry<String, JsonNode>> it = MAPPER.readTree(rescued.asText()).fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        place(event, e.getKey(), fromJson(e.getValue()));
      }
    }
    return normal(event);
  }

  private static Object fromColumn(ColumnType type, Object value) {
    if (value == null) {
      return null;
    }
    if (type instanceof StructType s) {
      Object[] values = (Object[]) value;
      Map<String, Object> out = new LinkedHashMap<>();
      for (int i = 0; i < s.fields().size() && i < values.length; i++) {
        out.put(s.fields().get(i).name(), fromColumn(s.fields().get(i).type(), values[i]));
      }
      return out;
    }
    if (type instanceof ListType l) {
      List<Object> out = new ArrayList<>();
      for (Object item : (List<?>) value) {
        out.add(fromColumn(l.element(), item));
      }
      return out;
    }
    if (type instanceof MapType m) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> out.put((String) k, fromColumn(m.value(), v)));
      return out;
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static void place(Map<String, Object> event, String pointer, Object value) {
    String[] steps = pointer.substring(1).split("/", -1);
    Object container = event;
    for (int i = 0; i < steps.length; i++) {
      String step = steps[i].replace("~1", "/").replace("~0", "~");
      boolean last = i == steps.length - 1;
      if (container instanceof Map<?, ?> map) {
        String key = ColumnNames.sanitize(step);
        if (last) {
          ((Map<String, Object>) map).put(key, value);
        } else {
          container = map.get(key);
        }
      } else {
        List<Object> list = (List<Object>) container;
        int index = Integer.parseInt(step);
        if (last) {
          list.set(index, value);
        } else {
          container = list.get(index);
        }
      }
      if (!last && container == null) {
        throw new AssertionError("Rescued pointer " + pointer + " has no parent in the row");
      }
    }
  }

  private static Object fromJson(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> out = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> out.put(e.getKey(), fromJson(e.getValue())));
      return out;
    }
    if (node.isArray()) {
      List<Object> out = new ArrayList<>();
      node.forEach(item -> out.add(fromJson(item)));
      return out;
    }
    if (node.isIntegralNumber()) {
      return new BigNumber(node.asText());
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.isNull() ? null : node.asText();
  }
}
