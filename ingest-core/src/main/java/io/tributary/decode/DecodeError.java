package io.tributary.decode;

import io.tributary.error.ErrorType;
import java.util.Objects;

/**
 * Why a payload could not be decoded into an event: what lands in the error prefix as the error type and message.
 *
 * @param type {@link ErrorType#DECODE}, {@link ErrorType#OVERSIZE} or {@link ErrorType#TOO_DEEP}; never null
 * @param reason a message an operator can act on, naming the byte offset when one is known; never blank
 */
public record DecodeError(ErrorType type, String reason) {

  public DecodeError {
    Objects.requireNonNull(type, "type may not be null");
    Objects.requireNonNull(reason, "reason may not be null");
    if (type != ErrorType.DECODE && type != ErrorType.OVERSIZE && type != ErrorType.TOO_DEEP) {
      throw new IllegalArgumentException(
          "Invalid decode error: type " + type + ": must be one of DECODE, OVERSIZE, TOO_DEEP");
    }
    if (reason.isBlank()) {
      throw new IllegalArgumentException("Invalid decode error: reason is blank: a reason is required");
    }
  }
}
