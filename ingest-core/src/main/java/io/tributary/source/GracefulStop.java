package io.tributary.source;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * How the engine process ends on SIGTERM (an ECS stop) or SIGINT: stop taking records, roll, upload and commit
 * everything taken, move the source position, exit 0. It must finish within the deadline (below ECS's stop timeout,
 * after which SIGKILL comes); if it does not, or a second signal arrives, the process exits 2 at once. Nothing is
 * lost either way: what was not committed stays behind the source position and the ledger covers the rest.
 *
 * <p>A signal handler rather than a shutdown hook, because a JVM that runs its hooks on SIGTERM exits 143 whatever
 * the hooks did, and a stop that finished its work should say so with 0.
 */
public final class GracefulStop {

  /** Exit status when the drain finished. */
  public static final int DRAINED = 0;
  /** Exit status when the deadline or a second signal cut the drain short. */
  public static final int CUT_SHORT = 2;

  private static final Logger LOG = LoggerFactory.getLogger(GracefulStop.class);

  private final Duration deadline;
  private final BooleanSupplier drain;
  private final IntConsumer exit;
  private final AtomicInteger signals = new AtomicInteger();
  private final AtomicBoolean done = new AtomicBoolean();

  /**
   * @param deadline how long the drain may take
   * @param drain stops the source and lands what it took; true when all of it became durable
   * @param exit ends the process with a status ({@code Runtime.getRuntime()::halt} in the engine)
   */
  public GracefulStop(Duration deadline, BooleanSupplier drain, IntConsumer exit) {
    this.deadline = Objects.requireNonNull(deadline, "deadline may not be null");
    this.drain = Objects.requireNonNull(drain, "drain may not be null");
    this.exit = Objects.requireNonNull(exit, "exit may not be null");
  }

  /** Handles SIGTERM and SIGINT in this process from now on. */
  public void install() {
    Signal.handle(new Signal("TERM"), signal -> onSignal(signal.getName()));
    Signal.handle(new Signal("INT"), signal -> onSignal(signal.getName()));
  }

  /** What a signal does: the first starts the drain, a second cuts it short. */
  public void onSignal(String name) {
    if (signals.incrementAndGet() > 1) {
      LOG.warn("Second SIG{}: exiting now; records not yet committed are read again after the restart", name);
      finish(CUT_SHORT);
      return;
    }
    LOG.info("SIG{}: draining (deadline {} s)", name, deadline.toSeconds());
    Thread drainer = new Thread(() -> {
      boolean drained = false;
      try {
        drained = drain.getAsBoolean();
      } catch (RuntimeException e) {
        LOG.error("The drain failed; records not yet committed are read again after the restart", e);
      }
      LOG.info(drained ? "Drained: every record taken is durable and committed" : "The drain did not finish");
      finish(drained ? DRAINED : CUT_SHORT);
    }, "graceful-stop");
    drainer.setDaemon(true);
    drainer.start();
    Thread watchdog = new Thread(() -> {
      try {
        drainer.join(deadline.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (drainer.isAlive()) {
        LOG.warn("The drain took longer than {} s: exiting; records not yet committed are read again", deadline
            .toSeconds());
        finish(CUT_SHORT);
      }
    }, "graceful-stop-deadline");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  /** Waits until the process is told to exit, for a main thread with nothing else to do. */
  public void awaitSignal() throws InterruptedException {
    while (!done.get()) {
      TimeUnit.MILLISECONDS.sleep(200);
    }
  }

  private void finish(int status) {
    if (done.compareAndSet(false, true) || status == CUT_SHORT) {
      exit.accept(status);
    }
  }
}
