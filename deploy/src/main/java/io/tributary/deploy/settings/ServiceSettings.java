package io.tributary.deploy.settings;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tributary.config.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Fargate service's size and bounds.
 *
 * @param cpu task CPU units: 256, 512, 1024 (default), 2048, 4096, 8192 or 16384
 * @param memoryMiB task memory, within what Fargate allows for {@code cpu}, at least 1024 (default 2048); the heap
 *     is 75% of it ({@code -XX:MaxRAMPercentage=75} in the image)
 * @param desiredTasks tasks at the first deployment (default {@code min-tasks}); scaling takes over from there
 * @param minTasks the fewest tasks scaling keeps (default 1)
 * @param maxTasks the most tasks scaling starts (default: {@code min-tasks}); at most the partitions or shards
 * @param stopTimeout how long ECS waits after SIGTERM before SIGKILL: 60 s to 120 s (Fargate's limit), default 60 s;
 *     the engine's {@code shutdown.deadline} is 10 s less
 * @param logRetentionDays how long CloudWatch Logs keeps the JSON log lines (default 30)
 */
public record ServiceSettings(Integer cpu, @JsonProperty("memory-mib") Integer memoryMiB, Integer desiredTasks,
    Integer minTasks, Integer maxTasks, Duration stopTimeout, Integer logRetentionDays) {

  /** The retentions CloudWatch Logs offers (and the stack maps). */
  public static final List<Integer> LOG_RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 180, 365, 731, 1827,
      3653);

  /** Fargate's memory range (MiB) for each CPU size. */
  private static final Map<Integer, int[]> MEMORY_RANGE = Map.of(
      256, new int[] {512, 2048}, 512, new int[] {1024, 4096}, 1024, new int[] {2048, 8192},
      2048, new int[] {4096, 16384}, 4096, new int[] {8192, 30720}, 8192, new int[] {16384, 61440},
      16384, new int[] {32768, 122880});

  public ServiceSettings {
    cpu = Check.orDefault(cpu, 1024);
    int[] range = MEMORY_RANGE.get(cpu);
    if (range == null) {
      throw new IllegalArgumentException("service.cpu: " + cpu + " is not allowed: one of 256, 512, 1024, 2048, "
          + "4096, 8192, 16384");
    }
    memoryMiB = Check.orDefault(memoryMiB, Math.max(2048, range[0]));
    if (memoryMiB < Math.max(1024, range[0]) || memoryMiB > range[1] || memoryMiB % 1024 != 0) {
      throw new IllegalArgumentException("service.memory-mib: " + memoryMiB + " is not allowed with service.cpu "
          + cpu + ": a multiple of 1024 from " + Math.max(1024, range[0]) + " to " + range[1]);
    }
    minTasks = Check.between(Check.orDefault(minTasks, 1), "service.min-tasks", 1, 1000);
    maxTasks = Check.between(Check.orDefault(maxTasks, minTasks), "service.max-tasks", minTasks, 1000);
    desiredTasks = Check.between(Check.orDefault(desiredTasks, minTasks), "service.desired-tasks", minTasks, maxTasks);
    stopTimeout = Check.orDefault(stopTimeout, Duration.ofSeconds(60));
    if (stopTimeout.compareTo(Duration.ofSeconds(60)) < 0 || stopTimeout.compareTo(Duration.ofSeconds(120)) > 0) {
      throw new IllegalArgumentException("service.stop-timeout: " + Durations.text(stopTimeout) + " is not allowed:"
          + " 60s to 120s (the drain needs time; Fargate stops waiting at 120s)");
    }
    logRetentionDays = Check.orDefault(logRetentionDays, 30);
    if (!LOG_RETENTION_DAYS.contains(logRetentionDays)) {
      throw new IllegalArgumentException("service.log-retention-days: " + logRetentionDays + " is not allowed: one of "
          + LOG_RETENTION_DAYS);
    }
  }

  /** The engine's {@code shutdown.deadline}: 10 s inside the stop timeout, so it exits before the SIGKILL. */
  public Duration shutdownDeadline() {
    return stopTimeout.minusSeconds(10);
  }
}
