package io.tributary.kinesis;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kinesis source's watch on its endpoints, on a thread of its own: before KCL starts it checks (and prepares the
 * lease table) until all is well, then starts KCL; while KCL runs it asks again every 10 s. What keeps the source
 * from running is in {@link #blockedBy()} and in one log line per distinct reason (and one when it clears).
 */
final class EndpointWatch implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(KinesisSource.class);
  /** The pause between checks while an endpoint does not answer. */
  static final Duration UNREACHABLE_PAUSE = Duration.ofSeconds(5);
  /** The pause between checks while the lease table or its index is being created. */
  static final Duration PREPARING_PAUSE = Duration.ofMillis(250);
  /** How often the endpoints are asked while KCL runs. */
  static final Duration PROBE_INTERVAL = Duration.ofSeconds(10);

  private final EndpointCheck check;
  private final BooleanSupplier kclStarted;
  private final Runnable startKcl;
  private volatile String blockedBy;

  /**
   * @param kclStarted whether KCL was started (then only the probe runs)
   * @param startKcl starts KCL, once the check finds nothing wrong
   */
  EndpointWatch(EndpointCheck check, BooleanSupplier kclStarted, Runnable startKcl) {
    this.check = check;
    this.kclStarted = kclStarted;
    this.startKcl = startKcl;
  }

  Optional<String> blockedBy() {
    return Optional.ofNullable(blockedBy);
  }

  /** Checks until interrupted. */
  @Override
  public void run() {
    String logged = null;
    try {
      while (!Thread.currentThread().isInterrupted()) {
        boolean running = kclStarted.getAsBoolean();
        Optional<EndpointCheck.Blocker> blocker = running ? check.whileRunning() : check.beforeStart();
        blockedBy = blocker.map(EndpointCheck.Blocker::reason).orElse(null);
        logged = log(blocker, logged, running);
        if (blocker.isEmpty() && !running) {
          startKcl.run();
        }
        Duration pause = blocker.isEmpty() ? PROBE_INTERVAL
            : blocker.get().preparing() ? PREPARING_PAUSE : UNREACHABLE_PAUSE;
        Thread.sleep(pause.toMillis());
      }
    } catch (InterruptedException e) {
      // Stopping.
    } catch (RuntimeException e) {
      LOG.warn("The Kinesis source's endpoint check failed; it checks no more", e);
    }
  }

  private static String log(Optional<EndpointCheck.Blocker> blocker, String logged, boolean running) {
    if (blocker.isEmpty()) {
      if (logged != null) {
        LOG.info("Kinesis and DynamoDB answer again for the Kinesis source{}", running ? "" : ": KCL starts");
      }
      return null;
    }
    String reason = blocker.get().reason();
    if (!reason.equals(logged)) {
      if (blocker.get().preparing()) {
        LOG.info("The Kinesis source waits: {}", reason);
      } else {
        LOG.warn("The Kinesis source {}: {}; checking again every {} s", running ? "cannot read" : "cannot start",
            reason, UNREACHABLE_PAUSE.toSeconds());
      }
    }
    return reason;
  }
}
