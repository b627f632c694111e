package io.tributary.iceberg.maintain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's maintenance loop: two daemon threads, one that takes or renews the {@link MaintenanceLease} every
 * third of its duration, one that runs {@link LakeMaintenance} every {@code interval} while the lease is held.
 * Every task of the service runs one; one at a time maintains. A failure is logged and the loop goes on.
 *
 * <p>Lifecycle: {@link #start()} once, {@link #close()} once (stops the threads, waits for a run in progress to
 * notice, and releases the lease so another task takes over at once).
 */
public final class MaintenanceLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MaintenanceLoop.class);

  private final LakeMaintenance maintenance;
  private final MaintenanceLease lease;
  private final Duration interval;
  private final ScheduledExecutorService threads;
  private volatile boolean closed;

  public MaintenanceLoop(LakeMaintenance maintenance, MaintenanceLease lease, Duration interval) {
    this.maintenance = Objects.requireNonNull(maintenance, "maintenance may not be null");
    this.lease = Objects.requireNonNull(lease, "lease may not be null");
    this.interval = Objects.requireNonNull(interval, "interval may not be null");
    this.threads = new ScheduledThreadPoolExecutor(2, runnable -> {
      Thread thread = new Thread(runnable, "tributary-maintenance");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Starts taking the lease and, while held, maintaining. */
  public void start() {
    long renew = Math.max(1, lease.duration().toMillis() / 3);
    threads.scheduleWithFixedDelay(this::renew, 0, renew, TimeUnit.MILLISECONDS);
    threads.scheduleWithFixedDelay(this::runOnce, renew, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Takes or renews the lease. */
  void renew() {
    try {
      if (!closed) {
        lease.acquire();
      }
    } catch (RuntimeException e) {
      LOG.warn("Cannot take or renew the maintenance lease: {}", e.toString());
    }
  }

  /** One run, when this task holds the lease; true when it ran. */
  boolean runOnce() {
    try {
      if (closed || !lease.held()) {
        return false;
      }
      maintenance.run(Optional.empty(), false, () -> !closed && lease.held());
      return true;
    } catch (RuntimeException e) {
      LOG.warn("Table maintenance failed: {}", e.toString(), e);
      return false;
    }
  }

  @Override
  public void close() {
    closed = true;
    threads.shutdownNow();
    try {
      if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("Table maintenance still running after 30 s; its lease is released anyway");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      lease.release();
    } catch (RuntimeException e) {
      LOG.warn("Cannot release the maintenance lease (another task takes it when it expires): {}", e.toString());
    }
  }
}
