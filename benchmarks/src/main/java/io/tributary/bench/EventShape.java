package io.tributary.bench;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The three event shapes the benchmarks measure, generated deterministically from a seed and an index: the same
 * arguments give the same bytes on every machine, so runs compare.
 *
 * <ul>
 *   <li>{@link #SMALL}: about 300 bytes, 12 flat fields (strings, integers, a double, a boolean);</li>
 *   <li>{@link #NESTED}: about 1 KB, 40 leaf fields, nested objects and an array of objects;</li>
 *   <li>{@link #WIDE}: 200 flat fields, a quarter each strings, integers, doubles and booleans.</li>
 * </ul>
 *
 * <p>Every event has {@code ts}, epoch milliseconds, as its event time. Values vary per index (ids, prices,
 * counters), categorical fields draw from small sets as real events do, so dictionary encoding sees what it would.
 */
public enum EventShape {
  SMALL {
    @Override
    void write(StringBuilder out, SplittableRandom random, long index, long ts) {
      out.append("{\"ts\":").append(ts)
          .append(",\"event\":\"").append(pick(random, EVENTS)).append('"')
          .append(",\"user_id\":\"u-").append(100_000 + random.nextInt(900_000)).append('"')
          .append(",\"session_id\":\"").append(hex(random, 16)).append('"')
          .append(",\"country\":\"").append(pick(random, COUNTRIES)).append('"')
          .append(",\"device\":\"").append(pick(random, DEVICES)).append('"')
          .append(",\"url\":\"https://shop.example.com/products/").append(random.nextInt(50_000))
          .append("?ref=").append(pick(random, REFS)).append('"')
          .append(",\"price\":").append(price(random))
          .append(",\"quantity\":").append(1 + random.nextInt(9))
          .append(",\"logged_in\":").append(random.nextBoolean())
          .append(",\"seq\":").append(index)
          .append(",\"user_agent\":\"Mozilla/5.0 (").append(pick(random, PLATFORMS))
          .append(") Chrome/").append(120 + random.nextInt(8)).append(".0\"")
          .append('}');
    }
  },
  NESTED {
    @Override
    void write(StringBuilder out, SplittableRandom random, long index, long ts) {
      out.append("{\"ts\":").append(ts)
          .append(",\"event_id\":\"").append(hex(random, 32)).append('"')
          .append(",\"type\":\"order_placed\",\"version\":3")
          .append(",\"customer\":{\"id\":").append(1_000_000 + random.nextInt(9_000_000))
          .append(",\"email\":\"customer").append(random.nextInt(1_000_000)).append("@example.com\"")
          .append(",\"tier\":\"").append(pick(random, TIERS)).append('"')
          .append(",\"address\":{\"street\":\"").append(1 + random.nextInt(999)).append(" Market Street\"")
          .append(",\"city\":\"").append(pick(random, CITIES)).append('"')
          .append(",\"zip\":\"").append(10_000 + random.nextInt(89_999)).append('"')
          .append(",\"country\":\"").append(pick(random, COUNTRIES)).append("\"}}")
          .append(",\"items\":[");
      int items = 2 + random.nextInt(2);
      for (int i = 0; i < items; i++) {
        out.append(i == 0 ? "" : ",")
            .append("{\"sku\":\"SKU-").append(10_000 + random.nextInt(90_000)).append('"')
            .append(",\"name\":\"").append(pick(random, PRODUCTS)).append('"')
            .append(",\"quantity\":").append(1 + random.nextInt(5))
            .append(",\"unit_price\":").append(price(random))
            .append(",\"discount\":").append(random.nextInt(4) * 0.05)
            .append(",\"category\":\"").append(pick(random, CATEGORIES)).append("\"}");
      }
      out.append("],\"payment\":{\"method\":\"").append(pick(random, METHODS)).append('"')
          .append(",\"currency\":\"EUR\",\"amount\":").append(price(random) * items)
          .append(",\"authorized\":").append(random.nextInt(50) != 0)
          .append(",\"card\":{\"brand\":\"").append(pick(random, BRANDS)).append('"')
          .append(",\"last4\":\"").append(1000 + random.nextInt(9000)).append('"')
          .append(",\"exp_month\":").append(1 + random.nextInt(12))
          .append(",\"exp_year\":").append(2026 + random.nextInt(6)).append("}}")
          .append(",\"shipping\":{\"carrier\":\"").append(pick(random, CARRIERS)).append('"')
          .append(",\"service\":\"").append(pick(random, SERVICES)).append('"')
          .append(",\"cost\":").append(price(random) / 10)
          .append(",\"estimated_days\":").append(1 + random.nextInt(7))
          .append(",\"tracking\":\"").append(hex(random, 20)).append("\"}")
          .append(",\"context\":{\"ip\":\"10.").append(random.nextInt(256)).append('.').append(random.nextInt(256))
          .append('.').append(random.nextInt(256)).append('"')
          .append(",\"user_agent\":\"Mozilla/5.0 (").append(pick(random, PLATFORMS))
          .append(") Chrome/").append(120 + random.nextInt(8))
          .append(".0.0.0\"")
          .append(",\"locale\":\"").append(pick(random, LOCALES)).append('"')
          .append(",\"app\":{\"name\":\"storefront\",\"version\":\"").append(4 + random.nextInt(3)).append('.')
          .append(random.nextInt(20)).append('.').append(random.nextInt(10)).append('"')
          .append(",\"build\":").append(20_000 + random.nextInt(500)).append("}}")
          .append(",\"trace\":{\"trace_id\":\"").append(hex(random, 32)).append('"')
          .append(",\"span_id\":\"").append(hex(random, 16)).append('"')
          .append(",\"sampled\":").append(random.nextBoolean()).append('}')
          .append(",\"seq\":").append(index)
          .append('}');
    }
  },
  WIDE {
    @Override
    void write(StringBuilder out, SplittableRandom random, long index, long ts) {
      out.append("{\"ts\":").append(ts);
      for (int i = 1; i < WIDE_FIELDS; i++) {
        out.append(",\"f").append(i < 10 ? "00" : i < 100 ? "0" : "").append(i).append("\":");
        switch (i % 4) {
          case 0 -> out.append('"').append(pick(random, CITIES)).append('"');
          case 1 -> out.append(random.nextInt(1_000_000));
          case 2 -> out.append(price(random));
          default -> out.append(random.nextBoolean());
        }
      }
      out.append('}');
    }
  };

  /** The number of fields of a {@link #WIDE} event. */
  public static final int WIDE_FIELDS = 200;

  private static final String[] EVENTS = {"page_view", "add_to_cart", "checkout", "search", "login", "logout"};
  private static final String[] COUNTRIES = {"DE", "FR", "US", "GB", "NL", "ES", "IT", "PL", "SE", "JP"};
  private static final String[] DEVICES = {"mobile", "desktop", "tablet"};
  private static final String[] REFS = {"home", "search", "email", "ad", "social"};
  private static final String[] PLATFORMS = {"Windows NT 10.0; Win64; x64", "Macintosh; Intel Mac OS X 14_4",
      "X11; Linux x86_64", "iPhone; CPU iPhone OS 17_4 like Mac OS X", "Linux; Android 14; Pixel 8"};
  private static final String[] TIERS = {"free", "silver", "gold", "platinum"};
  private static final String[] CITIES = {"Berlin", "Paris", "New York", "London", "Amsterdam", "Madrid", "Rome",
      "Warsaw", "Stockholm", "Tokyo", "Lisbon", "Vienna"};
  private static final String[] PRODUCTS = {"Espresso machine", "Running shoes", "Wireless headphones",
      "Desk lamp", "Yoga mat", "Backpack", "Water bottle", "Keyboard"};
  private static final String[] CATEGORIES = {"kitchen", "sports", "electronics", "home", "outdoor"};
  private static final String[] METHODS = {"card", "paypal", "sepa", "apple_pay"};
  private static final String[] BRANDS = {"visa", "mastercard", "amex"};
  private static final String[] CARRIERS = {"dhl", "ups", "fedex", "dpd"};
  private static final String[] SERVICES = {"standard", "express", "same_day"};
  private static final String[] LOCALES = {"de-DE", "fr-FR", "en-US", "en-GB", "nl-NL", "es-ES"};
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  abstract void write(StringBuilder out, SplittableRandom random, long index, long ts);

  /** Event {@code index} of this shape with event time {@code ts}, as UTF-8 JSON. */
  public byte[] event(long seed, long index, long ts) {
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index * 7919L + ordinal());
    StringBuilder out = new StringBuilder(1280);
    write(out, random, index, ts);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** {@code count} events from index 0, event times one millisecond apart from {@code firstTs}. */
  public byte[][] events(long seed, int count, long firstTs) {
    byte[][] events = new byte[count][];
    for (int i = 0; i < count; i++) {
      events[i] = event(seed, i, firstTs + i);
    }
    return events;
  }

  private static String pick(SplittableRandom random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static double price(SplittableRandom random) {
    return (100 + random.nextInt(99_900)) / 100.0;
  }

  private static String hex(SplittableRandom random, int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = HEX[random.nextInt(16)];
    }
    return new String(out);
  }
}
