package io.tributary.kinesis;

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

/** KCL's scheduler for the settings: their timings, polling or enhanced fan-out, KCL's metrics off by default. */
final class KclSchedulers {

  /**
   * Initialization attempts of one scheduler (KCL: 20, a second apart). A scheduler whose first attempt lost KCL
   * 3.5.1's migration-state race fails every later attempt ("AssignmentMode is not initialized"), each after KCL's
   * random wait of up to 30 s on an empty lease table; so the source gives a scheduler one attempt and starts a new
   * one when it fails ({@link KinesisSource}).
   */
  static final int INITIALIZATION_ATTEMPTS = 1;

  private KclSchedulers() {}

  static Scheduler create(KinesisSourceSettings settings, KinesisClients kcl, StreamTracker streams,
      String workerId, ShardProcessors processors, WorkerStateChangeListener listener) {
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
    RetrievalConfig retrieval = configs.retrievalConfig().retrievalSpecificConfig(retrievalSpecific(settings, kcl));

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
            .maxInitializationAttempts(INITIALIZATION_ATTEMPTS)
            .workerStateChangeListener(listener),
        leases, configs.lifecycleConfig(), metrics,
        configs.processorConfig().callProcessRecordsEvenForEmptyRecordList(true), retrieval);
  }

  /** Enhanced fan-out (KCL registers the consumer, named after the application) or polling. */
  static RetrievalSpecificConfig retrievalSpecific(KinesisSourceSettings settings, KinesisClients kcl) {
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
}
