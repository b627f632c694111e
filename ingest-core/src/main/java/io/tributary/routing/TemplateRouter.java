package io.tributary.routing;

import io.tributary.decode.FieldPath.Lookup;
import io.tributary.source.SourceRecord;
import java.util.Map;
import java.util.Objects;

/** Routes by rendering a {@link RoutingTemplate}; every router {@link DatasetRouters} makes is one of these. */
final class TemplateRouter implements DatasetRouter {
  private final RoutingTemplate template;
  private final RouteResult.Routed fallback;

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
      return DatasetNames.resolve(found.text());
    }
    return fallback != null ? fallback : new RouteResult.Unroutable(((Lookup.Absent) rendered).reason());
  }

  @Override
  public String toString() {
    return "DatasetRouter[template=" + template + ", fallback=" + (fallback == null ? "none" : fallback.dataset())
        + "]";
  }
}
