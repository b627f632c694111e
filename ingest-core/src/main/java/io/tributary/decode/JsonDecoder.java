package io.tributary.decode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.tributary.error.ErrorType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decodes one payload into the value model described in the {@linkplain io.tributary.decode package documentation},
 * or into a {@link DecodeError}. Never throws for any content of the bytes.
 *
 * <p>Checks run cheapest first and the first failure wins: size ({@code OVERSIZE}), UTF-8, empty payload, then one
 * streaming pass that builds the event and fails on nesting ({@code TOO_DEEP}), malformed JSON, NaN/Infinity and
 * escaped lone surrogates, and finally trailing content.
 *
 * <p>Nesting is walked with an explicit stack, never recursion, so no input can overflow the thread's stack.
 * Thread-safe: one instance (and its one Jackson {@link JsonFactory}) serves all threads.
 */
public final class JsonDecoder {

  private static final int INITIAL_STACK = 16;

  private final DecodeLimits limits;
  private final JsonFactory factory;

  /**
   * A decoder enforcing the given limits.
   *
   * @param limits the size and depth limits, may not be null
   */
  public JsonDecoder(DecodeLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits may not be null");
    this.factory = newFactory(limits);
  }

  private static JsonFactory newFactory(DecodeLimits limits) {
    // Jackson's own limits sit at or beyond ours so that ours fire first with our reasons; only the number-length
    // limit stays at Jackson's default (1000 characters), which keeps huge numbers from costing quadratic time.
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxDepth() == Integer.MAX_VALUE ? Integer.MAX_VALUE : limits.maxDepth() + 1)
            .maxDocumentLength(limits.maxRecordBytes())
            .maxStringLength(limits.maxRecordBytes())
            .maxNameLength(limits.maxRecordBytes())
            .build();
    return JsonFactory.builder()
        .streamReadConstraints(constraints)
        // Lets NaN/Infinity through as tokens so that we reject them with our own reason, without an exception.
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
        // Keys are still canonicalized (shared across records), but String.intern would let arbitrary keys fill the
        // JVM's string table.
        .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
        .build();
  }

  /** The limits this decoder enforces. */
  public DecodeLimits limits() {
    return limits;
  }

  /**
   * Decodes a whole array.
   *
   * @param bytes the payload, may not be null
   * @return the event or the reason there is none, never null
   */
  public DecodeResult decode(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes may not be null");
    return decode(bytes, 0, bytes.length);
  }

  /**
   * Decodes {@code bytes[offset, offset + length)}. Byte offsets in error reasons count from {@code offset}.
   *
   * @param bytes the buffer, may not be null
   * @param offset where the payload starts
   * @param length the payload's length in bytes
   * @return the event or the reason there is none, never null
   * @throws IndexOutOfBoundsException if offset and length do not describe a range of {@code bytes}
   */
  public DecodeResult decode(byte[] bytes, int offset, int length) {
    Objects.requireNonNull(bytes, "bytes may not be null");
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (length > limits.maxRecordBytes()) {
      return failed(
          ErrorType.OVERSIZE,
          "record is " + length + " bytes, over the limit of " + limits.maxRecordBytes() + " bytes");
    }
    int end = offset + length;
    int utf8 = Utf8Validator.scan(bytes, offset, end);
    if (utf8 >= 0) {
      return failed(
          ErrorType.DECODE,
          "invalid UTF-8 at byte " + (utf8 - offset) + ": " + Utf8Validator.describe(bytes, utf8, end));
    }
    int start = hasBom(bytes, offset, end) ? offset + 3 : offset;
    if (start > offset && hasBom(bytes, start, end)) {
      // Jackson skips a byte order mark at the start of what it is given too: it would take a second one.
      return failed(ErrorType.DECODE, "malformed JSON at byte 3: a second byte order mark");
    }
    if (skipWhitespace(bytes, start, end) == end) {
      return failed(ErrorType.DECODE, "empty payload");
    }
    // Jackson guesses UTF-16/UTF-32 from NUL bytes among the first four; valid UTF-8 JSON has none anywhere.
    for (int i = start; i < Math.min(start + 4, end); i++) {
      if (bytes[i] == 0) {
        return failed(
            ErrorType.DECODE,
            "malformed JSON at byte " + (i - offset)
                + ": NUL byte (the payload must be UTF-8 JSON; UTF-16 and UTF-32 are not accepted)");
      }
    }
    return parse(bytes, offset, start, end, utf8 == Utf8Validator.VALID_WITH_BACKSLASH);
  }

  private DecodeResult parse(byte[] bytes, int offset, int start, int end, boolean checkSurrogates) {
    long base = start - offset; // Jackson counts from start; reasons count from offset
    JsonParser parser = null;
    try {
      parser = factory.createParser(bytes, start, end - start);
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        return notAnObject(parser, first, base);
      }
      DecodeResult result = readObject(parser, base, checkSurrogates);
      if (result instanceof DecodeResult.Decoded) {
        int after = start + (int) parser.currentLocation().getByteOffset();
        int trailing = skipWhitespace(bytes, after, end);
        if (trailing < end) {
          return failed(ErrorType.DECODE, "trailing content after the JSON object at byte " + (trailing - offset));
        }
      }
      return result;
    } catch (StreamConstraintsException e) {
      return failed(
          ErrorType.DECODE, "value too long at byte " + offset(e, parser, base) + ": " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      return failed(ErrorType.DECODE, "malformed JSON at byte " + offset(e, parser, base) + ": " + clean(e));
    } catch (IOException | RuntimeException e) {
      // Not expected from an in-memory parse; a safety net so that no payload can stop the pipeline.
      return failed(ErrorType.DECODE, "could not parse JSON at byte " + offset(null, parser, base) + ": " + e);
    } finally {
      close(parser);
    }
  }

  /** Builds the top-level object; the parser stands on its START_OBJECT. */
  private DecodeResult readObject(JsonParser parser, long base, boolean checkSurrogates) throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    Object[] stack = new Object[INITIAL_STACK];
    stack[0] = root;
    int depth = 1;
    Object container = root;
    String name = null;
    int duplicates = 0;
    while (depth > 0) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return failed(ErrorType.DECODE, "malformed JSON at byte " + position(parser, base) + ": unexpected end");
      }
      Object value;
      switch (token) {
        case FIELD_NAME -> {
          name = parser.currentName();
          if (checkSurrogates && loneSurrogate(name) >= 0) {
            return loneSurrogateError(parser, name, base);
          }
          continue;
        }
        case START_OBJECT, START_ARRAY -> {
          if (depth >= limits.maxDepth()) {
            return tooDeep(parser, base);
          }
          Object child = token == JsonToken.START_OBJECT ? new LinkedHashMap<String, Object>() : new ArrayList<>();
          duplicates += add(container, name, child);
          if (depth == stack.length) {
            stack = Arrays.copyOf(stack, depth * 2);
          }
          stack[depth++] = child;
          container = child;
          continue;
        }
        case END_OBJECT, END_ARRAY -> {
          stack[--depth] = null;
          container = depth > 0 ? stack[depth - 1] : null;
          continue;
        }
        case VALUE_STRING -> {
          String text = parser.getText();
          if (checkSurrogates && loneSurrogate(text) >= 0) {
            return loneSurrogateError(parser, text, base);
          }
          value = text;
        }
        case VALUE_NUMBER_INT -> value = integer(parser);
        case VALUE_NUMBER_FLOAT -> {
          if (parser.isNaN()) {
            return nonNumeric(parser, base);
          }
          double d = parser.getDoubleValue();
          value = Double.isInfinite(d) ? new BigNumber(parser.getText()) : (Object) d;
        }
        case VALUE_TRUE -> value = Boolean.TRUE;
        case VALUE_FALSE -> value = Boolean.FALSE;
        case VALUE_NULL -> value = null;
        default -> {
          return failed(
              ErrorType.DECODE, "malformed JSON at byte " + tokenStart(parser, base) + ": unexpected " + token);
        }
      }
      duplicates += add(container, name, value);
    }
    return new DecodeResult.Decoded(root, duplicates);
  }

  private DecodeResult tooDeep(JsonParser parser, long base) {
    return failed(
        ErrorType.TOO_DEEP,
        "nesting deeper than the limit of " + limits.maxDepth() + " levels at byte " + tokenStart(parser, base));
  }

  private static Object integer(JsonParser parser) throws IOException {
    if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      return new BigNumber(parser.getText());
    }
    return parser.getLongValue();
  }

  /** Adds a value to the open object or array; returns 1 if it replaced a duplicate key, else 0. */
  @SuppressWarnings("unchecked")
  private static int add(Object container, String name, Object value) {
    if (container instanceof Map<?, ?>) {
      Map<String, Object> map = (Map<String, Object>) container;
      int before = map.size();
      map.put(name, value); // last wins; the key keeps its first position
      return map.size() == before ? 1 : 0;
    }
    ((List<Object>) container).add(value);
    return 0;
  }

  /**
   * Names the top-level value that is not an object. An array is first walked to its end, because nesting past the
   * limit is reported as {@code TOO_DEEP} whatever the top-level value.
   */
  private DecodeResult notAnObject(JsonParser parser, JsonToken first, long base) throws IOException {
    if (first == JsonToken.START_ARRAY) {
      int depth = 1;
      try {
        while (depth > 0) {
          JsonToken t = parser.nextToken();
          if (t == null) {
            break;
          }
          if (t.isStructStart() && ++depth > limits.maxDepth()) {
            return tooDeep(parser, base);
          } else if (t.isStructEnd()) {
            depth--;
          }
        }
      } catch (JsonProcessingException malformedArray) {
        // The top-level value is an array whether or not it is well formed: that is the reason to report.
      }
    }
    if (first == JsonToken.VALUE_NUMBER_FLOAT && parser.isNaN()) {
      return nonNumeric(parser, base);
    }
    return failed(ErrorType.DECODE, "not a JSON object: found " + kind(first));
  }

  private static String kind(JsonToken token) {
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case START_ARRAY -> "array";
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      case VALUE_NULL -> "null";
      default -> token.toString();
    };
  }

  private static DecodeResult nonNumeric(JsonParser parser, long base) throws IOException {
    return failed(
        ErrorType.DECODE,
        "NaN and Infinity are not JSON numbers: found " + parser.getText() + " at byte " + tokenStart(parser, base));
  }

  /** Index of the first unpaired surrogate in {@code s}, or -1. Only reachable through {@code \}{@code u} escapes. */
  static int loneSurrogate(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      }
    }
    return -1;
  }

  private static DecodeResult loneSurrogateError(JsonParser parser, String text, long base) {
    char c = text.charAt(loneSurrogate(text));
    return failed(
        ErrorType.DECODE,
        String.format(
            "invalid string at byte %d: escaped lone surrogate \\u%04X has no UTF-8 encoding",
            tokenStart(parser, base), (int) c));
  }

  private static boolean hasBom(byte[] bytes, int offset, int end) {
    return end - offset >= 3 && bytes[offset] == (byte) 0xEF && bytes[offset + 1] == (byte) 0xBB
        && bytes[offset + 2] == (byte) 0xBF;
  }

  /** The index of the first byte at or after {@code i} that is not JSON whitespace, or {@code end}. */
  private static int skipWhitespace(byte[] bytes, int i, int end) {
    while (i < end) {
      byte b = bytes[i];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return i;
      }
      i++;
    }
    return end;
  }

  private static long tokenStart(JsonParser parser, long base) {
    return parser.currentTokenLocation().getByteOffset() + base;
  }

  private static long position(JsonParser parser, long base) {
    return parser.currentLocation().getByteOffset() + base;
  }

  private static long offset(JsonProcessingException e, JsonParser parser, long base) {
    JsonLocation location = e == null ? null : e.getLocation();
    if (location != null && location.getByteOffset() >= 0) {
      return location.getByteOffset() + base;
    }
    return parser == null ? base : position(parser, base);
  }

  /** Jackson's message without the parts that would mislead here. Error path only. */
  private static String clean(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (message == null) {
      return e.getClass().getSimpleName();
    }
    return message
        // We enable non-numeric numbers only to reject them with our own reason; they are not valid input.
        .replace("Number (or 'NaN'/'+INF'/'-INF')", "Number")
        .replace("[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); ", "[");
  }

  private static void close(JsonParser parser) {
    if (parser == null) {
      return;
    }
    try {
      parser.close();
    } catch (IOException | RuntimeException ignored) {
      // Closing an in-memory parser only returns buffers to their pool; nothing to report.
    }
  }

  private static DecodeResult failed(ErrorType type, String reason) {
    return new DecodeResult.Failed(new DecodeError(type, reason));
  }
}
