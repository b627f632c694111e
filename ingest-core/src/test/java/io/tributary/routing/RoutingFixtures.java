package io.tributary.routing;

import io.tributary.source.SourceRecord;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Records and events as the source and the decoder hand them to a router. */
final class RoutingFixtures {
  private RoutingFixtures() {}

  static SourceRecord record(String stream, String partition) {
    return SourceRecord.of(stream, partition, "42", 1_700_000_000_000L, "{}".getBytes(StandardCharsets.UTF_8));
  }

  static SourceRecord record(String stream) {
    return record(stream, "0");
  }

  /** An event from alternating keys and values; values may be null, as in decoded JSON. */
  static Map<String, Object> event(Object... keysAndValues) {
    Map<String, Object> event = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      event.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return event;
  }
}
