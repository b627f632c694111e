package io.tributary.routing;

import io.tributary.decode.FieldPath.Lookup;
import io.tributary.source.SourceRecord;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Routes by rendering a {@link RoutingTemplate}; every router {@link DatasetRouters} makes is one of these. */
final class TemplateRouter implements DatasetRouter {
  private static final int MAX_RESOLVED = 4096;

  private final RoutingTemplate template;
  private final RouteResult.Routed fallback;
  // Rendered texts repeat (a topic, an event type): each is resolved once, up to MAX_RESOLVED of them.
  private final Map<String, RouteResult> resolved = new ConcurrentHashMap<>();

  /**
   * @param fallback the dataset for records whose routing field gives no text, already sanitized; null for none
   */
  TemplateRouter(RoutingTemplate template, String fallback) {
    this.template = Objects.requireNonNull(template, "template may not be null");
    this.fallback = fallback == null ? null : new RouteResult.Routed(fallback);
  }

  @Override
  public RouteResult route(SourceRecord record, Map<String, Object> event) {
    Objects.requireNonNull(record, "record may not be null");
    Objects.requireNonNull(event, "event may not be null");
    Lookup rendered = template.render(record, event);
    if (rendered instanceof Lookup.Found found) {
      return resolve(found.text());
    }
    return fallback != null ? fallback : new RouteResult.Unroutable(((Lookup.Absent) rendered).reason());
  }

  private RouteResult resolve(String text) {
    RouteResult result = resolved.get(text);
    if (result == null) {
      result = DatasetNames.resolve(text);
      if (resolved.size() < MAX_RESOLVED && text.length() <= DatasetNames.MAX_LENGTH) {
        resolved.put(text, result);
      }
    }
    return result;
  }

  @Override
  public String toString() {
    return "DatasetRouter[template=" + template + ", fallback=" + (fallback == null ? "none" : fallback.dataset())
        + "]";
  }
}
