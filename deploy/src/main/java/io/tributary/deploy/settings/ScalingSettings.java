package io.tributary.deploy.settings;

import java.time.Duration;

/**
 * Target tracking on the engine's lag, averaged over the tasks: Kafka's {@code tributary.source.lag.records}
 * (records behind per task), Kinesis' {@code tributary.source.lag} (seconds behind the newest record).
 *
 * @param lagTarget the lag per task to hold (default 10,000 records for Kafka, 60 seconds for Kinesis)
 * @param scaleOutCooldown the least time between two scale-outs (default 2m)
 * @param scaleInCooldown the least time between two scale-ins (default 10m: every change rebalances the source)
 */
public record ScalingSettings(Double lagTarget, Duration scaleOutCooldown, Duration scaleInCooldown) {

  public ScalingSettings {
    if (lagTarget != null && !(lagTarget > 0)) {
      throw new IllegalArgumentException("scaling.lag-target: " + lagTarget + " is not allowed: more than 0");
    }
    scaleOutCooldown = Check.orDefault(scaleOutCooldown, Duration.ofMinutes(2));
    scaleInCooldown = Check.orDefault(scaleInCooldown, Duration.ofMinutes(10));
  }

  /** The lag target for a source: the configured one, else 10,000 records (Kafka) or 60 seconds (Kinesis). */
  public double lagTarget(boolean kafka) {
    return lagTarget != null ? lagTarget : kafka ? 10_000 : 60;
  }
}
