package io.tributary.app.demo;

import static io.tributary.app.demo.DemoProgress.seconds;

import io.tributary.app.service.Service;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The simulated microservices' traffic: {@link Microservices} events sent to Kafka at a steady rate for a number of
 * seconds, on a thread of its own, while the calling thread prints a progress line a second.
 */
final class DemoTraffic {

  /** Events the broker acknowledged, and how many of them were made broken on purpose. */
  record Counts(long total, long bad) {}

  private final String bootstrap;
  private final int seconds;
  private final int rate;
  private final AtomicLong sent;

  /**
   * @param sent counts the events handed to the producer, for whoever reports progress (the Ctrl-C summary too)
   */
  DemoTraffic(String bootstrap, int seconds, int rate, AtomicLong sent) {
    this.bootstrap = bootstrap;
    this.seconds = seconds;
    this.rate = rate;
    this.sent = sent;
  }

  /** Sends every event, printing progress against {@code service}'s landing and {@code lake}; waits till done. */
  Counts produce(PrintWriter out, Service service, Path lake, long started) throws Exception {
    AtomicLong acked = new AtomicLong();
    AtomicLong bad = new AtomicLong();
    AtomicBoolean done = new AtomicBoolean();
    Queue<ProducerRecord<byte[], byte[]>> failed = new ConcurrentLinkedQueue<>();
    Microservices services = new Microservices(42, System.currentTimeMillis() - 3_600_000);
    Thread producer = new Thread(() -> {
      // Not idempotent: on topics created a moment ago the idempotent producer can have a partition's first batch
      // refused (OutOfOrderSequence) while later ones land, and hold it for the whole delivery timeout. One request
      // in flight per connection keeps each partition in order without it.
      try (KafkaProducer<byte[], byte[]> kafka = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
          "linger.ms", "5", "acks", "all", "enable.idempotence", "false",
          "max.in.flight.requests.per.connection", "1"), new ByteArraySerializer(), new ByteArraySerializer())) {
        long total = (long) seconds * rate;
        long begin = System.nanoTime();
        for (long n = 0; n < total; n++) {
          String topic = Microservices.SERVICES.get((int) (n % Microservices.SERVICES.size()));
          byte[] event = services.event(topic, n, (double) n / total);
          if (event[0] != '{' || event[event.length - 1] != '}' || event.length < 20) {
            bad.incrementAndGet();
          }
          send(kafka, new ProducerRecord<>(topic, (int) (n / Microservices.SERVICES.size() % 2), null, event),
              acked, failed);
          sent.incrementAndGet();
          long due = begin + n * 1_000_000_000L / rate;
          long wait = due - System.nanoTime();
          if (wait < -1_000_000_000L) {
            // More than a second behind (the first sends wait for metadata): go on at the rate from here rather
            // than catching up in a burst, so that the rate line stays steady.
            begin -= wait;
            wait = 0;
          }
          if (wait > 2_000_000) {
            Thread.sleep(wait / 1_000_000);
          }
        }
        kafka.flush();
        // A send the broker refused was not written (e.g. the idempotent producer's OutOfOrderSequence on a topic
        // created a moment ago): send it again, so that every event the demo made is in Kafka once.
        for (int round = 0; round < 10 && !failed.isEmpty(); round++) {
          List<ProducerRecord<byte[], byte[]>> again = new ArrayList<>();
          for (ProducerRecord<byte[], byte[]> record = failed.poll(); record != null; record = failed.poll()) {
            again.add(record);
          }
          again.forEach(record -> send(kafka, record, acked, failed));
          kafka.flush();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        done.set(true);
      }
    }, "demo-producer");
    producer.start();
    DemoProgress progress = new DemoProgress(service.landing(), lake);
    while (!done.get()) {
      Thread.sleep(1000);
      out.println(progress.line(seconds(started), sent.get()));
      out.flush();
    }
    producer.join();
    if (!failed.isEmpty()) {
      out.println(failed.size() + " events could not be sent to Kafka; they are left out of the counts.");
    }
    return new Counts(acked.get(), bad.get());
  }

  private static void send(KafkaProducer<byte[], byte[]> kafka, ProducerRecord<byte[], byte[]> record,
      AtomicLong acked, Queue<ProducerRecord<byte[], byte[]>> failed) {
    kafka.send(record, (metadata, error) -> {
      if (error == null) {
        acked.incrementAndGet();
      } else {
        failed.add(record);
      }
    });
  }
}
