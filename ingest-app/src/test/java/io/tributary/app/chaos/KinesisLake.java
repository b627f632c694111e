package io.tributary.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.kinesis.KinesisPositions;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.kinesis.retrieval.AggregatorUtil;
import software.amazon.kinesis.retrieval.KinesisClientRecord;
import software.amazon.kinesis.retrieval.kpl.ExtendedSequenceNumber;

/**
 * One Kinesis scenario's lake in a bucket of S3Proxy and its KCL application: the service's configuration, the stream
 * read back to its end (the truth the lake is held to, KPL aggregates split as KCL splits them), and the
 * checkpoints in the lease table.
 */
final class KinesisLake {

  private final String scenario;
  private final String stream;
  private final String config;
  private final KinesisAsyncClient kinesis;
  private final DynamoDbAsyncClient dynamo;
  private final ExactlyOnce.Counts counts;

  KinesisLake(String scenario, String stream, Path bucketFolder, String config, KinesisAsyncClient kinesis,
      DynamoDbAsyncClient dynamo) {
    this(scenario, stream, config, kinesis, dynamo,
        ExactlyOnce.Counts.files(bucketFolder.resolve("lake"), bucketFolder.resolve("errors")));
  }

  /** A lake counted by {@code counts} (an Iceberg lake: its tables' current snapshots and the error files). */
  KinesisLake(String scenario, String stream, String config, KinesisAsyncClient kinesis, DynamoDbAsyncClient dynamo,
      ExactlyOnce.Counts counts) {
    this.counts = counts;
    this.scenario = scenario;
    this.stream = stream;
    this.config = config;
    this.kinesis = kinesis;
    this.dynamo = dynamo;
  }

  /**
   * The service's configuration: a Kinesis source on kinesis-local and DynamoDB Local (the application named after
   * the scenario, short KCL timings: a killed or frozen task's leases expire after 3 s, the leader assigns every
   * second, a killed leader's lock lasts 3 s), S3 through S3Proxy, 1 s rolls.
   */
  static String config(String scenario, String stream, String kinesisEndpoint, String dynamoEndpoint, String bucket,
      String s3Endpoint) {
    return String.join("\n", kinesisConfig(scenario, stream, kinesisEndpoint, dynamoEndpoint),
        Lake.storeConfig(bucket, s3Endpoint));
  }

  /** The source part of a Kinesis scenario's configuration (see {@link #config}). */
  static String kinesisConfig(String scenario, String stream, String kinesisEndpoint, String dynamoEndpoint) {
    return String.join("\n",
        "source:",
        "  type: kinesis",
        "kinesis:",
        "  streams: [" + stream + "]",
        "  region: us-east-1",
        "  endpoint: " + kinesisEndpoint,
        "  dynamodb-endpoint: " + dynamoEndpoint,
        "  application-name: " + scenario,
        "  lease-assignment: lease-count",
        "  shard-sync-interval: 2s",
        "  failover-time: 3s",
        "  lease-assignment-interval: 1s",
        "  leader-lease-duration: 3s",
        "  idle-time-between-reads: 200ms",
        "  parent-shard-poll-interval: 500ms",
        "  worker-report-interval: 2s",
        "  tick-interval: 200ms");
  }

  String config() {
    return config;
  }

  String scenario() {
    return scenario;
  }

  String stream() {
    return stream;
  }

  ExactlyOnce checks() {
    return new ExactlyOnce(scenario, counts);
  }

  /** Every record in the stream (every shard, closed ones too), KPL aggregates split: coordinate → broken. */
  Map<String, Boolean> log() {
    Map<String, Boolean> records = new HashMap<>();
    AggregatorUtil aggregates = new AggregatorUtil();
    for (Shard shard : shards()) {
      boolean open = shard.sequenceNumberRange().endingSequenceNumber() == null;
      String iterator = kinesis.getShardIterator(b -> b.streamName(stream).shardId(shard.shardId())
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).join().shardIterator();
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (iterator != null) {
        String current = iterator;
        GetRecordsResponse page = kinesis.getRecords(b -> b.shardIterator(current).limit(10_000)).join();
        List<KinesisClientRecord> read = new ArrayList<>();
        page.records().forEach(r -> read.add(KinesisClientRecord.fromRecord(r)));
        for (KinesisClientRecord record : aggregates.deaggregate(read)) {
          byte[] data = new byte[record.data().remaining()];
          record.data().duplicate().get(data);
          records.put(stream + "/" + shard.shardId() + "/"
              + KinesisPositions.encode(record.sequenceNumber(), record.subSequenceNumber()), Load.isBroken(data));
        }
        iterator = page.nextShardIterator();
        if (open && page.records().isEmpty() && Long.valueOf(0).equals(page.millisBehindLatest())) {
          break;
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError(scenario + ": could not read shard " + shard.shardId() + " to its end");
        }
      }
    }
    return records;
  }

