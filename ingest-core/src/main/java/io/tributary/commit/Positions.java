package io.tributary.commit;

/**
 * Order of source positions. Kafka offsets and Kinesis sequence numbers are non-negative decimal integers, the
 * latter beyond 64 bits, so positions compare as numbers written in decimal: by length, then digit by digit.
 */
public final class Positions {
  private Positions() {}

  public static int compare(String a, String b) {
    String x = stripLeadingZeros(requireDigits(a));
    String y = stripLeadingZeros(requireDigits(b));
    if (x.length() != y.length()) {
      return Integer.compare(x.length(), y.length());
    }
    return x.compareTo(y);
  }

  /** True when {@code position} is at or before {@code last} (a null {@code last} is before everything). */
  public static boolean atOrBefore(String position, String last) {
    return last != null && compare(position, last) <= 0;
  }

  /** The position just before {@code position}, or null when it is 0 (nothing comes before it). */
  public static String before(String position) {
    java.math.BigInteger value = new java.math.BigInteger(stripLeadingZeros(requireDigits(position)));
    return value.signum() == 0 ? null : value.subtract(java.math.BigInteger.ONE).toString();
  }

  private static String requireDigits(String position) {
    if (position == null || position.isEmpty()) {
      throw new IllegalArgumentException("Invalid source position: empty");
    }
    for (int i = 0; i < position.length(); i++) {
      char c = position.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("Invalid source position '" + position
            + "': positions are non-negative decimal integers (offsets, sequence numbers)");
      }
    }
    return position;
  }

  private static String stripLeadingZeros(String s) {
    int i = 0;
    while (i < s.length() - 1 && s.charAt(i) == '0') {
      i++;
    }
    return s.substring(i);
  }
}
