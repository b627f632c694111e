package io.tributary.kinesis;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryRequest;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.kinesis.common.InitialPositionInStream;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;
import software.amazon.kinesis.common.StreamConfig;
import software.amazon.kinesis.common.StreamIdentifier;
import software.amazon.kinesis.processor.FormerStreamsLeasesDeletionStrategy;
import software.amazon.kinesis.processor.MultiStreamTracker;
import software.amazon.kinesis.processor.SingleStreamTracker;
import software.amazon.kinesis.processor.StreamTracker;

/** KCL's view of the configured streams: one stream as is, several as a fixed multi-stream tracker. */
final class StreamTrackers {

  private StreamTrackers() {}

  static InitialPositionInStreamExtended initialPosition(KinesisSourceSettings settings) {
    switch (settings.initialPosition()) {
      case LATEST:
        return InitialPositionInStreamExtended.newInitialPosition(InitialPositionInStream.LATEST);
      case AT_TIMESTAMP:
        return InitialPositionInStreamExtended.newInitialPositionAtTimestamp(
            Date.from(settings.atTimestamp().orElseThrow()));
      default:
        return InitialPositionInStreamExtended.newInitialPosition(InitialPositionInStream.TRIM_HORIZON);
    }
  }

  /**
   * The tracker for the settings' streams. In multi-stream mode KCL keys leases by account, stream and creation
   * time, so each stream is described once here (it must exist).
   */
  static StreamTracker of(KinesisSourceSettings settings, KinesisAsyncClient kinesis) {
    InitialPositionInStreamExtended start = initialPosition(settings);
    if (!settings.multiStream()) {
      return new SingleStreamTracker(settings.streams().get(0), start);
    }
    List<StreamConfig> configs = new ArrayList<>();
    for (String stream : settings.streams()) {
      configs.add(new StreamConfig(identifier(kinesis, stream), start));
    }
    return new FixedStreams(List.copyOf(configs));
  }

  /** The multi-stream identifier of {@code stream}: its ARN and creation time. */
  static StreamIdentifier identifier(KinesisAsyncClient kinesis, String stream) {
    StreamDescriptionSummary summary;
    try {
      summary = kinesis.describeStreamSummary(DescribeStreamSummaryRequest.builder().streamName(stream).build())
          .join().streamDescriptionSummary();
    } catch (CompletionException e) {
      throw new IllegalStateException("Cannot describe Kinesis stream " + stream + ": " + e.getCause(), e.getCause());
    }
    return StreamIdentifier.multiStreamInstance(Arn.fromString(summary.streamARN()),
        summary.streamCreationTimestamp().getEpochSecond());
  }

  /** The configured streams, never changing while running: leases of other streams are left alone. */
  private static final class FixedStreams implements MultiStreamTracker {
    private final List<StreamConfig> configs;

    FixedStreams(List<StreamConfig> configs) {
      this.configs = configs;
    }

    @Override
    public List<StreamConfig> streamConfigList() {
      return configs;
    }

    @Override
    public FormerStreamsLeasesDeletionStrategy formerStreamsLeasesDeletionStrategy() {
      return new FormerStreamsLeasesDeletionStrategy.NoLeaseDeletionStrategy();
    }
  }
}
