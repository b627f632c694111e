package io.tributary.decode;

import com.fasterxml.jackson.core.io.NumberInput;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The decoder's fast path: reads a payload straight from its bytes into a {@link Tape} (and from there, for callers
 * that want it, into the value model), without a Jackson parser per record (whose setup alone allocated about 600
 * bytes per event), and without a pass of its own to validate UTF-8: a string's bytes are checked where its closing
 * quote is looked for, and outside strings only ASCII is JSON. A payload with a backslash anywhere (an escape) or any
 * byte that is not valid UTF-8 is given up as soon as it is met.
 *
 * <p>It accepts only what it reads the same way as the Jackson path: strict RFC 8259 objects and arrays nested at
 * most {@value #MAX_DEPTH} deep (and no deeper than the limit), strings without control characters, integers of at
 * most 18 digits, and decimals that a double holds: computed with one correctly rounded operation where 15
 * significant digits and a power of ten up to 22 allow it (Clinger's fast path), else by Jackson's
 * {@link NumberInput#parseDouble(String, boolean)} with its fast parser (FastDoubleParser, several times faster than
 * {@link Double#parseDouble} on 16-17 digit decimals, which JavaScript and Java print for most doubles); all give
 * the correctly rounded double, as Jackson's parser does. On anything else (malformed JSON, NaN, longer integers,
 * overflowing decimals, deeper nesting) it gives up and the payload goes to the Jackson path, which decodes it or
 * words the error exactly as before. Recursion is bounded by {@value #MAX_DEPTH}. One instance per payload; not thread-safe.
 */
final class PlainJsonReader {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  /** The last four bytes of {@code true}, {@code false} and {@code null}, as little-endian ints. */
  private static final int TRUE = 't' | 'r' << 8 | 'u' << 16 | 'e' << 24;
  private static final int ALSE = 'a' | 'l' << 8 | 's' << 16 | 'e' << 24;
  private static final int NULL = 'n' | 'u' << 8 | 'l' << 16 | 'l' << 24;
  private static final long QUOTES = 0x2222222222222222L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
  // Subtracted from a word, sets the high bit of a byte below 0x20 (a control character) whose own high bit is clear.
  private static final long CONTROL_LIMIT = 0x2020202020202020L;
  /** Deeper payloads go to the Jackson path, which walks any depth with an explicit stack. */
  static final int MAX_DEPTH = 32;
  private static final int MAX_INT_DIGITS = 18;
  private static final int MAX_SIGNIFICANT_DIGITS = 15;
  /** Jackson's number-length limit (its default, which the decoder keeps). */
  private static final int MAX_NUMBER_LENGTH = 1000;
  private static final double[] POWERS_OF_TEN = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
      1e20, 1e21, 1e22};

  private final byte[] bytes;
  private final int end;
  private final int maxDepth;
  private final FieldNames names;
  private final Tape tape;
  private final NameGuesses guesses;
  /** The key of the last name read, whose follower is guessed next ({@link NameGuesses}). */
  private int guessKey = NameGuesses.START;
  private int at;

  private PlainJsonReader(byte[] bytes, int start, int end, int maxDepth, FieldNames names, Tape tape) {
    this.bytes = bytes;
    this.at = start;
    this.end = end;
    this.maxDepth = Math.min(maxDepth, MAX_DEPTH);
    this.names = names;
    this.tape = tape;
    this.guesses = tape.guesses();
  }

  /**
   * The event in {@code bytes[start, end)}, or null when the payload needs the Jackson path.
   *
   * @param start the first byte after a byte order mark
   */
  static DecodeResult.Decoded read(byte[] bytes, int start, int end, int maxDepth, FieldNames names) {
    Tape tape = Tape.once();
    return fill(tape, bytes, start, end, maxDepth, names) ? tape.decoded() : null;
  }

  /**
   * Reads the event in {@code bytes[start, end)} into {@code tape}; false when the payload needs the Jackson path
   * (the tape then holds nothing of use).
   *
   * @param start the first byte after a byte order mark
   */
  static boolean fill(Tape tape, byte[] bytes, int start, int end, int maxDepth, FieldNames names) {
    tape.reset(bytes);
    PlainJsonReader reader = new PlainJsonReader(bytes, start, end, maxDepth, names, tape);
    reader.skipWhitespace();
    if (!reader.take('{') || !reader.object(1, null)) {
      return false;
    }
    reader.skipWhitespace();
    return reader.at == end;
  }

  /** The object whose '{' was just taken, at {@code depth}, a member called {@code name}; false to give up. */
  private boolean object(int depth, String name) {
    int node = tape.add(Tape.OBJECT, name, 0);
    int members = 0;
    skipWhitespace();
    if (!take('}')) {
      do {
        skipWhitespace();
        if (!take('"')) {
          return false;
        }
        String member = name();
        skipWhitespace();
        if (member == null || !take(':')) {
          return false;
        }
        skipWhitespace();
        if (!value(depth, member)) {
          return false;
        }
        members++;
        skipWhitespace();
      } while (take(','));
      if (!take('}')) {
        return false;
      }
    }
    tape.close(node, members);
    return true;
  }

  /** The array whose '[' was just taken, at {@code depth}, a member called {@code name}; false to give up. */
  private boolean array(int depth, String name) {
    int node = tape.add(Tape.ARRAY, name, 0);
    int elements = 0;
    skipWhitespace();
    if (!take(']')) {
      do {
        skipWhitespace();
        if (!value(depth, null)) {
          return false;
        }
        elements++;
        skipWhitespace();
      } while (take(','));
      if (!take(']')) {
        return false;
      }
    }
    tape.close(node, elements);
    return true;
  }

  /** The value starting here, inside a container at {@code depth}, called {@code name}; false to give up. */
  private boolean value(int depth, String name) {
    if (at >= end) {
      return false;
    }
    byte b = bytes[at];
    switch (b) {
      case '"' -> {
        at++;
        return string(name);
      }
      case '{', '[' -> {
        if (depth >= maxDepth) {
          return false;
        }
        at++;
        return b == '{' ? object(depth + 1, name) : array(depth + 1, name);
      }
      case 't' -> {
        return literal(TRUE, 4) && scalar(Tape.TRUE, name, 0);
      }
      case 'f' -> {
        return literal(ALSE, 5) && scalar(Tape.FALSE, name, 0);
      }
      case 'n' -> {
        return literal(NULL, 4) && scalar(Tape.NULL, name, 0);
      }
      default -> {
        return number(name);
      }
    }
  }

  /** Adds a scalar node; true, so that a value read is a value kept. */
  private boolean scalar(byte kind, String name, long value) {
    tape.add(kind, name, value);
    return true;
  }

  /**
   * Moves past the {@code length}-byte literal starting here whose last four bytes, read as a little-endian int,
   * are {@code lastFour} (its first byte was matched by the caller); false to give up.
   */
  private boolean literal(int lastFour, int length) {
    if (end - at < length || (int) INTS.get(bytes, at + length - Integer.BYTES) != lastFour) {
      return false;
    }
    at += length;
    return true;
  }

  /** A string value whose '"' was just taken, called {@code name}; false to give up. */
  private boolean string(String name) {
    int start = at;
    int close = closingQuote();
    if (close < 0) {
      return false;
    }
    tape.addString(name, start, close - start);
    return true;
  }

  /**
   * A field name whose '"' was just taken, shared across records when seen before; null to give up. The name that
   * followed the last name read, last time, is tried first ({@link NameGuesses}).
   */
  private String name() {
    int start = at;
    if (guesses != null) {
      String guessed = guesses.guess(guessKey, bytes, start, end);
      if (guessed != null) {
        at = start + guesses.lengthOfGuess(guessKey) + 1;
        guessKey = guesses.keyOfGuess(guessKey);
        return guessed;
      }
    }
    int close = closingQuote();
    if (close < 0) {
      return null;
    }
    String name = names.name(bytes, start, close - start);
    if (guesses != null) {
      guessKey = guesses.remember(guessKey, name, bytes, start, close - start);
    }
    return name;
  }

  /**
   * Moves past the closing quote and returns its index, or -1 to give up: on a control character, a backslash (an
   * escape: the Jackson path's), a byte that is not valid UTF-8 (the Jackson path's error to word), or no closing
   * quote. Checking a string's non-ASCII bytes here, where they are read anyway, spares the payload a pass of its own.
   */
  private int closingQuote() {
    int i = at;
    while (true) {
      if (i + Long.BYTES <= end) {
        // Eight bytes at a time while none is a quote, a backslash, a control character or non-ASCII (most bytes).
        long word = (long) LONGS.get(bytes, i);
        long quotes = word ^ QUOTES;
        long backslashes = word ^ BACKSLASHES;
        long stops = (((quotes - ONES) & ~quotes) | ((backslashes - ONES) & ~backslashes)
            | ((word - CONTROL_LIMIT) & ~word) | word) & HIGH_BITS;
        if (stops == 0) {
          i += Long.BYTES;
          continue;
        }
        // The lowest byte marked is a real stop: a borrow only marks bytes above the one that caused it.
        i += Long.numberOfTrailingZeros(stops) >>> 3;
      } else if (i >= end) {
        return -1;
      }
      byte c = bytes[i];
      if (c == '"') {
        at = i + 1;
        return i;
      }
      if (c < 0) {
        int length = Utf8Validator.sequenceLength(bytes, i, end);
        if (length == 0) {
          return -1;
        }
        i += length;
      } else if (c < 0x20 || c == '\\') {
        return -1;
      } else {
        i++; // one of the last seven bytes, read one by one
      }
    }
  }

  /**
   * A number called {@code name}: a LONG, or a DOUBLE as {@link Double#parseDouble} reads it; false to give up.
   */
  private boolean number(String name) {
    int start = at;
    boolean negative = take('-');
    int intStart = at;
    skipDigits();
    int intDigits = at - intStart;
    if (intDigits == 0 || (intDigits > 1 && bytes[intStart] == '0')) {
      return false; // no digit, or a leading zero
    }
    int point = -1;
    int exponentMark = -1;
    if (take('.')) {
      point = at - 1;
      if (skipDigits() == 0) {
        return false;
      }
    }
    if (at < end && (bytes[at] == 'e' || bytes[at] == 'E')) {
      exponentMark = at++;
      if (!take('-')) {
        take('+');
      }
      if (skipDigits() == 0) {
        return false;
      }
    }
    if (at - start > MAX_NUMBER_LENGTH) {
      return false; // Jackson's limit, and its error
    }
    if (point < 0 && exponentMark < 0) {
      if (intDigits > MAX_INT_DIGITS) {
        return false; // a long or a BigNumber: the Jackson path tells which
      }
      long value = 0;
      for (int i = intStart; i < at; i++) {
        value = value * 10 + (bytes[i] - '0');
      }
      return scalar(Tape.LONG, name, negative ? -value : value);
    }
    double exact = exactDecimal(intStart, exponentMark < 0 ? at : exponentMark, exponentMark);
    double d = Double.isNaN(exact)
        ? NumberInput.parseDouble(new String(bytes, start, at - start, StandardCharsets.ISO_8859_1), true)
        : negative ? -exact : exact;
    // An overflow is a BigNumber: the Jackson path's.
    return !Double.isInfinite(d) && scalar(Tape.DOUBLE, name, Double.doubleToRawLongBits(d));
  }

  /**
   * The unsigned value of the decimal whose digits (and point) are {@code bytes[from, to)}, computed with one
   * correctly rounded operation when at most 15 significant digits and a power of ten up to 22 allow it (Clinger's
   * fast path: the result {@link Double#parseDouble} gives); NaN when they do not.
   */
  private double exactDecimal(int from, int to, int exponentMark) {
    long mantissa = 0;
    int significant = 0;
    int exponent = 0;
    boolean afterPoint = false;
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b == '.') {
        afterPoint = true;
        continue;
      }
      int digit = b - '0';
      if (significant > 0 || digit != 0) {
        if (++significant > MAX_SIGNIFICANT_DIGITS) {
          return Double.NaN;
        }
      }
      mantissa = mantissa * 10 + digit;
      if (afterPoint) {
        exponent--;
      }
    }
    if (exponentMark >= 0) {
      int i = exponentMark + 1;
      boolean negativeExponent = bytes[i] == '-';
      if (bytes[i] == '-' || bytes[i] == '+') {
        i++;
      }
      if (at - i > 3) {
        return Double.NaN;
      }
      int value = 0;
      for (; i < at; i++) {
        value = value * 10 + (bytes[i] - '0');
      }
      exponent += negativeExponent ? -value : value;
    }
    if (exponent < -22 || exponent > 22) {
      return Double.NaN;
    }
    return exponent >= 0 ? mantissa * POWERS_OF_TEN[exponent] : mantissa / POWERS_OF_TEN[-exponent];
  }

  /** Moves past a run of digits; returns how many. */
  private int skipDigits() {
    int from = at;
    while (at < end && isDigit(bytes[at])) {
      at++;
    }
    return at - from;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private boolean take(char c) {
    if (at < end && bytes[at] == c) {
      at++;
      return true;
    }
    return false;
  }

  private void skipWhitespace() {
    // Every JSON whitespace byte is at most ' ': compact JSON pays one compare.
    if (at < end && bytes[at] > ' ') {
      return;
    }
    at = PayloadBytes.skipWhitespace(bytes, at, end);
  }
}
