package io.tributary.store;

/** A failure of the object store; {@link #retryable()} says whether the same call may succeed later. */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final boolean retryable;

  public StoreException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public StoreException(String message, boolean retryable) {
    this(message, retryable, null);
  }

  public boolean retryable() {
    return retryable;
  }
}
