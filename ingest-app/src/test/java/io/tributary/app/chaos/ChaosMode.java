package io.tributary.app.chaos;

/**
 * How hard the chaos suite pushes: {@code short} (the default, what CI runs) or {@code long}, chosen with the system
 * property {@value #PROPERTY} ({@code ./mvnw verify -Dtributary.chaos=long}).
 *
 * @param rate events a second the producer writes
 * @param kills SIGKILLs in the kill scenario
 * @param maxKillDelayMillis an instance is killed a uniformly random 300 ms to this long after it was started
 * @param outageSeconds how long S3 is down
 */
record ChaosMode(String name, int rate, int kills, int maxKillDelayMillis, int outageSeconds) {

  static final String PROPERTY = "tributary.chaos";

  static ChaosMode current() {
    String mode = System.getProperty(PROPERTY, "short");
    return switch (mode) {
      case "short" -> new ChaosMode(mode, 300, 20, 8_000, 60);
      case "long" -> new ChaosMode(mode, 1_500, 100, 12_000, 120);
      default -> throw new IllegalArgumentException(PROPERTY + " must be short or long, not " + mode);
    };
  }

  /**
   * The Kinesis suite's version of this mode: in long mode 20 kills instead of 100, the rest (rate, delays, outage)
   * the same. A Kinesis instance takes 13–26 s to become ready on the shared 2-core machine (KCL's initialization
   * alone 6–8 s), and an even kill waits for it to land as well (45–70 s a kill under a load of 20): 100 kills would
   * take well over an hour there.
   */
  ChaosMode forKinesis() {
    return name.equals("long") ? new ChaosMode(name, rate, 20, maxKillDelayMillis, outageSeconds) : this;
  }
}
