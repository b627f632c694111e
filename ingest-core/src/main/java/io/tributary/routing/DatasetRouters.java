package io.tributary.routing;

import io.tributary.decode.FieldPath;
import java.util.Objects;

/**
 * The ways to choose a record's dataset. Each factory validates its arguments at once, so a bad routing setting
 * fails when the pipeline starts, never on a record.
 *
 * <p>Every dataset name a router produces, the fallback included, goes through {@link DatasetNames}. When the
 * routing field of a record is missing, null, an object or an array, the record goes to the fallback dataset if
 * one is configured, else it is {@link RouteResult.Unroutable}. A field value whose dataset name has no usable
 * characters (an empty string, {@code "---"}) is unroutable even with a fallback: the field was there and said
 * something unusable, which an operator should see rather than have hidden in the fallback.
 */
public final class DatasetRouters {
  private DatasetRouters() {}

  /** One dataset per topic or stream, named after it: the default. */
  public static DatasetRouter byStream() {
    return new TemplateRouter(RoutingTemplate.ofStream(), null);
  }

  /**
   * The dataset named by a field of the event. Strings are taken as they are; integers, doubles, booleans and big
   * numbers as their JSON text ({@code Double.toString} for doubles).
   *
   * @param path a dotted path to the field, like {@code type} or {@code meta.type}; each segment names a key of a
   *     nested object; may not be null or have empty segments
   * @param fallbackDataset the dataset for records whose field is missing, null, an object or an array; null for
   *     none, which makes such records unroutable
   * @throws IllegalArgumentException if the path or the fallback is invalid
   */
  public static DatasetRouter byField(String path, String fallbackDataset) {
    Objects.requireNonNull(path, "path may not be null");
    FieldPath fieldPath;
    try {
      fieldPath = FieldPath.parse(path);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid routing field path '" + path + "': it " + e.getMessage()
          + ": use a dotted path of non-empty field names, like meta.type", e);
    }
    return new TemplateRouter(RoutingTemplate.ofField(fieldPath), fallback(fallbackDataset));
  }

  /**
   * The dataset named by a template of literal text and tokens, parsed once here:
   * <ul>
   *   <li>{@code {topic}} and {@code {stream}}: the record's topic or stream name (the same thing);</li>
   *   <li>{@code {partition}}: the record's partition or shard;</li>
   *   <li>{@code {field:a.b}}: the value at a dotted path of the event, as for {@link #byField(String, String)}.</li>
   * </ul>
   * Example: {@code {topic}_{field:type}}. Braces cannot appear in literal text (they would be dropped from the
   * dataset name anyway). The whole rendered text is sanitized once, so {@code {topic}-{field:type}} with topic
   * {@code Orders} and type {@code Created} gives {@code orders_created}.
   *
   * @param template the template; may not be null
   * @param fallbackDataset the dataset for records with a field token whose field is missing, null, an object or an
   *     array; null for none, which makes such records unroutable
   * @throws IllegalArgumentException if the template is invalid (an unknown token, an unclosed or unmatched brace,
   *     an empty field path, an empty template, or a template without tokens whose text has no usable character),
   *     naming the template, the position and what is allowed; or if the fallback is invalid
   */
  public static DatasetRouter template(String template, String fallbackDataset) {
    Objects.requireNonNull(template, "template may not be null");
    return new TemplateRouter(RoutingTemplate.parse(template), fallback(fallbackDataset));
  }

  private static String fallback(String fallbackDataset) {
    if (fallbackDataset == null) {
      return null;
    }
    try {
      return DatasetNames.sanitize(fallbackDataset);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid fallback dataset '" + fallbackDataset
          + "': has no usable characters: " + DatasetNames.USABLE_CHARACTERS_HINT, e);
    }
  }
}
