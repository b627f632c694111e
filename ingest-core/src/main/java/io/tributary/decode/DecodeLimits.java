package io.tributary.decode;

import io.tributary.config.CoreKeys;

/**
 * The bounds a {@link JsonDecoder} enforces on every payload. Both limits protect the process, not the schema: a
 * record beyond them becomes an error row ({@code OVERSIZE} or {@code TOO_DEEP}) instead of exhausting memory or
 * stack.
 *
 * @param maxRecordBytes the largest payload accepted, in bytes; checked before any parsing; must be positive
 * @param maxDepth the deepest nesting of objects and arrays accepted, where the top-level object is depth 1; must be
 *     positive
 */
public record DecodeLimits(int maxRecordBytes, int maxDepth) {

  /** The default size limit ({@code limits.max-record-bytes}): 10 MiB. */
  public static final int DEFAULT_MAX_RECORD_BYTES = Math.toIntExact(CoreKeys.LIMIT_RECORD_BYTES.byDefault());

  /**
   * The default nesting limit ({@code limits.max-depth}): 64 levels, far deeper than any sane event and far below
   * any stack limit.
   */
  public static final int DEFAULT_MAX_DEPTH = CoreKeys.LIMIT_DEPTH.byDefault();

  public DecodeLimits {
    if (maxRecordBytes <= 0) {
      throw new IllegalArgumentException(
          "Invalid decode limits: maxRecordBytes " + maxRecordBytes + ": must be greater than 0");
    }
    if (maxDepth <= 0) {
      throw new IllegalArgumentException("Invalid decode limits: maxDepth " + maxDepth + ": must be greater than 0");
    }
  }

  /** The limits used when the configuration names none: 10 MiB and depth 64. */
  public static DecodeLimits defaults() {
    return new DecodeLimits(DEFAULT_MAX_RECORD_BYTES, DEFAULT_MAX_DEPTH);
  }
}
