package io.tributary.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.kinesis.testing.KinesisLocal;
import io.tributary.kinesis.testing.RecordingInterceptor;
import io.tributary.landing.Landing;
import io.tributary.store.LocalFileStore;
import io.tributary.testing.TestLandings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamConsumerRequest;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.RegisterStreamConsumerRequest;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardRequest;
import software.amazon.kinesis.retrieval.fanout.FanOutConfig;
import software.amazon.kinesis.retrieval.polling.PollingConfig;

/**
 * Enhanced fan-out, as far as it runs here. kinesis-local registers and describes stream consumers but answers no
 * {@code SubscribeToShard}, so no record is read this way: what is checked is what the source asks Kinesis for (an
 * SDK interceptor records every request): the consumer registered under the application's name for the stream, each
 * shard subscribed through that consumer from TRIM_HORIZON, and no polling at all. What is not checked: records
 * arriving over the HTTP/2 event stream, and its reconnects.
 */
class KinesisEnhancedFanOutTest extends WithKinesisServers {

  /** Every Kinesis operation KCL 3.5.1 used for enhanced fan-out here; deploy's TaskRoleTemplateTest grants them. */
  static final List<String> EFO_OPERATIONS = List.of("DescribeStreamSummary", "ListShards",
      "RegisterStreamConsumer", "DescribeStreamConsumer", "SubscribeToShard");

  @TempDir
  Path root;

  @Test
  void theConsumerIsRegisteredUnderTheApplicationAndEveryShardIsSubscribedThroughIt() throws Exception {
    String stream = harness.createStream("efo", 2);
    String application = "efo-app";
    harness.createLeases(application, List.of(stream));
    RecordingInterceptor requests = new RecordingInterceptor();
    Landing landing = new Landing(TestLandings.byStream("e", Duration.ofMillis(200)), new LocalFileStore(root),
        Clock.systemUTC());
    KinesisSource source = new KinesisSource(harness.settings(application, List.of(stream))
        .withConsumer(KinesisSourceSettings.Consumer.ENHANCED_FAN_OUT), landing, "e", KinesisLocal.CREDENTIALS,
        Clock.systemUTC(), List.of(requests));
    List<String> shards = harness.kinesis().shards(stream, false).stream().map(Shard::shardId).toList();
    try {
      source.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (requests.of(SubscribeToShardRequest.class).stream().map(SubscribeToShardRequest::shardId).distinct()
          .count() < shards.size() && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
    } finally {
      source.stop(Duration.ofSeconds(20));
      landing.close();
    }

    String streamArn = harness.kinesis().client().describeStreamSummary(b -> b.streamName(stream)).join()
        .streamDescriptionSummary().streamARN();
    String consumerArn = harness.kinesis().client().describeStreamConsumer(b -> b.streamARN(streamArn)
        .consumerName(application)).join().consumerDescription().consumerARN();
    assertThat(requests.of(RegisterStreamConsumerRequest.class)).isNotEmpty().allSatisfy(register -> {
      assertThat(register.consumerName()).isEqualTo(application);
      assertThat(register.streamARN()).isEqualTo(streamArn);
    });
    assertThat(requests.of(DescribeStreamConsumerRequest.class)).isNotEmpty();
    List<SubscribeToShardRequest> subscriptions = requests.of(SubscribeToShardRequest.class);
    assertThat(subscriptions).extracting(SubscribeToShardRequest::shardId).containsAll(shards);
    assertThat(subscriptions).allSatisfy(subscribe -> {
      assertThat(subscribe.consumerARN()).isEqualTo(consumerArn);
      assertThat(subscribe.startingPosition().type()).isEqualTo(ShardIteratorType.TRIM_HORIZON);
    });
    assertThat(requests.of(GetRecordsRequest.class)).as("no polling").isEmpty();
    List<String> operations = requests.operations(GetRecordsRequest.class.getPackageName());
    System.out.println("EFO Kinesis operations: " + operations);
    assertThat(operations).containsAll(List.of("RegisterStreamConsumer", "SubscribeToShard"));
    assertThat(EFO_OPERATIONS).as("operations the task role must grant").containsAll(operations);
  }

  @Test
  void enhancedFanOutNamesTheConsumerAfterTheApplicationAndPollingKeepsItsTimings() {
    KinesisSourceSettings one = harness.settings("efo-one", List.of("a"))
        .withConsumer(KinesisSourceSettings.Consumer.ENHANCED_FAN_OUT);
    try (KinesisClients clients = KinesisClients.build(one, KinesisLocal.CREDENTIALS)) {
      FanOutConfig fanOut = (FanOutConfig) KclSchedulers.retrievalSpecific(one, clients);
      assertThat(fanOut.applicationName()).isEqualTo("efo-one");
      assertThat(fanOut.streamName()).isEqualTo("a");
    }
    KinesisSourceSettings two = harness.settings("efo-two", List.of("a", "b"))
        .withConsumer(KinesisSourceSettings.Consumer.ENHANCED_FAN_OUT);
    try (KinesisClients clients = KinesisClients.build(two, KinesisLocal.CREDENTIALS)) {
      FanOutConfig fanOut = (FanOutConfig) KclSchedulers.retrievalSpecific(two, clients);
      assertThat(fanOut.streamName()).as("multi-stream: KCL names each stream").isNull();
      assertThat(fanOut.applicationName()).isEqualTo("efo-two");
    }
    KinesisSourceSettings polling = harness.settings("poll", List.of("a")).withMaxRecords(500);
    try (KinesisClients clients = KinesisClients.build(polling, KinesisLocal.CREDENTIALS)) {
      PollingConfig config = (PollingConfig) KclSchedulers.retrievalSpecific(polling, clients);
      assertThat(config.maxRecords()).isEqualTo(500);
      assertThat(config.idleTimeBetweenReadsInMillis()).isEqualTo(200);
    }
  }
}
