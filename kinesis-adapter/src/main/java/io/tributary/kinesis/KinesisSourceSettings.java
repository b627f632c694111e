package io.tributary.kinesis;

import static io.tributary.kinesis.KinesisKeys.*;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the Kinesis source needs, validated: errors name the configuration key and what is allowed.
 *
 * @param streams {@code kinesis.streams}: the streams to read (names or ARNs not accepted: names in this account
 *     and region); more than one runs KCL in multi-stream mode
 * @param region {@code kinesis.region}: the region of the streams, the lease table and KCL's metrics
 * @param endpoint {@code kinesis.endpoint}: a Kinesis endpoint override (kinesis-local, a VPC endpoint)
 * @param dynamoDbEndpoint {@code kinesis.dynamodb-endpoint}: a DynamoDB endpoint override for the lease table
 * @param cloudWatchEndpoint {@code kinesis.cloudwatch-endpoint}: a CloudWatch endpoint override for KCL's own
 *     metrics
 * @param applicationName {@code kinesis.application-name}: the KCL application, one per deployment (like a
 *     consumer group); the enhanced fan-out consumer's name
 * @param leaseTable {@code kinesis.lease-table}: the DynamoDB lease (and checkpoint) table; by default the
 *     application name
 * @param initialPosition {@code kinesis.initial-position}: where a shard with no checkpoint starts
 * @param atTimestamp {@code kinesis.initial-timestamp}: the start with {@code at-timestamp}
 * @param consumer {@code kinesis.consumer}: polling (GetRecords, shared 2 MB/s per shard) or enhanced fan-out
 *     (SubscribeToShard, a dedicated 2 MB/s per shard)
 * @param leaseAssignment {@code kinesis.lease-assignment}: how KCL 3's leader spreads leases over workers
 * @param kclMetrics {@code kinesis.kcl-metrics}: the level of KCL's own CloudWatch metrics (none by default: every
 *     metric costs money and Tributary publishes its own)
 * @param maxRecords {@code kinesis.max-records}: the most records one GetRecords call returns (polling)
 * @param timings the KCL intervals and the source's tick
 */
