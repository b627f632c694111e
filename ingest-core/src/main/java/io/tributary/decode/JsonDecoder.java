package io.tributary.decode;

import static io.tributary.decode.DecodeFailures.failed;

import com.fasterxml.jackson.core.JsonFactory;
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
import java.util.List;
import java.util.Objects;

/**
 * Decodes one payload into the value model described in the {@linkplain io.tributary.decode package documentation},
 * or into a {@link DecodeError}. Never throws for any content of the bytes.
 *
 * <p>Checks run cheapest first and the first failure wins: size ({@code OVERSIZE}), UTF-8, empty payload, then one
 * streaming pass that builds the event and fails on nesting ({@code TOO_DEEP}), malformed JSON, NaN/Infinity and
 * escaped lone surrogates, and finally trailing content. Within the size limit, a payload is first read straight
 * from its bytes by {@link PlainJsonReader}, which checks UTF-8 as it goes and shares field names across records
 * ({@link FieldNames}); whatever it does not read exactly as Jackson would (escapes, invalid UTF-8, errors of any
 * kind) takes the checks above and the streaming pass, so the first failure is worded as before.
 *
 * <p>Nesting is walked with an explicit stack, never recursion, so no input can overflow the thread's stack.
 * Numbers are turned into values by {@link JsonNumbers}, strings checked by {@link Surrogates}, the raw bytes by
 * {@link PayloadBytes}, and every failure is worded by {@link DecodeFailures}.
 * Thread-safe: one instance (and its one Jackson {@link JsonFactory}) serves all threads.
 */
public final class JsonDecoder {

  private static final int INITIAL_STACK = 16;
  /** Not yet scanned for UTF-8 ({@link Utf8Validator#scan} gives an index, VALID or VALID_WITH_BACKSLASH). */
  private static final int NOT_SCANNED = Integer.MIN_VALUE;

