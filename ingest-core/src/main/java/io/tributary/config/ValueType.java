package io.tributary.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The type of a configuration value: how a YAML value becomes a Java value, and how the documentation names it.
 * A parse failure is an {@link IllegalArgumentException} saying what is allowed; the caller adds the key.
 */
public interface ValueType<T> {

  T parse(Object raw);

  /** What values are allowed, for documentation and messages. */
  String describe();

  /**
   * {@code value} as a configuration file writes it, such that {@link #parse(Object)} reads it back: the value itself
   * (a text, number, boolean, list or map) unless the type has a text form ({@code 5m}, {@code 128MiB}).
   */
  default Object write(T value) {
    return value;
  }

  ValueType<String> STRING = new ValueType<>() {
    @Override
    public String parse(Object raw) {
      if (raw instanceof Map || raw instanceof List) {
        throw new IllegalArgumentException("expected a text value");
      }
      return String.valueOf(raw);
    }

    @Override
    public String describe() {
      return "text";
    }
  };

  ValueType<Boolean> BOOLEAN = new ValueType<>() {
    @Override
    public Boolean parse(Object raw) {
      String text = String.valueOf(raw).trim().toLowerCase(Locale.ROOT);
      if (text.equals("true") || text.equals("false")) {
        return Boolean.valueOf(text);
      }
      throw new IllegalArgumentException("'" + raw + "' is not allowed: true or false");
    }

    @Override
    public String describe() {
      return "true or false";
    }
  };

  /** Whole numbers from {@code min} to {@code max}. */
  static ValueType<Integer> integer(int min, int max) {
    return new ValueType<>() {
      @Override
      public Integer parse(Object raw) {
        long value;
        try {
          value = Long.parseLong(String.valueOf(raw).trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("'" + raw + "' is not a whole number from " + min + " to " + max);
        }
        if (value < min || value > max) {
          throw new IllegalArgumentException(value + " is out of range: from " + min + " to " + max);
        }
        return (int) value;
      }

      @Override
      public String describe() {
        return "whole number, " + min + " to " + max;
      }
    };
  }

  /** One of {@code words} (lower case). */
  static ValueType<String> oneOf(String... words) {
    List<String> allowed = List.of(words);
    return new ValueType<>() {
      @Override
      public String parse(Object raw) {
        String text = String.valueOf(raw).trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(text)) {
          throw new IllegalArgumentException("'" + raw + "' is not allowed: one of " + String.join(", ", allowed)
              + DidYouMean.suggest(text, allowed).map(s -> " (did you mean '" + s + "'?)").orElse(""));
        }
        return text;
      }

      @Override
      public String describe() {
        return "one of " + String.join(", ", allowed);
      }
    };
  }

  /** A duration such as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h} or {@code 1d}, from {@code min}. */
  static ValueType<Duration> duration(Duration min) {
    return new ValueType<>() {
      @Override
      public Duration parse(Object raw) {
        Duration value = Durations.parse(String.valueOf(raw));
        if (value.compareTo(min) < 0) {
          throw new IllegalArgumentException("'" + raw + "' is too short: at least " + Durations.text(min));
        }
        return value;
      }

      @Override
      public String describe() {
        return "duration (ms, s, m, h, d), at least " + Durations.text(min);
      }

      @Override
      public Object write(Duration value) {
        return Durations.text(value);
      }
    };
  }

  /** A size such as {@code 512KiB}, {@code 128MiB}, {@code 1GiB} or plain bytes, from {@code min}. */
  static ValueType<Long> bytes(long min) {
    Pattern form = Pattern.compile("(\\d+)\\s*(b|kib|mib|gib|kb|mb|gb)?");
    return new ValueType<>() {
      @Override
      public Long parse(Object raw) {
        Matcher m = form.matcher(String.valueOf(raw).trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
          throw new IllegalArgumentException("'" + raw + "' is not a size: a whole number of bytes, or with KiB, MiB"
              + " or GiB (e.g. 128MiB)");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        long value = switch (unit) {
          case "kib", "kb" -> n << 10;
          case "mib", "mb" -> n << 20;
          case "gib", "gb" -> n << 30;
          default -> n;
        };
        if (value < min) {
          throw new IllegalArgumentException("'" + raw + "' is too small: at least " + min + " bytes");
        }
        return value;
      }

      @Override
      public String describe() {
        return "size (bytes, KiB, MiB, GiB), at least " + min + " bytes";
      }

      @Override
      public Object write(Long value) {
        for (int shift = 30; shift >= 10; shift -= 10) {
          if (value != 0 && value % (1L << shift) == 0) {
            return (value >> shift) + (shift == 30 ? "GiB" : shift == 20 ? "MiB" : "KiB");
          }
        }
        return value;
      }
    };
  }

  /** A list of texts (a YAML list, or one comma-separated text). */
  ValueType<List<String>> STRING_LIST = new ValueType<>() {
    @Override
    public List<String> parse(Object raw) {
      List<String> values = new ArrayList<>();
      if (raw instanceof List<?> list) {
        for (Object item : list) {
          if (item instanceof Map || item instanceof List) {
            throw new IllegalArgumentException("expected a list of texts");
          }
          values.add(String.valueOf(item).trim());
        }
      } else if (raw instanceof Map) {
        throw new IllegalArgumentException("expected a list of texts");
      } else {
        for (String item : String.valueOf(raw).split(",")) {
          if (!item.isBlank()) {
            values.add(item.trim());
          }
        }
      }
      return List.copyOf(values);
    }

    @Override
    public String describe() {
      return "list of texts";
    }
  };

  /** A map of text to text. */
  ValueType<Map<String, String>> STRING_MAP = new ValueType<>() {
    @Override
    public Map<String, String> parse(Object raw) {
      if (!(raw instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException("expected a map of names to values");
      }
      Map<String, String> values = new LinkedHashMap<>();
      map.forEach((k, v) -> {
        if (v instanceof Map || v instanceof List) {
          throw new IllegalArgumentException("the value of '" + k + "' must be a text");
        }
        values.put(String.valueOf(k), String.valueOf(v));
      });
      return Map.copyOf(values);
    }

    @Override
    public String describe() {
      return "map of names to texts";
    }
  };

  /** Whether the value is a whole YAML subtree (map or list) rather than a scalar. */
  default boolean takesSubtree() {
    return this == STRING_MAP || this == STRING_LIST;
  }
}