public record KinesisSourceSettings(List<String> streams, String region, Optional<URI> endpoint,
    Optional<URI> dynamoDbEndpoint, Optional<URI> cloudWatchEndpoint, String applicationName, String leaseTable,
    InitialPosition initialPosition, Optional<Instant> atTimestamp, Consumer consumer,
    LeaseAssignment leaseAssignment, KclMetrics kclMetrics, int maxRecords, Timings timings) {

  private static final Pattern STREAM = Pattern.compile("[a-zA-Z0-9_.-]{1,128}");
  private static final Pattern TABLE = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
  private static final Pattern REGION_NAME = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

  /** Where a shard without a checkpoint starts ({@code kinesis.initial-position}). */
  public enum InitialPosition {
    TRIM_HORIZON, LATEST, AT_TIMESTAMP;

    /** The config word: {@code trim-horizon}, {@code latest}, {@code at-timestamp}. */
    public String word() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** How records are read ({@code kinesis.consumer}). */
  public enum Consumer {
    POLLING, ENHANCED_FAN_OUT
  }

  /** How leases are spread over workers ({@code kinesis.lease-assignment}). */
  public enum LeaseAssignment {
    /** KCL 3's default: by each worker's CPU and the shards' throughput. */
    WORKER_UTILIZATION,
    /** An even number of leases per worker. */
    LEASE_COUNT
  }

  /** KCL's own CloudWatch metrics ({@code kinesis.kcl-metrics}). */
  public enum KclMetrics {
    NONE, SUMMARY, DETAILED
  }

  /**
   * The KCL intervals and the source's tick.
   *
   * @param shardSync {@code kinesis.shard-sync-interval}: how often the leader lists shards and creates leases for
   *     new ones (after a reshard)
   * @param failover {@code kinesis.failover-time}: a lease not renewed for this long is expired; a killed worker's
   *     shards move after about this long (renewals run every third of it)
   * @param leaseAssignment {@code kinesis.lease-assignment-interval}: how often the leader assigns expired and
   *     unassigned leases; empty for KCL's default of twice the failover time
   * @param leaderLease {@code kinesis.leader-lease-duration}: how long a killed leader keeps the leadership lock
   * @param idleBetweenReads {@code kinesis.idle-time-between-reads}: the pause between GetRecords calls of a shard
   *     (polling; at least 200 ms)
   * @param parentShardPoll {@code kinesis.parent-shard-poll-interval}: how often a child shard checks whether its
   *     parents are finished
   * @param workerReport {@code kinesis.worker-report-interval}: how often each worker reports itself (and its CPU)
   *     to the leader; a worker silent for two intervals is dead and gets no more leases, so a killed worker's
   *     shards settle on the living ones after about two of these
   * @param tick {@code kinesis.tick-interval}: how often the source rolls aged buffers (a shard's checkpoint follows
   *     on its next read, empty or not)
   */
  public record Timings(Duration shardSync, Duration failover, Optional<Duration> leaseAssignment,
      Duration leaderLease, Duration idleBetweenReads, Duration parentShardPoll, Duration workerReport,
      Duration tick) {

    public Timings {
      requirePositive(shardSync, SHARD_SYNC.name());
      requirePositive(failover, FAILOVER.name());
      Objects.requireNonNull(leaseAssignment, "leaseAssignment may not be null");
      leaseAssignment.ifPresent(value -> requirePositive(value, LEASE_ASSIGNMENT_INTERVAL.name()));
      requirePositive(leaderLease, LEADER_LEASE.name());
      requirePositive(idleBetweenReads, IDLE_BETWEEN_READS.name());
      if (idleBetweenReads.toMillis() < 200) {
        throw new IllegalArgumentException("Invalid " + IDLE_BETWEEN_READS.name() + " " + idleBetweenReads
            + ": at least 200 ms (KCL's floor)");
      }
      requirePositive(parentShardPoll, PARENT_POLL.name());
      requirePositive(workerReport, WORKER_REPORT.name());
      if (workerReport.toMillis() < 2_000) {
        throw new IllegalArgumentException("Invalid " + WORKER_REPORT.name() + " " + workerReport
            + ": at least 2 s (KCL samples each worker every second between reports)");
      }
      requirePositive(tick, TICK.name());
    }

    /**
     * The defaults {@link KinesisKeys} declares: KCL's, except the leader lock (KCL: 2 minutes, during which a
     * killed leader's shards are assigned to no one): shard sync 60 s, failover 10 s, assignment every 20 s, leader
     * lock 30 s, reads 1.5 s apart, parents polled every 10 s, workers report every 30 s, tick 1 s.
     */
    public static Timings defaults() {
      return new Timings(SHARD_SYNC.byDefault(), FAILOVER.byDefault(), Optional.empty(), LEADER_LEASE.byDefault(),
          IDLE_BETWEEN_READS.byDefault(), PARENT_POLL.byDefault(), WORKER_REPORT.byDefault(), TICK.byDefault());
    }

    /** How often the leader assigns leases. */
    public Duration leaseAssignmentInterval() {
      return leaseAssignment.orElse(failover.multipliedBy(2));
    }
  }

  public KinesisSourceSettings {
    Objects.requireNonNull(streams, "streams may not be null");
    if (streams.isEmpty()) {
      throw new IllegalArgumentException("Missing " + STREAMS.name() + ": give at least one stream name");
    }
    for (String stream : streams) {
      if (stream == null || !STREAM.matcher(stream).matches()) {
        throw new IllegalArgumentException("Invalid stream '" + stream + "' in " + STREAMS.name() + ": 1 to 128 of the "
            + "characters a-z A-Z 0-9 _ . -");
      }
    }
    if (new HashSet<>(streams).size() != streams.size()) {
      throw new IllegalArgumentException("Invalid " + STREAMS.name() + " " + streams + ": a stream is named twice");
    }
    streams = List.copyOf(streams);
    if (region == null || !REGION_NAME.matcher(region).matches()) {
      throw new IllegalArgumentException("Invalid " + REGION.name() + " '" + region
          + "': an AWS region such as us-east-1");
    }
    requireEndpoint(endpoint, ENDPOINT.name());
    requireEndpoint(dynamoDbEndpoint, DYNAMODB_ENDPOINT.name());
    requireEndpoint(cloudWatchEndpoint, CLOUDWATCH_ENDPOINT.name());
    if (applicationName == null || !TABLE.matcher(applicationName).matches()) {
      throw new IllegalArgumentException("Invalid " + APPLICATION.name() + " '" + applicationName
          + "': 3 to 255 of the characters a-z A-Z 0-9 _ . - (it names the lease table by default)");
    }
    if (leaseTable == null || !TABLE.matcher(leaseTable).matches()) {
      throw new IllegalArgumentException("Invalid " + LEASE_TABLE.name() + " '" + leaseTable
          + "': a DynamoDB table name, 3 to 255 of the characters a-z A-Z 0-9 _ . -");
    }
    Objects.requireNonNull(initialPosition, "initialPosition may not be null");
    Objects.requireNonNull(atTimestamp, "atTimestamp may not be null");
    if ((initialPosition == InitialPosition.AT_TIMESTAMP) != atTimestamp.isPresent()) {
      throw new IllegalArgumentException(atTimestamp.isPresent()
          ? "Invalid " + INITIAL_TIMESTAMP.name() + ": only with " + INITIAL_POSITION.name() + ": at-timestamp"
          : "Missing " + INITIAL_TIMESTAMP.name() + ": " + INITIAL_POSITION.name()
              + ": at-timestamp needs an ISO-8601 instant");
    }
    Objects.requireNonNull(consumer, "consumer may not be null");
    Objects.requireNonNull(leaseAssignment, "leaseAssignment may not be null");
    Objects.requireNonNull(kclMetrics, "kclMetrics may not be null");
    if (maxRecords < 1 || maxRecords > 10_000) {
      throw new IllegalArgumentException("Invalid " + MAX_RECORDS.name() + " " + maxRecords + ": allowed 1 to 10000");
    }
    Objects.requireNonNull(timings, "timings may not be null");
  }

  /**
   * The defaults for {@code streams} in {@code region} read by {@code applicationName}: the lease table named after
   * the application, and the defaults {@link KinesisKeys} declares: trim-horizon, polling, KCL 3's
   * utilization-aware assignment, no KCL metrics, 10,000 records per read, {@link Timings#defaults()}.
   */
  public static KinesisSourceSettings of(List<String> streams, String region, String applicationName) {
    return new KinesisSourceSettings(streams, region, Optional.empty(), Optional.empty(), Optional.empty(),
        applicationName, applicationName, word(InitialPosition.class, INITIAL_POSITION.byDefault()),
        Optional.empty(), word(Consumer.class, CONSUMER.byDefault()),
        word(LeaseAssignment.class, LEASE_ASSIGNMENT.byDefault()), word(KclMetrics.class, KCL_METRICS.byDefault()),
        MAX_RECORDS.byDefault(), Timings.defaults());
  }

  /**
   * The constant of {@code type} a configuration word names ({@code enhanced-fan-out} is {@code ENHANCED_FAN_OUT});
   * the words are those {@link KinesisKeys} allows.
   */
  public static <E extends Enum<E>> E word(Class<E> type, String word) {
    return Enum.valueOf(type, word.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  /** The same endpoint override for Kinesis, DynamoDB and CloudWatch is rare; each is given on its own. */
  public KinesisSourceSettings withEndpoints(URI kinesis, URI dynamoDb, URI cloudWatch) {
    return new KinesisSourceSettings(streams, region, Optional.ofNullable(kinesis), Optional.ofNullable(dynamoDb),
        Optional.ofNullable(cloudWatch), applicationName, leaseTable, initialPosition, atTimestamp, consumer,
        leaseAssignment, kclMetrics, maxRecords, timings);
  }

  public KinesisSourceSettings withTimings(Timings newTimings) {
    return new KinesisSourceSettings(streams, region, endpoint, dynamoDbEndpoint, cloudWatchEndpoint,
        applicationName, leaseTable, initialPosition, atTimestamp, consumer, leaseAssignment, kclMetrics, maxRecords,
        newTimings);
  }

  public KinesisSourceSettings withLeaseAssignment(LeaseAssignment assignment) {
    return new KinesisSourceSettings(streams, region, endpoint, dynamoDbEndpoint, cloudWatchEndpoint,
        applicationName, leaseTable, initialPosition, atTimestamp, consumer, assignment, kclMetrics, maxRecords,
        timings);
  }

  public KinesisSourceSettings withConsumer(Consumer newConsumer) {
    return new KinesisSourceSettings(streams, region, endpoint, dynamoDbEndpoint, cloudWatchEndpoint,
        applicationName, leaseTable, initialPosition, atTimestamp, newConsumer, leaseAssignment, kclMetrics,
        maxRecords, timings);
  }

  public KinesisSourceSettings withInitialPosition(InitialPosition position, Optional<Instant> timestamp) {
    return new KinesisSourceSettings(streams, region, endpoint, dynamoDbEndpoint, cloudWatchEndpoint,
        applicationName, leaseTable, position, timestamp, consumer, leaseAssignment, kclMetrics, maxRecords,
        timings);
  }

  public KinesisSourceSettings withMaxRecords(int max) {
    return new KinesisSourceSettings(streams, region, endpoint, dynamoDbEndpoint, cloudWatchEndpoint,
        applicationName, leaseTable, initialPosition, atTimestamp, consumer, leaseAssignment, kclMetrics, max,
        timings);
  }

  /** Whether KCL runs in multi-stream mode (more than one stream). */
  public boolean multiStream() {
    return streams.size() > 1;
  }

  private static void requireEndpoint(Optional<URI> endpoint, String key) {
    Objects.requireNonNull(endpoint, key + " may not be null");
    endpoint.ifPresent(uri -> {
      if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || uri.getHost() == null) {
        throw new IllegalArgumentException("Invalid " + key + " '" + uri + "': an http:// or https:// URL");
      }
    });
  }

  private static void requirePositive(Duration value, String key) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("Invalid " + key + " " + value + ": must be a positive duration");
    }
  }
}