  private final DecodeLimits limits;
  private final JsonFactory factory;
  private final FieldNames names = new FieldNames();

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
    return decode(bytes, offset, length, true, null);
  }

  /**
   * Decodes a whole array as {@link #decode(byte[])} does, leaving an event that the fast path reads in {@code tape}:
   * the result's event is then a {@link TapeEvent}, a view valid until {@code tape} is filled again, and its
   * duplicate keys are not counted (0; the view reads a repeated key's last value, as the event would hold it).
   * Other events, and every failure, come as {@link #decode(byte[])} gives them.
   *
   * @param tape the calling thread's tape, reused payload after payload
   */
  public DecodeResult decode(byte[] bytes, Tape tape) {
    Objects.requireNonNull(bytes, "bytes may not be null");
    Objects.requireNonNull(tape, "tape may not be null");
    return decode(bytes, 0, bytes.length, true, tape);
  }

  /** {@link #decode(byte[], int, int)} through the Jackson path only: what the fast path must agree with. */
  DecodeResult decodeWithJackson(byte[] bytes) {
    return decode(bytes, 0, bytes.length, false, null);
  }

  private DecodeResult decode(byte[] bytes, int offset, int length, boolean fastPath, Tape tape) {
    Objects.requireNonNull(bytes, "bytes may not be null");
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (length > limits.maxRecordBytes()) {
      return failed(
          ErrorType.OVERSIZE,
          "record is " + length + " bytes, over the limit of " + limits.maxRecordBytes() + " bytes");
    }
    int end = offset + length;
    int start = PayloadBytes.hasBom(bytes, offset, end) ? offset + 3 : offset;
    // A thread whose last payload held an escape scans first, as every payload once did: a stream of escaped
    // payloads (Python's ensure_ascii, PHP's \/) then skips the fast path instead of reading each one partway.
    int utf8 = tape != null && tape.escaped() ? Utf8Validator.scan(bytes, offset, end) : NOT_SCANNED;
    if (fastPath && (utf8 == NOT_SCANNED || utf8 == Utf8Validator.VALID)) {
      // Most events, read straight from their bytes (PlainJsonReader), which validates UTF-8 as it reads and gives
      // up on anything it does not read exactly as Jackson does: an escape, invalid UTF-8, an error of any kind.
      // What it reads passes every check below, so only what it gives up takes them, in their order.
      if (tape != null) {
        if (PlainJsonReader.fill(tape, bytes, start, end, limits.maxDepth(), names)) {
          tape.escaped(false);
          return new DecodeResult.Decoded(new TapeEvent(tape), 0);
        }
      } else {
        DecodeResult plain = PlainJsonReader.read(bytes, start, end, limits.maxDepth(), names);
        if (plain != null) {
          return plain;
        }
      }
    }
    if (utf8 == NOT_SCANNED) {
      utf8 = Utf8Validator.scan(bytes, offset, end);
    }
    if (tape != null) {
      tape.escaped(utf8 == Utf8Validator.VALID_WITH_BACKSLASH);
    }
    if (utf8 >= 0) {
      return failed(
          ErrorType.DECODE,
          "invalid UTF-8 at byte " + (utf8 - offset) + ": " + Utf8Validator.describe(bytes, utf8, end));
    }
    if (start > offset && PayloadBytes.hasBom(bytes, start, end)) {
      // Jackson skips a byte order mark at the start of what it is given too: it would take a second one.
      return failed(ErrorType.DECODE, "malformed JSON at byte 3: a second byte order mark");
    }
    if (PayloadBytes.skipWhitespace(bytes, start, end) == end) {
      return failed(ErrorType.DECODE, "empty payload");
    }
    int nul = PayloadBytes.nulInEncodingGuess(bytes, start, end);
    if (nul >= 0) {
      return failed(
          ErrorType.DECODE,
          "malformed JSON at byte " + (nul - offset)
              + ": NUL byte (the payload must be UTF-8 JSON; UTF-16 and UTF-32 are not accepted)");
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
        return DecodeFailures.notAnObject(parser, first, base, limits.maxDepth());
      }
      DecodeResult result = readObject(parser, base, checkSurrogates);
      if (result instanceof DecodeResult.Decoded) {
        int after = start + (int) parser.currentLocation().getByteOffset();
        int trailing = PayloadBytes.skipWhitespace(bytes, after, end);
        if (trailing < end) {
          return failed(ErrorType.DECODE, "trailing content after the JSON object at byte " + (trailing - offset));
        }
      }
      return result;
    } catch (StreamConstraintsException e) {
      return DecodeFailures.tooLong(e, parser, base);
    } catch (JsonProcessingException e) {
      return DecodeFailures.malformed(e, parser, base);
    } catch (IOException | RuntimeException e) {
      return DecodeFailures.unparseable(e, parser, base);
    } finally {
      close(parser);
    }
  }

  /** Builds the top-level object; the parser stands on its START_OBJECT. */
  private DecodeResult readObject(JsonParser parser, long base, boolean checkSurrogates) throws IOException {
    // Room for a typical event's fields: the root grows at most once or twice.
    JsonObject root = new JsonObject(16);
    Object[] stack = new Object[INITIAL_STACK];
    stack[0] = root;
    int depth = 1;
    Object container = root;
    String name = null;
    int duplicates = 0;
    while (depth > 0) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return DecodeFailures.unexpectedEnd(parser, base);
      }
      Object value;
      switch (token) {
        case FIELD_NAME -> {
          name = parser.currentName();
          if (checkSurrogates && Surrogates.loneSurrogate(name) >= 0) {
            return DecodeFailures.loneSurrogate(parser, name, base);
          }
          continue;
        }
        case START_OBJECT, START_ARRAY -> {
          if (depth >= limits.maxDepth()) {
            return DecodeFailures.tooDeep(parser, base, limits.maxDepth());
          }
          Object child = token == JsonToken.START_OBJECT ? new JsonObject() : new ArrayList<>();
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
          if (checkSurrogates && Surrogates.loneSurrogate(text) >= 0) {
            return DecodeFailures.loneSurrogate(parser, text, base);
          }
          value = text;
        }
        case VALUE_NUMBER_INT -> value = JsonNumbers.integer(parser);
        case VALUE_NUMBER_FLOAT -> {
          if (parser.isNaN()) {
            return DecodeFailures.nonNumeric(parser, base);
          }
          value = JsonNumbers.fraction(parser);
        }
        case VALUE_TRUE -> value = Boolean.TRUE;
        case VALUE_FALSE -> value = Boolean.FALSE;
        case VALUE_NULL -> value = null;
        default -> {
          return DecodeFailures.unexpectedToken(parser, token, base);
        }
      }
      duplicates += add(container, name, value);
    }
    return new DecodeResult.Decoded(root, duplicates);
  }

  /** Adds a value to the open object or array; returns 1 if it replaced a duplicate key, else 0. */
  @SuppressWarnings("unchecked")
  private static int add(Object container, String name, Object value) {
    if (container instanceof JsonObject map) {
      int before = map.size();
      map.put(name, value); // last wins; the key keeps its first position
      return map.size() == before ? 1 : 0;
    }
    ((List<Object>) container).add(value);
    return 0;
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
}
