package io.tributary.decode;

import java.util.Map;
import java.util.Objects;

/**
 * The outcome of decoding one payload: either an event ({@link Decoded}) or the reason there is none
 * ({@link Failed}). Decoding never throws for bad input; callers branch on the result type instead.
 */
public sealed interface DecodeResult permits DecodeResult.Decoded, DecodeResult.Failed {

  /**
   * A payload that is one JSON object.
   *
   * <p>The event is handed over, not copied: it is a fresh mutable {@link JsonObject} that belongs to
   * the caller (see the package documentation for the value model), or, from
   * {@link JsonDecoder#decode(byte[], Tape)}, a read-only {@link TapeEvent} view of the caller's tape.
   *
   * @param event the top-level object, never null
   * @param duplicateKeys how many keys repeated an earlier key of the same object, summed over all nesting levels;
   *     never negative
   */
  record Decoded(Map<String, Object> event, int duplicateKeys) implements DecodeResult {
    public Decoded {
      Objects.requireNonNull(event, "event may not be null");
      if (duplicateKeys < 0) {
        throw new IllegalArgumentException(
            "Invalid decoded result: duplicateKeys " + duplicateKeys + ": must be 0 or more");
      }
    }
  }

  /**
   * A payload that is not a usable JSON object.
   *
   * @param error the type and reason, never null
   */
  record Failed(DecodeError error) implements DecodeResult {
    public Failed {
      Objects.requireNonNull(error, "error may not be null");
    }
  }
}
