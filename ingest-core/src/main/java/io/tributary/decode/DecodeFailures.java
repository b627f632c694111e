package io.tributary.decode;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.tributary.error.ErrorType;
import java.io.IOException;

/**
 * The {@link DecodeResult.Failed} results of {@link JsonDecoder}, with their reasons. Error path only.
 *
 * <p>Byte offsets in reasons count from the start of the payload: Jackson counts from where it was given the bytes
 * (after a byte order mark), so every offset read from the parser is shifted by {@code base}.
 */
final class DecodeFailures {

  private DecodeFailures() {}

  static DecodeResult failed(ErrorType type, String reason) {
    return new DecodeResult.Failed(new DecodeError(type, reason));
  }

  static DecodeResult tooDeep(JsonParser parser, long base, int maxDepth) {
    return failed(
        ErrorType.TOO_DEEP,
        "nesting deeper than the limit of " + maxDepth + " levels at byte " + tokenStart(parser, base));
  }

  static DecodeResult nonNumeric(JsonParser parser, long base) throws IOException {
    return failed(
        ErrorType.DECODE,
        "NaN and Infinity are not JSON numbers: found " + parser.getText() + " at byte " + tokenStart(parser, base));
  }

  /** {@code text}, just read by {@code parser}, has an unpaired surrogate (see {@link Surrogates}). */
  static DecodeResult loneSurrogate(JsonParser parser, String text, long base) {
    char c = text.charAt(Surrogates.loneSurrogate(text));
    return failed(
        ErrorType.DECODE,
        String.format(
            "invalid string at byte %d: escaped lone surrogate \\u%04X has no UTF-8 encoding",
            tokenStart(parser, base), (int) c));
  }

  static DecodeResult unexpectedEnd(JsonParser parser, long base) {
    return failed(ErrorType.DECODE, "malformed JSON at byte " + position(parser, base) + ": unexpected end");
  }

  static DecodeResult unexpectedToken(JsonParser parser, JsonToken token, long base) {
    return failed(ErrorType.DECODE, "malformed JSON at byte " + tokenStart(parser, base) + ": unexpected " + token);
  }

  /**
   * Names the top-level value that is not an object. An array is first walked to its end, because nesting past the
   * limit is reported as {@code TOO_DEEP} whatever the top-level value.
   */
  static DecodeResult notAnObject(JsonParser parser, JsonToken first, long base, int maxDepth) throws IOException {
    if (first == JsonToken.START_ARRAY) {
      int depth = 1;
      try {
        while (depth > 0) {
          JsonToken t = parser.nextToken();
          if (t == null) {
            break;
          }
          if (t.isStructStart() && ++depth > maxDepth) {
            return tooDeep(parser, base, maxDepth);
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

  /** A string, name or number longer than Jackson's limits allow. {@code parser} may be null. */
  static DecodeResult tooLong(StreamConstraintsException e, JsonParser parser, long base) {
    return failed(
        ErrorType.DECODE, "value too long at byte " + offset(e, parser, base) + ": " + e.getOriginalMessage());
  }

  /** Jackson's own syntax error. {@code parser} may be null. */
  static DecodeResult malformed(JsonProcessingException e, JsonParser parser, long base) {
    return failed(ErrorType.DECODE, "malformed JSON at byte " + offset(e, parser, base) + ": " + clean(e));
  }

  /**
   * Not expected from an in-memory parse; a safety net so that no payload can stop the pipeline. {@code parser} may
   * be null.
   */
  static DecodeResult unparseable(Exception e, JsonParser parser, long base) {
    return failed(ErrorType.DECODE, "could not parse JSON at byte " + offset(null, parser, base) + ": " + e);
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

  /** Jackson's message without the parts that would mislead here. */
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
}
