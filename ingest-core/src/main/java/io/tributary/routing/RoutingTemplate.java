package io.tributary.routing;

import io.tributary.decode.FieldPath;
import io.tributary.decode.FieldPath.Lookup;
import io.tributary.source.SourceRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A dataset name template, parsed once into literal text and tokens so that routing a record only concatenates.
 * See {@link DatasetRouters#template(String, String)} for the syntax.
 */
final class RoutingTemplate {
  static final String ALLOWED = "allowed are literal text and the tokens {topic}, {stream}, {partition}, "
      + "{field:<dotted.path>}, like {topic}_{field:meta.type}";

  private static final String FIELD_PREFIX = "field:";

  private final String text;
  private final List<Part> parts;

  private RoutingTemplate(String text, List<Part> parts) {
    this.text = text;
    this.parts = List.copyOf(parts);
  }

  /** A template made of one field token: what routing by a field is. */
  static RoutingTemplate ofField(FieldPath path) {
    return new RoutingTemplate("{field:" + path + "}", List.of(new FieldPart(path)));
  }

  /** A template made of the stream name alone: the default routing. */
  static RoutingTemplate ofStream() {
    return new RoutingTemplate("{stream}", List.of(new StreamPart()));
  }

  /**
   * Parses a template.
   *
   * @throws IllegalArgumentException naming the template, the position (0-based) and what is allowed
   */
  static RoutingTemplate parse(String text) {
    if (text.isEmpty()) {
      throw invalid(text, "it is empty");
    }
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '}') {
        throw invalid(text, "unmatched '}' at position " + i);
      }
      if (c != '{') {
        literal.append(c);
        i++;
        continue;
      }
      int close = text.indexOf('}', i + 1);
      int nextOpen = text.indexOf('{', i + 1);
      if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
        throw invalid(text, "unclosed '{' at position " + i);
      }
      if (literal.length() > 0) {
        parts.add(new LiteralPart(literal.toString()));
        literal.setLength(0);
      }
      parts.add(token(text, text.substring(i + 1, close), i));
      i = close + 1;
    }
    if (literal.length() > 0) {
      parts.add(new LiteralPart(literal.toString()));
    }
    if (parts.stream().allMatch(LiteralPart.class::isInstance)) {
      // A template without tokens names one fixed dataset; if that name is unusable, no record could ever route.
      try {
        DatasetNames.sanitize(text);
      } catch (IllegalArgumentException e) {
        throw invalid(text, "it has no tokens and its text has no usable characters: "
            + DatasetNames.USABLE_CHARACTERS_HINT);
      }
    }
    return new RoutingTemplate(text, parts);
  }

  /** The dataset name before sanitizing, or why a field token gave no text. */
  Lookup render(SourceRecord record, Map<String, Object> event) {
    if (parts.size() == 1) {
      return parts.get(0).value(record, event);
    }
    StringBuilder name = new StringBuilder();
    for (Part part : parts) {
      Lookup value = part.value(record, event);
      if (value instanceof Lookup.Absent) {
        return value;
      }
      name.append(((Lookup.Found) value).text());
    }
    return new Lookup.Found(name.toString());
  }

  @Override
  public String toString() {
    return text;
  }

  private static Part token(String template, String body, int position) {
    return switch (body) {
      case "topic", "stream" -> new StreamPart();
      case "partition" -> new PartitionPart();
      default -> fieldToken(template, body, position);
    };
  }

  private static Part fieldToken(String template, String body, int position) {
    if (!body.startsWith(FIELD_PREFIX)) {
      throw invalid(template, "unknown token '{" + body + "}' at position " + position);
    }
    String path = body.substring(FIELD_PREFIX.length());
    if (path.isEmpty()) {
      throw invalid(template, "empty field path in token '{" + body + "}' at position " + position);
    }
    try {
      return new FieldPart(FieldPath.parse(path));
    } catch (IllegalArgumentException e) {
      throw invalid(template, "field path '" + path + "' " + e.getMessage() + " in token '{" + body + "}' at position "
          + position);
    }
  }

  private static IllegalArgumentException invalid(String template, String what) {
    return new IllegalArgumentException("Invalid routing template '" + template + "': " + what + ": " + ALLOWED);
  }

  /** One piece of a template. */
  private sealed interface Part permits LiteralPart, StreamPart, PartitionPart, FieldPart {
    Lookup value(SourceRecord record, Map<String, Object> event);
  }

  private record LiteralPart(String text) implements Part {
    @Override
    public Lookup value(SourceRecord record, Map<String, Object> event) {
      return new Lookup.Found(text);
    }
  }

  private record StreamPart() implements Part {
    @Override
    public Lookup value(SourceRecord record, Map<String, Object> event) {
      return new Lookup.Found(record.stream());
    }
  }

  private record PartitionPart() implements Part {
    @Override
    public Lookup value(SourceRecord record, Map<String, Object> event) {
      return new Lookup.Found(record.partition());
    }
  }

  private record FieldPart(FieldPath path) implements Part {
    @Override
    public Lookup value(SourceRecord record, Map<String, Object> event) {
      Lookup value = path.textIn(event);
      return value instanceof Lookup.Absent absent
          ? new Lookup.Absent("routing field '" + path + "' " + absent.reason())
          : value;
    }
  }
}
