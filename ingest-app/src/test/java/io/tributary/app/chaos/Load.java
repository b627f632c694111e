package io.tributary.app.chaos;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A producer that is not ours — a plain {@link KafkaProducer} with {@code acks=all} and retries — writing events
 * round-robin over the partitions of some topics at a steady rate from its own thread, about 1% of them broken
 * JSON ({@link #isBroken}). It counts what the broker acknowledged; what the lake must hold is read back from the
 * topics themselves ({@link Lake#log}), so a retry that wrote an event twice, or a send that timed out after all,
 * is judged by what really is in the log. Idempotence is off: after a broker restart Kafka 4.3.1's idempotent
 * producer once held a partition's batches until they expired (5 minutes), which would test the producer, not us.
 */
final class Load implements AutoCloseable {

  private static final long HOUR = 1_763_704_800_000L;

  private final List<String> topics;
  private final int partitions;
  private final int perSecond;
  private final Producer<byte[], byte[]> producer;
  private final Set<String> acked = ConcurrentHashMap.newKeySet();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final Thread thread;
  private volatile boolean running = true;

  private Load(String bootstrap, List<String> topics, int partitions, int perSecond) {
    this.topics = List.copyOf(topics);
    this.partitions = partitions;
    this.perSecond = perSecond;
    this.producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false",
        ProducerConfig.LINGER_MS_CONFIG, "5",
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "300000",
        ProducerConfig.MAX_BLOCK_MS_CONFIG, "300000",
        ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000"),
        new ByteArraySerializer(), new ByteArraySerializer());
    this.thread = new Thread(this::run, "load");
  }

  /** Starts writing {@code perSecond} events a second until {@link #stop()}. */
  static Load start(String bootstrap, List<String> topics, int partitions, int perSecond) {
    Load load = new Load(bootstrap, topics, partitions, perSecond);
    load.thread.start();
    return load;
  }

  /** Stops writing and waits until every event written is acknowledged or failed. */
  Load stop() throws InterruptedException {
    running = false;
    thread.join();
    producer.flush();
    if (failed.get() > 0) {
      System.out.printf("CHAOS load: %d of %d sends failed (%s); the log is the truth%n", failed.get(), sent.get(),
          failure.get());
    }
    return this;
  }

  /** True for the payloads this load writes broken. */
  static boolean isBroken(byte[] payload) {
    return payload != null && new String(payload, StandardCharsets.UTF_8).endsWith("\"oops\": ");
  }

  /** Events handed to the producer so far (acknowledged or not yet). */
  long sent() {
    return sent.get();
  }

  /** The acknowledged coordinates so far. */
  Set<String> acked() {
    return Set.copyOf(acked);
  }

  @Override
  public void close() {
    running = false;
    producer.close();
  }

  private void run() {
    Random random = new Random(topics.hashCode());
    long started = System.nanoTime();
    long i = 0;
    while (running) {
      long due = started + i * 1_000_000_000L / perSecond;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        try {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        continue;
      }
      String topic = topics.get((int) (i % topics.size()));
      int partition = (int) ((i / topics.size()) % partitions);
      boolean broken = random.nextInt(100) == 0;
      String json = broken ? "{\"id\": " + i + ", \"oops\": "
          : "{\"id\": " + i + ", \"ts\": " + (HOUR + i * 50L) + ", \"amount\": " + random.nextInt(10_000)
              + ", \"service\": \"svc-" + (i % 7) + "\"" + (i % 3 == 0 ? ", \"tags\": [\"a\", \"b\"]" : "")
              + (i % 5 == 0 ? ", \"user\": {\"id\": " + i + ", \"country\": \"DE\"}" : "") + "}";
      try {
        producer.send(new ProducerRecord<>(topic, partition, null, json.getBytes(StandardCharsets.UTF_8)),
            (metadata, error) -> {
              if (error != null) {
                failed.incrementAndGet();
                failure.compareAndSet(null, error);
                return;
              }
              String coordinate = metadata.topic() + "/" + metadata.partition() + "/" + metadata.offset();
              acked.add(coordinate);
            });
        sent.incrementAndGet();
      } catch (RuntimeException e) {
        failure.compareAndSet(null, e);
        return;
      }
      i++;
    }
  }

  /** Topic names for a scenario: unique per run. */
  static List<String> topicNames(String scenario, int count) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add(scenario + "-" + (char) ('a' + i));
    }
    return names;
  }
}
