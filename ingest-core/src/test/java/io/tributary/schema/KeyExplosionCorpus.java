package io.tributary.schema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Events like the {@code clicks} stream of issue 21: each carries a few of thousands of feature flags under
 * {@code attributes}; and, for contrast, a service whose schema grows by releases.
 */
final class KeyExplosionCorpus {
  static final int FLAGS = 3000;
  static final int FLAGS_PER_EVENT = 3;

  private KeyExplosionCorpus() {}

  /** Click {@code i}: a user, a page and {@value #FLAGS_PER_EVENT} distinct flags out of {@value #FLAGS}. */
  static Map<String, Object> click(Random random, int i) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    while (attributes.size() < FLAGS_PER_EVENT) {
      attributes.put(String.format("ff_%04d", random.nextInt(FLAGS)), random.nextBoolean());
    }
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("user", "u" + (i % 97));
    event.put("page", "/p/" + (i % 13));
    event.put("attributes", attributes);
    return event;
  }

  /**
   * Event {@code i} of a service that adds a field every {@code everyEvents} events (release {@code r} has fields
   * {@code field_0..field_r}), at the top level and under {@code context}; every event carries all of its release's.
   */
  static Map<String, Object> release(int i, int everyEvents) {
    int release = i / everyEvents;
    Map<String, Object> context = new LinkedHashMap<>();
    Map<String, Object> event = new LinkedHashMap<>();
    for (int f = 0; f <= release; f++) {
      context.put("setting" + f, (long) i);
      event.put("field_" + f, "v" + i);
    }
    event.put("context", context);
    return event;
  }
}
