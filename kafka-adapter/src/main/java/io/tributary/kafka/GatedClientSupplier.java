package io.tributary.kafka;

import io.tributary.source.LagTracker;
import io.tributary.source.SourceLanding;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaClientSupplier;

/** Kafka Streams' clients, with a {@link GatedConsumer} as each stream thread's main consumer. */
final class GatedClientSupplier implements KafkaClientSupplier {

  private final SourceLanding landing;
  private final LagTracker lag;
  private final PartitionOwners owners;
  private final Duration tick;
  private final Clock clock;

  GatedClientSupplier(SourceLanding landing, LagTracker lag, PartitionOwners owners, Duration tick, Clock clock) {
    this.landing = landing;
    this.lag = lag;
    this.owners = owners;
    this.tick = tick;
    this.clock = clock;
  }

  @Override
  public Admin getAdmin(Map<String, Object> config) {
    return Admin.create(config);
  }

  @Override
  public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  @Override
  public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
    return new GatedConsumer(config, landing, lag, owners, tick, clock);
  }

  @Override
  public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  @Override
  public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
