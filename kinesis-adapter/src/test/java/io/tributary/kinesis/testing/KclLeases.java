package io.tributary.kinesis.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
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
 * A new application's leases, created before its first worker starts the way KCL's leader would, through KCL's
 * public lease refresher: with an empty lease table KCL 3 waits a random 1 to 30 s before its first shard sync,
 * which would make every test wait that long (the first start itself is measured in KinesisFirstStartTest).
 */
public final class KclLeases {

  private KclLeases() {}

  /** Creates the lease table of {@code application} and a lease at TRIM_HORIZON for each open shard. */
  public static void create(DynamoDbAsyncClient dynamo, KinesisLocal kinesis, String application,
      List<String> streams) {
    boolean multi = streams.size() > 1;
    DynamoDBLeaseRefresher refresher = new DynamoDBLeaseRefresher(application, dynamo,
        multi ? new DynamoDBMultiStreamLeaseSerializer() : new DynamoDBLeaseSerializer(), true,
        TableCreatorCallback.NOOP_TABLE_CREATOR_CALLBACK, Duration.ofSeconds(30), new DdbTableConfig(), false, false,
        List.of());
    try {
      refresher.createLeaseTableIfNotExists();
      refresher.waitUntilLeaseTableExists(1, 60);
      // KCL 3 creates this index itself but then polls for it every 10 s.
      refresher.createLeaseOwnerToLeaseKeyIndexIfNotExists();
      refresher.waitUntilLeaseOwnerToLeaseKeyIndexExists(1, 60);
      for (String stream : streams) {
        StreamIdentifier id = multi ? identifier(kinesis, stream) : null;
        for (Shard shard : kinesis.shards(stream, false)) {
          refresher.createLeaseIfNotExists(lease(shard, id));
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("Cannot create the leases of " + application, e);
    }
  }

  private static Lease lease(Shard shard, StreamIdentifier stream) {
    Lease lease;
    if (stream == null) {
      lease = new Lease();
      lease.leaseKey(shard.shardId());
    } else {
      MultiStreamLease multi = new MultiStreamLease();
      multi.leaseKey(MultiStreamLease.getLeaseKey(stream.serialize(), shard.shardId()));
      multi.streamIdentifier(stream.serialize());
      multi.shardId(shard.shardId());
      lease = multi;
    }
    List<String> parents = new ArrayList<>();
    if (shard.parentShardId() != null) {
      parents.add(shard.parentShardId());
    }
    if (shard.adjacentParentShardId() != null) {
      parents.add(shard.adjacentParentShardId());
    }
    lease.parentShardIds(parents);
    lease.checkpoint(ExtendedSequenceNumber.TRIM_HORIZON);
    lease.ownerSwitchesSinceCheckpoint(0L);
    lease.hashKeyRange(HashKeyRangeForLease.fromHashKeyRange(shard.hashKeyRange()));
    return lease;
  }

  /** The multi-stream identifier of {@code stream}, as KCL keys its leases: ARN and creation time. */
  private static StreamIdentifier identifier(KinesisLocal kinesis, String stream) {
    StreamDescriptionSummary summary = kinesis.client().describeStreamSummary(b -> b.streamName(stream)).join()
        .streamDescriptionSummary();
    return StreamIdentifier.multiStreamInstance(Arn.fromString(summary.streamARN()),
        summary.streamCreationTimestamp().getEpochSecond());
  }
}
