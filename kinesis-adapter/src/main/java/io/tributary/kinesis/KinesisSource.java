package io.tributary.kinesis;

import io.tributary.source.Source;
import io.tributary.source.SourceLag;
import io.tributary.source.SourceLanding;
import io.tributary.source.SourceState;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.kinesis.common.ConfigsBuilder;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.coordinator.WorkerStateChangeListener;
import software.amazon.kinesis.leases.LeaseAssignmentStrategy;
import software.amazon.kinesis.leases.LeaseManagementConfig;
import software.amazon.kinesis.metrics.MetricsConfig;
import software.amazon.kinesis.metrics.MetricsLevel;
import software.amazon.kinesis.metrics.NullMetricsFactory;
import software.amazon.kinesis.processor.StreamTracker;
import software.amazon.kinesis.retrieval.RetrievalConfig;
import software.amazon.kinesis.retrieval.RetrievalSpecificConfig;
import software.amazon.kinesis.retrieval.fanout.FanOutConfig;
import software.amazon.kinesis.retrieval.polling.PollingConfig;

/**
 * The Kinesis source: a KCL 3 worker (one {@code application-name} per deployment, so one lease table) whose record
 * processors hand records to the landing layer. Run N of them (ECS tasks) and KCL's leader spreads the shards'
 * leases; each checkpoints only positions the landing layer made durable. See docs/design/kinesis.md.
 */
public final class KinesisSource implements Source {

  private static final Logger LOG = LoggerFactory.getLogger(KinesisSource.class);
  private static final long GRACEFUL_SECONDS = 10;

  private final KinesisSourceSettings settings;
  private final SourceLanding landing;
  private final String workerId;
  private final AwsCredentialsProvider credentials;
  private final ShardProcessors processors;
  private volatile WorkerStateChangeListener.WorkerState workerState = WorkerStateChangeListener.WorkerState.CREATED;
  private volatile Scheduler scheduler;
  private KinesisClients clients;
  private Thread worker;
  private Boolean stopResult;

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
    this.settings = Objects.requireNonNull(settings, "settings may not be null");
    this.landing = Objects.requireNonNull(landing, "landing may not be null");
    this.workerId = Objects.requireNonNull(workerId, "workerId may not be null");
    this.credentials = credentials;
    this.processors = new ShardProcessors(landing, settings.multiStream() ? null : settings.streams().get(0),
        settings.timings().tick(), clock);
  }

  @Override
  public synchronized void start() {
    if (scheduler != null) {
      throw new IllegalStateException("The Kinesis source is already started");
    }
    clients = KinesisClients.build(settings, credentials);
    scheduler = newScheduler(clients, StreamTrackers.of(settings, clients.kinesis()));
    worker = new Thread(scheduler, "kcl-" + workerId);
    worker.start();
    LOG.info("Kinesis source {} started on {} (application {}, lease table {}, {})", workerId, settings.streams(),
        settings.applicationName(), settings.leaseTable(), settings.consumer());
  }

  /** KCL's scheduler with the settings' timings and the landing processors. */
  Scheduler newScheduler(KinesisClients kcl, StreamTracker streams) {
    ConfigsBuilder configs = new ConfigsBuilder(streams, settings.applicationName(), kcl.kinesis(), kcl.dynamoDb(),
        kcl.cloudWatch(), workerId, processors).tableName(settings.leaseTable());
    KinesisSourceSettings.Timings timings = settings.timings();

    LeaseManagementConfig leases = configs.leaseManagementConfig()
        .failoverTimeMillis(timings.failover().toMillis())
        .shardSyncIntervalMillis(timings.shardSync().toMillis())
        .leaseAssignmentIntervalMillis(timings.leaseAssignmentInterval().toMillis())
        .dynamoDbLockBasedLeaderLeaseDurationInMillis(timings.leaderLease().toMillis())
        .dynamoDbLockBasedLeaderHeartbeatPeriodInMillis(Math.max(100, timings.leaderLease().toMillis() / 4))
        .leasesRecoveryAuditorExecutionFrequencyMillis(timings.shardSync().toMillis());
    leases.workerUtilizationAwareAssignmentConfig()
        .workerMetricsReporterFreqInMillis(timings.workerReport().toMillis());
    if (settings.leaseAssignment() == KinesisSourceSettings.LeaseAssignment.LEASE_COUNT) {
      leases.leaseAssignmentStrategy(LeaseAssignmentStrategy.LEASE_COUNT_BASED);
      leases.workerUtilizationAwareAssignmentConfig().disableWorkerMetrics(true);
    }

    // The initial position travels with each stream's config in the tracker.
    RetrievalConfig retrieval = configs.retrievalConfig().retrievalSpecificConfig(retrievalSpecific(kcl));

    MetricsConfig metrics = configs.metricsConfig();
    if (settings.kclMetrics() == KinesisSourceSettings.KclMetrics.NONE) {
      metrics.metricsLevel(MetricsLevel.NONE).metricsFactory(new NullMetricsFactory());
    } else {
      metrics.metricsLevel(settings.kclMetrics() == KinesisSourceSettings.KclMetrics.SUMMARY ? MetricsLevel.SUMMARY
          : MetricsLevel.DETAILED);
    }

    return new Scheduler(configs.checkpointConfig(),
        configs.coordinatorConfig()
            .parentShardPollIntervalMillis(timings.parentShardPoll().toMillis())
            .workerStateChangeListener(new WorkerStateChangeListener() {
              @Override
              public void onWorkerStateChange(WorkerState state) {
                workerState = state;
                LOG.info("Kinesis source {}: KCL worker {}", workerId, state);
              }

              @Override
              public void onAllInitializationAttemptsFailed(Throwable e) {
                processors.failed(e);
                LOG.error("KCL could not initialize (lease table, streams); the Kinesis source fails", e);
              }
            }),
        leases, configs.lifecycleConfig(), metrics,
        configs.processorConfig().callProcessRecordsEvenForEmptyRecordList(true), retrieval);
  }

  private RetrievalSpecificConfig retrievalSpecific(KinesisClients kcl) {
    if (settings.consumer() == KinesisSourceSettings.Consumer.ENHANCED_FAN_OUT) {
      FanOutConfig fanOut = new FanOutConfig(kcl.kinesis()).applicationName(settings.applicationName());
      if (!settings.multiStream()) {
        fanOut.streamName(settings.streams().get(0));
      }
      return fanOut;
    }
    PollingConfig polling = new PollingConfig(kcl.kinesis())
        .idleTimeBetweenReadsInMillis(settings.timings().idleBetweenReads().toMillis())
        .maxRecords(settings.maxRecords());
    if (!settings.multiStream()) {
      polling.streamName(settings.streams().get(0));
    }
    return polling;
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
    if (scheduler == null) {
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
    long graceful = Math.min(TimeUnit.SECONDS.toNanos(GRACEFUL_SECONDS), Math.max(0, deadline - System.nanoTime()));
    try {
      scheduler.startGracefulShutdown().get(graceful, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      LOG.info("KCL's graceful shutdown is slow; shutting it down now (every shard is checkpointed already)");
    } catch (ExecutionException e) {
      LOG.warn("KCL's graceful shutdown failed; shutting it down now", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
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
    if (scheduler == null) {
      return SourceState.STARTING;
    }
    switch (workerState) {
      case STARTED:
        return SourceState.RUNNING;
      case SHUT_DOWN_STARTED:
      case SHUT_DOWN:
        return stopResult == null && !scheduler.hasGracefulShutdownStarted() ? SourceState.FAILED
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
