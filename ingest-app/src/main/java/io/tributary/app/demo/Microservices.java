package io.tributary.app.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Simulated microservices: each writes JSON events to its own topic, and their schemas drift as a real fleet's do
 * — new fields appear, nested objects grow, a number turns into a string, camelCase and snake_case mix, arrays of
 * objects gain members — while about 1% of the records are broken.
 */
final class Microservices {

  /** The services, one topic each. */
  static final List<String> SERVICES = List.of("orders", "payments", "users", "inventory", "shipping",
      "notifications", "auth", "search", "cart", "reviews", "recommendations", "pricing", "billing", "fraud",
      "analytics", "emails", "catalog", "returns", "loyalty", "ads", "sessions", "support");

  private final Random random;
  private final long startMillis;

  Microservices(long seed, long startMillis) {
    this.random = new Random(seed);
    this.startMillis = startMillis;
  }

  /** The {@code n}-th event of {@code service}; {@code progress} (0 to 1) drives the drift. */
  byte[] event(String service, long n, double progress) {
    int roll = random.nextInt(1000);
    if (roll < 4) {
      return ("{\"service\": \"" + service + "\", \"n\": " + n + ", \"cut\": ").getBytes(StandardCharsets.UTF_8);
    }
    if (roll < 7) {
      return new byte[] {'{', '"', 'x', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    }
    if (roll < 10) {
      return ("[\"not\", \"an\", \"object\", " + n + "]").getBytes(StandardCharsets.UTF_8);
    }
    long ts = startMillis + n * 37 % 3_600_000;
    StringBuilder json = new StringBuilder(256).append('{');
    field(json, "event_id", "\"" + service.charAt(0) + Long.toHexString(random.nextLong()) + "\"");
    field(json, "ts", Long.toString(ts));
    field(json, "service", "\"" + service + "\"");
    int index = SERVICES.indexOf(service);
    field(json, "amount", Integer.toString(random.nextInt(100_000)));
    if (progress > 0.2) {
      field(json, index % 2 == 0 ? "userId" : "user_id", Integer.toString(random.nextInt(5000)));
    }
    if (progress > 0.35) {
      field(json, "device", "{\"os\": \"" + (random.nextBoolean() ? "ios" : "android") + "\", \"version\": "
          + (1 + random.nextInt(20)) + (progress > 0.6 ? ", \"locale\": \"en-" + (char) ('A' + random.nextInt(26))
          + "\"" : "") + "}");
    }
    if (progress > 0.5) {
      field(json, "price", random.nextInt(4) == 0 ? "\"" + random.nextInt(500) + " EUR\""
          : random.nextInt(500) + "." + random.nextInt(100));
    }
    if (progress > 0.65 && index % 3 == 0) {
      field(json, "items", "[{\"sku\": \"s" + random.nextInt(900) + "\", \"qty\": " + (1 + random.nextInt(4))
          + "}" + (progress > 0.8 ? ", {\"sku\": \"s" + random.nextInt(900) + "\", \"qty\": 1, \"gift\": true}"
          : "") + "]");
    }
    if (progress > 0.75 && index % 4 == 1) {
      field(json, "Tracking-Code", "\"T" + random.nextInt(1_000_000) + "\"");
    }
    if (progress > 0.9) {
      field(json, "schema_rev", Integer.toString(2 + index % 3));
    }
    json.setLength(json.length() - 2);
    return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void field(StringBuilder json, String name, String value) {
    json.append('"').append(name).append("\": ").append(value).append(", ");
  }
}
