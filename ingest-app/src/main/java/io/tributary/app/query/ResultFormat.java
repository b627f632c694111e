package io.tributary.app.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBStruct;

/** How {@code tributary query} prints an answer: an aligned table, CSV (RFC 4180), or JSON lines. */
public enum ResultFormat {
  /** Aligned columns, cells cut at a width (0: never), a row count last. */
  TABLE,
  /** A header line, then one line per row; fields with a comma, quote or line break quoted; null empty. */
  CSV,
  /** One JSON object per row and line (numbers and booleans as such, other values as text, null as null). */
  JSON;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The answer as text; {@code maxWidth} cuts table cells longer than it (0 or less: no cut). */
  public String render(LakeQuery.Result result, int maxWidth) {
    return switch (this) {
      case TABLE -> table(result, maxWidth);
      case CSV -> csv(result);
      case JSON -> json(result);
    };
  }

  private static String table(LakeQuery.Result result, int maxWidth) {
    List<String> columns = result.columns();
    int limit = maxWidth <= 0 ? Integer.MAX_VALUE : Math.max(2, maxWidth);
    int[] widths = new int[columns.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = Math.min(limit, columns.get(i).length());
    }
    for (List<Object> row : result.rows()) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.min(limit, Math.max(widths[i], String.valueOf(row.get(i)).length()));
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, new ArrayList<>(columns), widths);
    StringBuilder rule = new StringBuilder();
    for (int w : widths) {
      rule.append("-".repeat(w)).append("  ");
    }
    out.append(rule.toString().stripTrailing()).append('\n');
    for (List<Object> row : result.rows()) {
      line(out, row, widths);
    }
    int rows = result.rows().size();
    return out.append("(").append(rows).append(rows == 1 ? " row)\n" : " rows)\n").toString();
  }

  private static void line(StringBuilder out, List<Object> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      String text = String.valueOf(cells.get(i));
      if (text.length() > widths[i]) {
        text = text.substring(0, widths[i] - 1) + "…";
      }
      line.append(text).append(" ".repeat(widths[i] - text.length())).append("  ");
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  private static String csv(LakeQuery.Result result) {
    StringBuilder out = new StringBuilder();
    csvLine(out, new ArrayList<>(result.columns()));
    result.rows().forEach(row -> csvLine(out, row));
    return out.toString();
  }

  private static void csvLine(StringBuilder out, List<Object> cells) {
    for (int i = 0; i < cells.size(); i++) {
      Object cell = cells.get(i);
      String text = cell == null ? "" : String.valueOf(cell);
      boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
      out.append(i == 0 ? "" : ",").append(quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text);
    }
    out.append("\r\n");
  }

  private static String json(LakeQuery.Result result) {
    StringBuilder out = new StringBuilder();
    for (List<Object> row : result.rows()) {
      ObjectNode object = MAPPER.createObjectNode();
      for (int i = 0; i < row.size(); i++) {
        object.set(result.columns().get(i), node(row.get(i)));
      }
      try {
        out.append(MAPPER.writeValueAsString(object)).append('\n');
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return out.toString();
  }

  /** A value as JSON: structs as objects, lists as arrays, numbers and booleans as such, the rest as text. */
  private static JsonNode node(Object value) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    try {
      if (value == null) {
        return nodes.nullNode();
      } else if (value instanceof Boolean b) {
        return nodes.booleanNode(b);
      } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
        return nodes.numberNode(((Number) value).longValue());
      } else if (value instanceof Double || value instanceof Float) {
        return nodes.numberNode(((Number) value).doubleValue());
      } else if (value instanceof BigDecimal d) {
        return nodes.numberNode(d);
      } else if (value instanceof BigInteger n) {
        return nodes.numberNode(n);
      } else if (value instanceof DuckDBStruct struct) {
        ObjectNode object = nodes.objectNode();
        struct.getMap().forEach((name, member) -> object.set(name, node(member)));
        return object;
      } else if (value instanceof Map<?, ?> map) {
        ObjectNode object = nodes.objectNode();
        map.forEach((key, member) -> object.set(String.valueOf(key), node(member)));
        return object;
      } else if (value instanceof java.sql.Array array) {
        ArrayNode list = nodes.arrayNode();
        for (Object member : (Object[]) array.getArray()) {
          list.add(node(member));
        }
        return list;
      }
      return nodes.textNode(String.valueOf(value));
    } catch (SQLException e) {
      return nodes.textNode(String.valueOf(value));
    }
  }
}
