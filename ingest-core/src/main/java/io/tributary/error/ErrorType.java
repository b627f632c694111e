package io.tributary.error;

/**
 * Why a record could not be landed in its dataset. Each type is a partition of the error prefix
 * ({@code error_type=<TYPE>}), so operators can query one kind of failure at a time.
 */
public enum ErrorType {
  /** The payload is not a JSON object: malformed JSON, invalid UTF-8, NaN or Infinity, a non-object value. */
  DECODE,
  /** The payload is larger than the configured size limit. */
  OVERSIZE,
  /** The payload nests objects or arrays deeper than the configured limit. */
  TOO_DEEP,
  /** The configured event-time field is present but cannot be read as a time. */
  EVENT_TIME,
  /** The dataset's policy is {@code strict} and the record would change or break its schema. */
  SCHEMA,
  /** No dataset could be chosen for the record. */
  ROUTING
}
