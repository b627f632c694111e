package io.tributary.kinesis;

import io.tributary.source.Source;
import io.tributary.source.SourceLag;
import io.tributary.source.SourceLanding;
import io.tributary.source.SourceState;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.coordinator.WorkerStateChangeListener;

/**
 * The Kinesis source: a KCL 3 worker (one {@code application-name} per deployment, so one lease table) whose record
 * processors hand records to the landing layer. Run N of them (ECS tasks) and KCL's leader spreads the shards'
 * leases; each checkpoints only positions the landing layer made durable. See docs/design/kinesis.md.
 */
public final class KinesisSource implements Source {

  private static final Logger LOG = LoggerFactory.getLogger(KinesisSource.class);
  private static final long GRACEFUL_SECONDS = 10;
  /** How long one attempt of an endpoint check request may take (four for the request, retries included). */
  static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);
  /** KCL schedulers started before the source gives up and fails. */
  static final int SCHEDULER_STARTS = 10;

  private final KinesisSourceSettings settings;
  private final SourceLanding landing;
  private final String workerId;
  private final AwsCredentialsProvider credentials;
  private final ShardProcessors processors;
  private final List<ExecutionInterceptor> interceptors;
  private final AtomicInteger schedulerStarts = new AtomicInteger();
  private volatile WorkerStateChangeListener.WorkerState workerState = WorkerStateChangeListener.WorkerState.CREATED;
  private volatile Scheduler scheduler;
  private volatile boolean stopRequested;
  private volatile boolean restarting;
  private volatile Thread worker;
  private KinesisClients clients;
  private volatile EndpointWatch watch;
  private Thread checker;
  private volatile Boolean stopResult;

  /**
   * @param workerId this worker's name in the lease table (the instance id suits; unique per running task)
   * @param credentials the credentials of the three clients; null for the default AWS chain (the task role)
   */
  public KinesisSource(KinesisSourceSettings settings, SourceLanding landing, String workerId,
      AwsCredentialsProvider credentials) {
    this(settings, landing, workerId, credentials, Clock.systemUTC());
  }

  KinesisSource(KinesisSourceSettings settings, SourceLanding landing, String workerId,
      AwsCredentialsProvider credentials, Clock clock) {
    this(settings, landing, workerId, credentials, clock, List.of());
  }

  /** @param interceptors on every client of the source (tests record the requests, or fail some) */
  KinesisSource(KinesisSourceSettings settings, SourceLanding landing, String workerId,
      AwsCredentialsProvider credentials, Clock clock, List<ExecutionInterceptor> interceptors) {
    this.interceptors = List.copyOf(interceptors);
    this.settings = Objects.requireNonNull(settings, "settings may not be null");
    this.landing = Objects.requireNonNull(landing, "landing may not be null");
    this.workerId = Objects.requireNonNull(workerId, "workerId may not be null");
    this.credentials = credentials;
    this.processors = new ShardProcessors(landing, settings.multiStream() ? null : settings.streams().get(0),
        settings.timings().tick(), clock);
  }

  /**
   * Returns at once. A thread first asks Kinesis and DynamoDB whether they answer and the streams exist, and creates
   * the lease table with its index if it is missing (waiting, with the reason in {@link #blockedBy()} and one log
   * line, until all is well); then KCL's scheduler starts on a thread of its own. The same thread then asks again
   * every 10 s while KCL runs, so that readiness names an endpoint that went down.
   */
  @Override
  public synchronized void start() {
    if (clients != null) {
      throw new IllegalStateException("The Kinesis source is already started");
    }
    clients = KinesisClients.build(settings, credentials, interceptors);
    watch = new EndpointWatch(new EndpointCheck(settings, clients.kinesis(),
        new LeaseTable(clients.dynamoDb(), settings.leaseTable(), CHECK_TIMEOUT), CHECK_TIMEOUT),
        () -> worker != null, this::startKcl);
    checker = new Thread(watch, "kinesis-check-" + workerId);
    checker.setDaemon(true);
    checker.start();
    LOG.info("Kinesis source {} starting on {} (application {}, lease table {}, {})", workerId, settings.streams(),
        settings.applicationName(), settings.leaseTable(), settings.consumer());
  }

  @Override
  public Optional<String> blockedBy() {
    return stopRequested || watch == null ? Optional.empty() : watch.blockedBy();
  }

  /** How many KCL schedulers this source started (more than one when an initialization failed). */
  int schedulerStarts() {
    return schedulerStarts.get();
  }

  private synchronized void startKcl() {
    if (stopRequested || worker != null) {
      return;
    }
    worker = new Thread(this::runKcl, "kcl-" + workerId);
    worker.start();
  }

  /**
   * Runs KCL's scheduler; when it cannot initialize, starts a new one (up to {@value #SCHEDULER_STARTS} in all).
   * Two workers of a brand-new application starting in the same second race on KCL 3.5.1's migration-state record:
   * the loser's scheduler keeps a half-initialized state machine and fails every later attempt with "AssignmentMode
   * is not initialized"; a new scheduler reads the winner's record and starts.
   */
  private void runKcl() {
    for (int start = 1; !stopRequested; start++) {
      AtomicReference<Throwable> initFailure = new AtomicReference<>();
      Scheduler kcl;
      synchronized (this) {
        if (stopRequested) {
          return;
        }
        workerState = WorkerStateChangeListener.WorkerState.CREATED;
        try {
          kcl = KclSchedulers.create(settings, clients, StreamTrackers.of(settings, clients.kinesis()), workerId,
              processors, listener(initFailure));
          scheduler = kcl;
        } catch (RuntimeException e) {
          initFailure.set(e);
          kcl = null;
        }
        restarting = false;
      }
      if (kcl != null) {
        schedulerStarts.incrementAndGet();
        kcl.run();
      }
      Throwable failed = initFailure.get();
      if (failed == null || stopRequested) {
        return;
      }
      if (start >= SCHEDULER_STARTS) {
        processors.failed(failed);
        LOG.error("KCL could not initialize {} times (lease table, streams); the Kinesis source fails", start,
            failed);
        return;
      }
      restarting = true;
      LOG.warn("KCL could not initialize (scheduler {} of {}): {}; starting a new scheduler in {} s", start,
          SCHEDULER_STARTS, rootMessage(failed), Math.min(start, 10));
      try {
        Thread.sleep(TimeUnit.SECONDS.toMillis(Math.min(start, 10)));
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private WorkerStateChangeListener listener(AtomicReference<Throwable> initFailure) {
    return new WorkerStateChangeListener() {
      @Override
      public void onWorkerStateChange(WorkerState state) {
        workerState = state;
        LOG.info("Kinesis source {}: KCL worker {}", workerId, state);
      }

      @Override
      public void onAllInitializationAttemptsFailed(Throwable e) {
        initFailure.set(e);
      }
    };
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  /**
   * Stops taking records; rolls, commits and checkpoints every owned shard; then shuts KCL down, gracefully if it
   * can within 10 s (which drops the leases: KCL calls {@code leaseLost}, nothing is left to do then). True only if
   * every shard was rolled, committed and checkpointed and KCL stopped within {@code timeout}; a second call gives
   * the first's answer.
   */
  @Override
  public synchronized boolean stop(Duration timeout) {
    if (stopResult != null) {
      return stopResult;
    }
    stopRequested = true;
    if (checker != null) {
      checker.interrupt();
    }
    if (worker == null) {
      if (clients != null) {
        clients.close();
      }
      stopResult = true;
      return true;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    processors.stopping();
    boolean released = true;
    for (ShardProcessor processor : processors.owned()) {
      released &= processor.releaseAndCheckpoint();
    }
    boolean shutDown = shutDownKcl(deadline);
    clients.close();
    stopResult = released && shutDown && processors.failure.get() == null;
    LOG.info("Kinesis source {} stopped: {}", workerId, stopResult ? "every shard landed and checkpointed"
        : "not everything was checkpointed (the next owner reads it again; the ledger drops duplicates)");
    return stopResult;
  }

  /**
   * KCL's graceful shutdown for at most {@value #GRACEFUL_SECONDS} s (everything is checkpointed already, so it only
   * tidies up; on a loaded machine it can hang waiting for shard consumers), then a plain shutdown. True when KCL's
   * worker thread ended in time.
   */
  private boolean shutDownKcl(long deadline) {
    try {
      if (restarting || scheduler == null) {
        // Between two schedulers: the thread waits to start the next one, and stopRequested ends that.
        worker.interrupt();
        return joined(worker, Math.max(TimeUnit.SECONDS.toNanos(1), deadline - System.nanoTime()));
      }
      long graceful = Math.min(TimeUnit.SECONDS.toNanos(GRACEFUL_SECONDS),
          Math.max(0, deadline - System.nanoTime()));
      try {
        scheduler.startGracefulShutdown().get(graceful, TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        LOG.info("KCL's graceful shutdown is slow; shutting it down now (every shard is checkpointed already)");
      } catch (ExecutionException e) {
        LOG.warn("KCL's graceful shutdown failed; shutting it down now", e.getCause());
      }
      if (worker.isAlive()) {
        scheduler.shutdown();
      }
      return joined(worker, Math.max(TimeUnit.SECONDS.toNanos(1), deadline - System.nanoTime()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static boolean joined(Thread thread, long nanos) throws InterruptedException {
    thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos)));
    return !thread.isAlive();
  }

  @Override
  public SourceState state() {
    if (processors.failure.get() != null) {
      return SourceState.FAILED;
    }
    if (scheduler == null || restarting) {
      return stopResult != null ? SourceState.STOPPED : SourceState.STARTING;
    }
    switch (workerState) {
      case STARTED:
        return SourceState.RUNNING;
      case SHUT_DOWN_STARTED:
      case SHUT_DOWN:
        return stopResult == null && !stopRequested && !scheduler.hasGracefulShutdownStarted() ? SourceState.FAILED
            : SourceState.STOPPED;
      default:
        return SourceState.STARTING;
    }
  }

  @Override
  public SourceLag lag() {
    return processors.lag.snapshot();
  }

  /** Why the source stopped by itself, if it did. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(processors.failure.get());
  }
}