  /** Every shard of the stream, closed ones too. */
  List<Shard> shards() {
    List<Shard> shards = new ArrayList<>();
    var page = kinesis.listShards(b -> b.streamName(stream)).join();
    shards.addAll(page.shards());
    while (page.nextToken() != null) {
      String token = page.nextToken();
      page = kinesis.listShards(b -> b.nextToken(token)).join();
      shards.addAll(page.shards());
    }
    return shards;
  }

  /** Each lease's checkpoint, by shard id: a position, or KCL's SHARD_END, TRIM_HORIZON, LATEST. */
  Map<String, String> checkpoints() {
    Map<String, String> checkpoints = new TreeMap<>();
    for (Map<String, AttributeValue> item : dynamo.scan(b -> b.tableName(scenario).consistentRead(true)).join()
        .items()) {
      AttributeValue key = item.get("leaseKey");
      AttributeValue checkpoint = item.get("checkpoint");
      if (key == null || checkpoint == null || !key.s().startsWith("shardId-")) {
        continue; // KCL 3.5 keeps its coordinator state and worker metrics in the lease table too
      }
      AttributeValue sub = item.get("checkpointSubSequenceNumber");
      ExtendedSequenceNumber at = new ExtendedSequenceNumber(checkpoint.s(), sub == null ? 0L : Long.parseLong(sub.n()));
      checkpoints.put(key.s(), KinesisPositions.of(at).map(Object::toString).orElse(checkpoint.s()));
    }
    return checkpoints;
  }

  /** Each lease's owner, by shard id (absent when unowned). */
  Map<String, String> owners() {
    Map<String, String> owners = new TreeMap<>();
    for (Map<String, AttributeValue> item : dynamo.scan(b -> b.tableName(scenario).consistentRead(true)).join()
        .items()) {
      AttributeValue key = item.get("leaseKey");
      AttributeValue owner = item.get("leaseOwner");
      AttributeValue checkpoint = item.get("checkpoint");
      if (key != null && key.s().startsWith("shardId-") && owner != null && checkpoint != null
          && !"SHARD_END".equals(checkpoint.s())) {
        owners.put(key.s(), owner.s());
      }
    }
    return owners;
  }

  /** The position of each shard's last record in {@code log} (coordinate → broken), by shard id. */
  static Map<String, BigInteger> lastPositions(Map<String, Boolean> log) {
    Map<String, BigInteger> last = new HashMap<>();
    for (String coordinate : log.keySet()) {
      String[] parts = coordinate.split("/");
      last.merge(parts[1], new BigInteger(parts[2]), BigInteger::max);
    }
    return last;
  }

  /**
   * Asserts that every shard is checkpointed at its end: a closed shard (a parent after a reshard) at SHARD_END, an
   * open one at its last record ({@code last}, from {@link #lastPositions}; without records, where it started).
   */
  void assertCheckpointedToTheEnd(Map<String, BigInteger> last) {
    Map<String, String> checkpoints = checkpoints();
    for (Shard shard : shards()) {
      boolean closed = shard.sequenceNumberRange().endingSequenceNumber() != null;
      String expected = closed ? "SHARD_END"
          : last.containsKey(shard.shardId()) ? last.get(shard.shardId()).toString() : "TRIM_HORIZON";
      assertThat(checkpoints.get(shard.shardId())).as("%s: checkpoint of %s", scenario, shard.shardId())
          .isEqualTo(expected);
    }
  }

  /** DESIGN §7 while no instance runs: every acknowledged record a checkpoint covers is in the lake. */
  long assertCheckpointedAreDurable(Set<String> acked) throws Exception {
    Map<String, String> checkpoints = checkpoints();
    return checks().assertCommittedAreDurable(acked, coordinate -> {
      String[] parts = coordinate.split("/");
      String checkpoint = checkpoints.get(parts[1]);
      if (checkpoint == null || checkpoint.equals("TRIM_HORIZON") || checkpoint.equals("LATEST")) {
        return false;
      }
      return checkpoint.equals("SHARD_END") || new BigInteger(parts[2]).compareTo(new BigInteger(checkpoint)) <= 0;
    }, checkpoints.toString());
  }
}
