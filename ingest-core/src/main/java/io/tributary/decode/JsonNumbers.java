package io.tributary.decode;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Turns the number token the parser stands on into its value in the {@linkplain io.tributary.decode value model}:
 * {@code Long} or {@code Double} when it fits, {@link BigNumber} with the exact text when it does not.
 */
final class JsonNumbers {

  private JsonNumbers() {}

  /** The value of a {@code VALUE_NUMBER_INT}: a {@code Long}, or a {@link BigNumber} beyond 64 bits. */
  static Object integer(JsonParser parser) throws IOException {
    if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      return new BigNumber(parser.getText());
    }
    return parser.getLongValue();
  }

  /**
   * The value of a {@code VALUE_NUMBER_FLOAT} that is not NaN or Infinity (the caller rejects those first): a
   * {@code Double}, or a {@link BigNumber} when it overflows a double ({@code 1e400}).
   */
  static Object fraction(JsonParser parser) throws IOException {
    double d = parser.getDoubleValue();
    return Double.isInfinite(d) ? new BigNumber(parser.getText()) : (Object) d;
  }
}
