package io.tributary.kinesis;

import static io.tributary.config.ValueType.STRING;
import static io.tributary.config.ValueType.STRING_LIST;
import static io.tributary.config.ValueType.duration;
import static io.tributary.config.ValueType.integer;
import static io.tributary.config.ValueType.oneOf;

import io.tributary.config.ConfigKey;
import java.time.Duration;
import java.util.List;

/**
 * The Kinesis source's keys ({@code kinesis.*}), declared once with their defaults: {@link KinesisSourceSettings}
 * takes its defaults from here and names these keys in its messages.
 */
public final class KinesisKeys {

  private KinesisKeys() {}

  public static final ConfigKey<List<String>> STREAMS = ConfigKey.optional("kinesis.streams", STRING_LIST,
      "Stream names to read. Required with `source.type: kinesis`; more than one runs KCL in multi-stream mode "
          + "(one lease table for all).");
  public static final ConfigKey<String> REGION = ConfigKey.optional("kinesis.region", STRING,
      "Region of the streams, the lease table and KCL's metrics. Default: from the environment (AWS_REGION).");
  public static final ConfigKey<String> ENDPOINT = ConfigKey.optional("kinesis.endpoint", STRING,
      "A Kinesis endpoint override (kinesis-local, a VPC endpoint URL); absent for AWS.");
  public static final ConfigKey<String> DYNAMODB_ENDPOINT = ConfigKey.optional("kinesis.dynamodb-endpoint",
      STRING, "A DynamoDB endpoint override for the lease table (DynamoDB Local, a VPC endpoint); absent for AWS.");
  public static final ConfigKey<String> CLOUDWATCH_ENDPOINT = ConfigKey.optional(
      "kinesis.cloudwatch-endpoint", STRING, "A CloudWatch endpoint override for KCL's own metrics; absent for AWS.");
  public static final ConfigKey<String> APPLICATION = ConfigKey.of("kinesis.application-name", STRING,
      "tributary", "The KCL application: one per deployment (like a consumer group). Names the lease table unless "
          + "`kinesis.lease-table` is given, and the enhanced fan-out consumer.");
  public static final ConfigKey<String> LEASE_TABLE = ConfigKey.optional("kinesis.lease-table", STRING,
      "The DynamoDB table of leases and checkpoints. Default: the application name.");
  public static final ConfigKey<String> INITIAL_POSITION = ConfigKey.of("kinesis.initial-position",
      oneOf("trim-horizon", "latest", "at-timestamp"), "trim-horizon",
      "Where a shard with no checkpoint starts: the oldest record kept, the newest, or `kinesis.initial-timestamp`. "
          + "With `latest`, a task killed before a new shard's first flush can leave records behind (KCL cannot "
          + "checkpoint before a first record; see docs/design/kinesis.md): prefer `at-timestamp` to start late.");
  public static final ConfigKey<String> INITIAL_TIMESTAMP = ConfigKey.optional("kinesis.initial-timestamp",
      STRING, "An ISO-8601 instant (`2025-11-21T06:00:00Z`); required with `initial-position: at-timestamp`.");
  public static final ConfigKey<String> CONSUMER = ConfigKey.of("kinesis.consumer",
      oneOf("polling", "enhanced-fan-out"), "polling",
      "`polling`: GetRecords, sharing 2 MB/s per shard with other consumers; `enhanced-fan-out`: SubscribeToShard "
          + "with a dedicated 2 MB/s per shard (registers a stream consumer; billed per shard hour and GB).");
  public static final ConfigKey<String> LEASE_ASSIGNMENT = ConfigKey.of("kinesis.lease-assignment",
      oneOf("worker-utilization", "lease-count"), "worker-utilization",
      "How KCL 3's leader spreads shards over tasks: by each task's CPU and the shards' throughput (KCL's default), "
          + "or an even count per task.");
  public static final ConfigKey<String> KCL_METRICS = ConfigKey.of("kinesis.kcl-metrics",
      oneOf("none", "summary", "detailed"), "none",
      "KCL's own CloudWatch metrics (billed per metric); Tributary's metrics, source lag included, are separate.");
  public static final ConfigKey<Integer> MAX_RECORDS = ConfigKey.of("kinesis.max-records",
      integer(1, 10_000), 10_000, "The most records one GetRecords call returns (polling).");
  public static final ConfigKey<Duration> SHARD_SYNC = ConfigKey.of("kinesis.shard-sync-interval",
      duration(Duration.ofMillis(100)), Duration.ofSeconds(60),
      "How often the leader lists shards and creates leases for new ones (after a reshard).");
  public static final ConfigKey<Duration> FAILOVER = ConfigKey.of("kinesis.failover-time",
      duration(Duration.ofMillis(100)), Duration.ofSeconds(10),
      "A lease not renewed for this long expires: a killed task's shards move after about this long.");
  public static final ConfigKey<Duration> LEASE_ASSIGNMENT_INTERVAL = ConfigKey.optional(
      "kinesis.lease-assignment-interval", duration(Duration.ofMillis(100)),
      "How often the leader assigns expired and new leases. Default: twice `kinesis.failover-time`.");
  public static final ConfigKey<Duration> LEADER_LEASE = ConfigKey.of("kinesis.leader-lease-duration",
      duration(Duration.ofSeconds(1)), Duration.ofSeconds(30),
      "How long a killed leader keeps the leadership lock (KCL's default is 2 minutes, during which nobody "
          + "assigns leases).");
  public static final ConfigKey<Duration> IDLE_BETWEEN_READS = ConfigKey.of(
      "kinesis.idle-time-between-reads", duration(Duration.ofMillis(200)), Duration.ofMillis(1500),
      "The pause between GetRecords calls of one shard (polling; 5 reads per second per shard are allowed).");
  public static final ConfigKey<Duration> PARENT_POLL = ConfigKey.of("kinesis.parent-shard-poll-interval",
      duration(Duration.ofMillis(100)), Duration.ofSeconds(10),
      "How often a child shard checks whether its parents are finished (children start after their parents).");
  public static final ConfigKey<Duration> WORKER_REPORT = ConfigKey.of("kinesis.worker-report-interval",
      duration(Duration.ofSeconds(2)), Duration.ofSeconds(30),
      "How often each task reports itself to the leader; a task silent for two intervals gets no more leases.");
  public static final ConfigKey<Duration> TICK = ConfigKey.of("kinesis.tick-interval",
      duration(Duration.ofMillis(50)), Duration.ofSeconds(1),
      "How often aged buffers are rolled; each shard checkpoints what became durable on its next read.");

  /** These keys, in documentation order. */
  public static List<ConfigKey<?>> all() {
    return List.of(STREAMS, REGION, ENDPOINT, DYNAMODB_ENDPOINT, CLOUDWATCH_ENDPOINT, APPLICATION, LEASE_TABLE,
        INITIAL_POSITION, INITIAL_TIMESTAMP, CONSUMER, LEASE_ASSIGNMENT, KCL_METRICS, MAX_RECORDS, SHARD_SYNC,
        FAILOVER, LEASE_ASSIGNMENT_INTERVAL, LEADER_LEASE, IDLE_BETWEEN_READS, PARENT_POLL, WORKER_REPORT, TICK);
  }
}
