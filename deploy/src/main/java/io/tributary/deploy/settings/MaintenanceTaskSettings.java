package io.tributary.deploy.settings;

import java.util.regex.Pattern;

/**
 * The scheduled table maintenance: an ECS task that runs {@code tributary maintain} (compaction, manifest rewrite,
 * snapshot expiry, orphan removal on the Iceberg tables; docs/operations.md) on an EventBridge schedule, with the
 * service's image and configuration. With it the service's own maintenance loop is turned off
 * ({@code maintenance.enabled: false} in the engine's configuration).
 *
 * @param schedule an EventBridge schedule expression, {@code rate(...)} or {@code cron(...)} (default
 *     {@code rate(1 hour)}: the service loop's own interval, so that an hour's small files of a partition are
 *     compacted about an hour after the partition stops being written)
 */
public record MaintenanceTaskSettings(String schedule) {

  /** The default schedule. */
  public static final String HOURLY = "rate(1 hour)";

  private static final Pattern SCHEDULE = Pattern.compile(
      "rate\\((1 (minute|hour|day)|[1-9][0-9]* (minutes|hours|days))\\)|cron\\(\\S+( \\S+){5}\\)");

  public MaintenanceTaskSettings {
    schedule = Check.orDefault(schedule, HOURLY);
    Check.matches(schedule, "maintenance.schedule", SCHEDULE,
        "an EventBridge schedule expression: rate(1 hour), rate(6 hours), rate(1 day) or cron(M H DoM Mon DoW Y)");
    if (schedule.matches("rate\\(1 minutes\\)|rate\\(1 (hours|days)\\)")) {
      throw new IllegalArgumentException("maintenance.schedule: '" + schedule + "' is not allowed: EventBridge "
          + "writes 1 in the singular (rate(1 hour))");
    }
  }
}
