package io.tributary.firehose;

/**
 * Why a {@link FirehoseSink#send} did not deliver every row. Either way, nothing of that call may be assumed
 * delivered: the caller's position stays where it was.
 */
public abstract sealed class FirehoseException extends RuntimeException {
  private final String errorCode;

  private FirehoseException(String message, String errorCode, Throwable cause) {
    super(message, cause);
    this.errorCode = errorCode;
  }

  /** The AWS error code of the last failure ({@code ServiceUnavailableException}, ...), or null when none. */
  public String errorCode() {
    return errorCode;
  }

  /** Firehose throttled or failed through every retry: try the rows again later (back-pressure). */
  public static final class Unavailable extends FirehoseException {
    public Unavailable(String message, String errorCode, Throwable cause) {
      super(message, errorCode, cause);
    }
  }

  /** Firehose refused the call for a reason retrying cannot fix: wrong stream name, permissions, KMS key. */
  public static final class Rejected extends FirehoseException {
    public Rejected(String message, String errorCode, Throwable cause) {
      super(message, errorCode, cause);
    }
  }
}
