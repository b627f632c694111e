package io.tributary.iceberg.maintain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock moved forward by hand: Iceberg stamps snapshots with the system clock, so maintenance must see
 * time pass from there, and a test makes days pass without waiting.
 */
final class ShiftedClock extends Clock {
  private volatile Duration shift = Duration.ZERO;

  void advance(Duration by) {
    shift = shift.plus(by);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(shift);
  }
}
