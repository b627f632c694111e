/**
 * Turns a record's payload bytes into an event, or into a typed decode error.
 *
 * <p>{@link io.tributary.decode.JsonDecoder} accepts exactly one JSON object (RFC 8259) in strict UTF-8, optionally
 * preceded by a UTF-8 byte order mark and surrounded by whitespace. It never throws for bad input: it returns a
 * {@link io.tributary.decode.DecodeResult.Failed} whose {@link io.tributary.decode.DecodeError} says why.
 *
 * <h2>Value model</h2>
 *
 * <p>This is what every later stage (schema inference, rescue, Parquet writing) consumes:
 *
 * <table>
 *   <caption>JSON to Java</caption>
 *   <tr><th>JSON</th><th>Java</th></tr>
 *   <tr><td>object</td><td>{@link io.tributary.decode.JsonObject}, a {@code java.util.Map<String, Object>} with its
 *       keys in document order (two arrays, no entry object per key)</td></tr>
 *   <tr><td>array</td><td>{@code java.util.ArrayList<Object>}</td></tr>
 *   <tr><td>string</td><td>{@code String} (always valid Unicode: no unpaired surrogates)</td></tr>
 *   <tr><td>{@code true}, {@code false}</td><td>{@code Boolean}</td></tr>
 *   <tr><td>{@code null}</td><td>Java {@code null}: a map entry whose value is null, or a null list element</td></tr>
 *   <tr><td>integer that fits in 64 bits</td><td>{@code Long}</td></tr>
 *   <tr><td>integer beyond 64 bits</td><td>{@link io.tributary.decode.BigNumber} with the exact text</td></tr>
 *   <tr><td>number with a fraction or exponent</td><td>{@code Double}, or {@link io.tributary.decode.BigNumber}
 *       with the exact text when it overflows a double ({@code 1e400}); underflow rounds to zero as
 *       {@link java.lang.Double#parseDouble} does</td></tr>
 * </table>
 *
 * <p>Duplicate keys: the last value wins and the key keeps the position of its first occurrence; every repetition
 * is counted in {@link io.tributary.decode.DecodeResult.Decoded#duplicateKeys()}, summed over all nesting levels.
 * Objects with any number of distinct keys are accepted: capping columns is the schema layer's job. The maps and
 * lists are fresh and mutable, and belong to the caller.
 *
 * <p>The landing decodes with {@link io.tributary.decode.JsonDecoder#decode(byte[], io.tributary.decode.Tape)}
 * instead: an event the fast path reads stays in the thread's {@link io.tributary.decode.Tape} (no object per value)
 * and comes as a read-only {@link io.tributary.decode.TapeEvent} view that makes values of the model above only
 * when asked, valid until the tape holds the next payload; the schema layer writes a row straight from the tape
 * when the event fits its columns.
 *
 * <p>{@link io.tributary.decode.FieldPath} addresses a field of an event by a dotted path ({@code meta.type}): routing
 * fields, the event-time field and partition key fields are read through it.
 *
 * <h2>Errors</h2>
 *
 * <p>Checked in this order; the first failure wins. Byte offsets are 0-based from the start of the payload.
 *
 * <ul>
 *   <li>{@code OVERSIZE}: the payload is longer than {@link io.tributary.decode.DecodeLimits#maxRecordBytes()}
 *       (checked before anything else is read).
 *   <li>{@code DECODE}, invalid UTF-8: truncated sequences, bad continuation bytes, overlong encodings, encoded
 *       surrogates, code points above U+10FFFF.
 *   <li>{@code DECODE}, empty payload: nothing but whitespace (and a byte order mark).
 *   <li>{@code TOO_DEEP}: objects and arrays nested deeper than {@link io.tributary.decode.DecodeLimits#maxDepth()},
 *       the top-level value being depth 1. Found while streaming, so it wins over malformed JSON that comes later
 *       in the payload, and over a top-level array not being an object.
 *   <li>{@code DECODE}, everything else: malformed JSON of any kind, {@code NaN} and {@code Infinity}, escaped lone
 *       surrogates ({@code "\ud800"}), a top-level value that is not an object, trailing content after the object,
 *       and numbers longer than 1000 characters (Jackson's number-length limit, kept to bound parse cost).
 * </ul>
 */
package io.tributary.decode;
