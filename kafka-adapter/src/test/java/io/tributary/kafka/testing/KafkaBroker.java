package io.tributary.kafka.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka 4.3.1 broker in KRaft mode (combined broker and controller), in this JVM, on a free loopback port,
 * with a plain producer (not ours) and an admin client. Closed by its owner. {@link #connect} gives the same view
 * of a broker started elsewhere (a container).
 */
public final class KafkaBroker implements AutoCloseable {

  private final KafkaClusterTestKit cluster;
  private final Admin admin;
  private final Producer<byte[], byte[]> producer;

  private final String bootstrapServers;

  private KafkaBroker(KafkaClusterTestKit cluster, String bootstrapServers) {
    this.cluster = cluster;
    this.bootstrapServers = bootstrapServers;
    this.admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
    this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "acks", "all",
        "enable.idempotence", "true", "linger.ms", "0"), new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** A producer and an admin client for a broker someone else runs; closing them leaves the broker alone. */
  public static KafkaBroker connect(String bootstrapServers) {
    return new KafkaBroker(null, bootstrapServers);
  }

  /** Formats and starts a one-node cluster; groups rebalance without the initial delay. */
  public static KafkaBroker start() throws Exception {
    KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
        .setConfigProp("group.initial.rebalance.delay.ms", "0")
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("offsets.topic.num.partitions", "4")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .setConfigProp("group.min.session.timeout.ms", "1000")
        .setConfigProp("auto.create.topics.enable", "false")
        .build();
    try {
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      return new KafkaBroker(cluster, cluster.bootstrapServers());
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public Admin admin() {
    return admin;
  }

  public void createTopic(String topic, int partitions) {
    try {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot create topic " + topic, e.getCause());
    }
  }

  /** Writes one record and waits for the broker's ack; returns its offset. */
  public long send(String topic, int partition, byte[] key, byte[] value) {
    try {
      RecordMetadata written = producer.send(new ProducerRecord<>(topic, partition, key, value)).get();
      return written.offset();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot write to " + topic + "-" + partition, e.getCause());
    }
  }

  public long send(String topic, int partition, String value) {
    return send(topic, partition, null, value.getBytes(StandardCharsets.UTF_8));
  }

  /** The offset {@code group} has committed for {@code partition}: the next one it will read. */
  public Optional<Long> committed(String group, TopicPartition partition) {
    try {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      return Optional.ofNullable(offsets.get(partition)).map(OffsetAndMetadata::offset);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot read the offsets of group " + group, e.getCause());
    }
  }

  @Override
  public void close() throws Exception {
    try {
      producer.close();
      admin.close();
    } finally {
      if (cluster != null) {
        cluster.close();
      }
    }
  }
}
