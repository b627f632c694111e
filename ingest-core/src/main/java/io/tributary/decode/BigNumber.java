package io.tributary.decode;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A JSON number that fits neither a 64-bit integer nor a finite double ({@code 18446744073709551616},
 * {@code 1e400}). Kept as its exact text so that nothing is lost: the schema layer writes it to a DOUBLE column only
 * when the double is exact, and rescues it otherwise.
 *
 * @param text the number exactly as it appeared in the JSON
 */
public record BigNumber(String text) {
  public BigNumber {
    Objects.requireNonNull(text, "text may not be null");
  }

  /** The exact value. */
  public BigDecimal toBigDecimal() {
    return new BigDecimal(text);
  }
}
