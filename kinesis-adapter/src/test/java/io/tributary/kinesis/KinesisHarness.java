package io.tributary.kinesis;

import io.tributary.kinesis.testing.DynamoDbLocal;
import io.tributary.kinesis.testing.KclLeases;
import io.tributary.kinesis.testing.KinesisLocal;
import io.tributary.landing.Landing;
import io.tributary.source.Source;
import io.tributary.source.SourceHarness;
import io.tributary.source.SourcePartition;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.kinesis.common.DdbTableConfig;
import software.amazon.kinesis.common.HashKeyRangeForLease;
import software.amazon.kinesis.common.StreamIdentifier;
import software.amazon.kinesis.leases.Lease;
import software.amazon.kinesis.leases.MultiStreamLease;
import software.amazon.kinesis.leases.dynamodb.DynamoDBLeaseRefresher;
import software.amazon.kinesis.leases.dynamodb.DynamoDBLeaseSerializer;
import software.amazon.kinesis.leases.dynamodb.DynamoDBMultiStreamLeaseSerializer;
import software.amazon.kinesis.leases.dynamodb.TableCreatorCallback;
import software.amazon.kinesis.retrieval.kpl.ExtendedSequenceNumber;

/**
 * The sources kit's view of kinesis-local, DynamoDB Local and {@link KinesisSource}, with short KCL timings.
 *
 * <p>A new application's leases are created before its first worker starts, the way KCL's leader would, through
 * KCL's public lease refresher: with an empty lease table KCL 3 waits a random 1 to 30 s before its first shard
 * sync, which would make every test wait that long.
 */
final class KinesisHarness implements SourceHarness, AutoCloseable {

  private static final AtomicInteger STREAMS = new AtomicInteger();

  private final KinesisLocal kinesis;
  private final DynamoDbLocal dynamo;
  /** The open shards of each stream created here (the kit never reshards). */
  private final Map<String, List<Shard>> shards = new java.util.concurrent.ConcurrentHashMap<>();

  private KinesisHarness(KinesisLocal kinesis, DynamoDbLocal dynamo) {
    this.kinesis = kinesis;
    this.dynamo = dynamo;
  }

  /** Starts kinesis-local and DynamoDB Local; {@link #close} stops both. */
  static KinesisHarness start() throws Exception {
    KinesisLocal kinesis = KinesisLocal.start();
    try {
      return new KinesisHarness(kinesis, DynamoDbLocal.start());
    } catch (Exception | Error e) {
      kinesis.close();
      throw e;
    }
  }

  @Override
  public void close() throws Exception {
    try {
      dynamo.close();
    } finally {
      kinesis.close();
    }
  }

  /** {@link #settings(URI, URI, String, List)} for this harness's servers. */
  KinesisSourceSettings settings(String application, List<String> streams) {
    return settings(kinesis.endpoint(), dynamo.endpoint(), application, streams);
  }

  /**
   * Test timings: shards listed every 2 s, a silent worker's leases expire after 5 s and are assigned every second,
   * a killed leader's lock lasts 6 s, reads 200 ms apart, parents polled every 500 ms, workers report every 2 s (a
   * killed one is dead after 4 s), rolls ticked every 200 ms.
   * Leases by count (the hosts' CPU says nothing here).
   */
  static KinesisSourceSettings settings(URI kinesisEndpoint, URI dynamoEndpoint, String application,
      List<String> streams) {
    return KinesisSourceSettings.of(streams, KinesisLocal.REGION, application)
        .withEndpoints(kinesisEndpoint, dynamoEndpoint, null)
        .withLeaseAssignment(KinesisSourceSettings.LeaseAssignment.LEASE_COUNT)
        .withTimings(new KinesisSourceSettings.Timings(Duration.ofSeconds(2), Duration.ofSeconds(5),
            Optional.of(Duration.ofSeconds(1)), Duration.ofSeconds(6), Duration.ofMillis(200),
            Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofMillis(200)));
  }

  KinesisLocal kinesis() {
    return kinesis;
  }

  DynamoDbLocal dynamo() {
    return dynamo;
  }

  @Override
  public String createStream(String prefix, int partitions) {
    String stream = prefix + "-" + STREAMS.incrementAndGet();
    kinesis.createStream(stream, partitions);
    return stream;
  }

  @Override
  public Sent send(String stream, int partitionIndex, byte[] value) {
    Shard shard = shards.computeIfAbsent(stream, s -> kinesis.shards(s, false)).get(partitionIndex);
    String sequence = kinesis.put(stream, shard, "key-" + partitionIndex, value).sequenceNumber();
    return new Sent(new SourcePartition(stream, shard.shardId()), KinesisPositions.encode(sequence, 0).toString());
  }

  @Override
  public Source newSource(String group, List<String> streams, Landing landing, String instanceId) {
    createLeases(group, streams);
    return new KinesisSource(settings(group, streams), landing, instanceId, KinesisLocal.CREDENTIALS);
  }

  @Override
  public Optional<String> committedThrough(String group, SourcePartition partition) {
    List<Map<String, AttributeValue>> items;
    try {
      items = dynamo.client().scan(b -> b.tableName(group).consistentRead(true)).join().items();
    } catch (CompletionException e) {
      if (e.getCause() instanceof ResourceNotFoundException) {
        return Optional.empty();
      }
      throw e;
    }
    for (Map<String, AttributeValue> item : items) {
      if (!item.containsKey("leaseKey") || !leaseOf(item.get("leaseKey").s(), partition)) {
        continue;
      }
      AttributeValue checkpoint = item.get("checkpoint");
      AttributeValue sub = item.get("checkpointSubSequenceNumber");
      if (checkpoint == null) {
        return Optional.empty();
      }
      return KinesisPositions.of(new ExtendedSequenceNumber(checkpoint.s(),
          sub == null ? 0L : Long.parseLong(sub.n()))).map(Object::toString);
    }
    return Optional.empty();
  }

  /** Single-stream leases are keyed by shard id, multi-stream ones by account:stream:epoch:shard. */
  private static boolean leaseOf(String leaseKey, SourcePartition partition) {
    return leaseKey.equals(partition.partition())
        || leaseKey.endsWith(":" + partition.partition()) && leaseKey.contains(":" + partition.stream() + ":");
  }

  @Override
  public Duration patience() {
    return Duration.ofSeconds(120);
  }

  /** Creates the lease table of {@code application} and a lease at TRIM_HORIZON for each open shard. */
  void createLeases(String application, List<String> streams) {
    KclLeases.create(dynamo.client(), kinesis, application, streams);
  }
}
