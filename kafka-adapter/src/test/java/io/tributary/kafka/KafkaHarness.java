package io.tributary.kafka;

import io.tributary.kafka.testing.KafkaBroker;
import io.tributary.landing.Landing;
import io.tributary.source.Source;
import io.tributary.source.SourceHarness;
import io.tributary.source.SourcePartition;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;

/** The sources kit's view of a real broker and of {@link KafkaSource}, with short timings for tests. */
final class KafkaHarness implements SourceHarness {

  private static final AtomicInteger TOPICS = new AtomicInteger();

  private final KafkaBroker broker;

  KafkaHarness(KafkaBroker broker) {
    this.broker = broker;
  }

  /** Test timings: tick 200 ms, Kafka Streams commits every second, a silent member is out after 6 s. */
  static KafkaSourceSettings settings(String bootstrap, String group, List<String> topics) {
    return KafkaSourceSettings.forTopics(bootstrap, group, topics)
        .withTimings(Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(6), Duration.ofSeconds(2));
  }

  @Override
  public String createStream(String prefix, int partitions) {
    String topic = prefix + "-" + TOPICS.incrementAndGet();
    broker.createTopic(topic, partitions);
    return topic;
  }

  @Override
  public Sent send(String stream, int partitionIndex, byte[] value) {
    long offset = broker.send(stream, partitionIndex, null, value);
    return new Sent(new SourcePartition(stream, Integer.toString(partitionIndex)), Long.toString(offset));
  }

  @Override
  public Source newSource(String group, List<String> streams, Landing landing, String instanceId) {
    return new KafkaSource(settings(broker.bootstrapServers(), group, streams), landing, instanceId);
  }

  @Override
  public Optional<String> committedThrough(String group, SourcePartition partition) {
    return broker.committed(group, new TopicPartition(partition.stream(), Integer.parseInt(partition.partition())))
        .filter(next -> next > 0)
        .map(next -> Long.toString(next - 1));
  }
}
