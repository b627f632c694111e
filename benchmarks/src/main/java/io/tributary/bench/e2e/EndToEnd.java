package io.tributary.bench.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tributary.bench.EventShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * The end-to-end harness: a real KRaft broker in this JVM, the engine ({@link EngineMain}) in its own JVM with a
 * 512 MiB heap, a folder lake. Two modes:
 *
 * <ul>
 *   <li>{@code max}: pre-produce {@code --events} events, then start the engine and measure it draining them: the
 *       rate records are taken in, and the rate until every record is committed (the last buffers are rolled by the
 *       graceful stop);</li>
 *   <li>{@code steady}: the user's load, {@code --per-minute} events a minute for {@code --minutes}: latency from
 *       each record's send time to the ledger commit that made it durable (p50, p99, max), the engine's process CPU
 *       and heap.</li>
 * </ul>
 *
 * <p>Writes {@code <out>/e2e-<mode>-<shape>.json} and prints it. See benchmarks/README.md for the commands. The
 * engine's JVM and its samples are {@link EngineProcess} and {@link EngineStats}; what it committed is read back by
 * {@link CommittedLedger}.
 */
public final class EndToEnd {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String TOPIC = "events";

  private final Map<String, String> options;
  private final EventShape shape;
  private final int partitions;
  private final String tableFormat;

  private EndToEnd(Map<String, String> options) {
    this.options = options;
    this.shape = EventShape.valueOf(option("shape", "SMALL"));
    this.partitions = Integer.parseInt(option("partitions", "2"));
    this.tableFormat = option("format", "hive");
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    if (args.length == 0 || !args[0].equals("max") && !args[0].equals("steady")) {
      System.err.println("usage: EndToEnd max|steady [--shape SMALL|NESTED|WIDE] [--events N] [--per-minute N] "
          + "[--minutes M] [--roll-seconds S] [--partitions P] [--threads T] [--heap 512m] [--format hive|iceberg] [--out DIR]");
      System.exit(2);
    }
    new EndToEnd(options).run(args[0]);
    System.exit(0);
  }

  private String option(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  private void run(String mode) throws Exception {
    Path lake = Files.createTempDirectory("tributary-bench-lake");
    KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
        .setConfigProp("group.initial.rebalance.delay.ms", "0")
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("offsets.topic.num.partitions", "4")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .setConfigProp("auto.create.topics.enable", "false")
        .build();
    try {
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      String bootstrap = cluster.bootstrapServers();
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
        admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1))).all().get();
      }
      Map<String, Object> result = mode.equals("max") ? max(bootstrap, lake) : steady(bootstrap, lake);
      Path out = Path.of(option("out", "results"));
      Files.createDirectories(out);
      Path file = out.resolve("e2e-" + mode + "-" + shape.name().toLowerCase()
          + (tableFormat.equals("hive") ? "" : "-" + tableFormat) + ".json");
      Files.write(file, JSON.writeValueAsBytes(result));
      System.out.println(JSON.writeValueAsString(result));
      System.out.println("written to " + file);
    } finally {
      cluster.close();
    }
  }

  private KafkaProducer<byte[], byte[]> producer(String bootstrap) {
    return new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "acks", "all", "linger.ms", "5",
        "batch.size", "262144", "buffer.memory", "134217728"), new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Pre-produce, then drain at the engine's best rate. */
  private Map<String, Object> max(String bootstrap, Path lake) throws Exception {
    int events = Integer.parseInt(option("events", "2000000"));
    long payloadBytes = 0;
    long produceStart = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
      long now = System.currentTimeMillis();
      for (int i = 0; i < events; i++) {
        byte[] value = shape.event(7, i, now);
        payloadBytes += value.length;
        producer.send(new ProducerRecord<>(TOPIC, i % partitions, now, null, value));
      }
      producer.flush();
    }
    double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
    System.out.printf("produced %d events (%d bytes) in %.1f s%n", events, payloadBytes, produceSeconds);

    String loadAtStart = Machine.loadAverage();
    EngineProcess engine = startEngine(bootstrap, lake, option("roll-seconds", "300"));
    EngineStats stats = engine.stats();
    long firstAccepted = 0;
    long allAccepted = 0;
    while (allAccepted == 0) {
      Thread.sleep(50);
      long[] last = stats.last();
      if (last == null) {
        continue;
      }
      if (firstAccepted == 0 && last[1] > 0) {
        firstAccepted = stats.firstSampleWith(1);
      }
      if (last[1] >= events) {
        allAccepted = last[0];
      }
      engine.checkAlive();
    }
    engine.stop(); // SIGTERM: the graceful stop rolls and commits everything buffered
    engine.checkDrained();
    long durable = stats.last()[0];
    long landed = new CommittedLedger(lake, TOPIC).landedRecords();
    long[] first = stats.sampleAt(firstAccepted);
    long[] end = stats.sampleAt(allAccepted);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("mode", "max");
    result.put("shape", shape.name());
    result.put("tableFormat", tableFormat);
    result.put("events", events);
    result.put("payloadBytes", payloadBytes);
    result.put("partitions", partitions);
    result.put("landedRecords", landed);
    result.put("acceptSeconds", (allAccepted - firstAccepted) / 1000.0);
    result.put("acceptedPerSecond", Math.round(events * 1000.0 / Math.max(1, allAccepted - firstAccepted)));
    result.put("durableSeconds", (durable - firstAccepted) / 1000.0);
    result.put("durablePerSecond", Math.round(events * 1000.0 / Math.max(1, durable - firstAccepted)));
    result.put("cpuPercentOfOneCore", EngineStats.cpuPercent(first, end));
    // The second half of the events, taken in once the JIT has compiled the hot path (the first seconds of a run
    // are mostly compiler threads): the rate a long drain sustains.
    long[] half = stats.sampleAt(stats.firstSampleWith(events / 2));
    result.put("acceptedPerSecondSecondHalf",
        Math.round((events - half[1]) * 1000.0 / Math.max(1, allAccepted - half[0])));
    result.put("cpuPercentSecondHalf", EngineStats.cpuPercent(half, end));
    result.put("heapUsedMaxMiB", stats.heapMaxMiB(firstAccepted, allAccepted));
    // The machine may be shared: its load beside the figure (1, 5, 15 minutes), at the engine's start and end.
    result.put("loadAverageAtStart", loadAtStart);
    result.put("loadAverageAtEnd", Machine.loadAverage());
    result.put("machine", Machine.describe());
    return result;
  }

  /** The user's load: a steady rate, latency from send to durable. */
  private Map<String, Object> steady(String bootstrap, Path lake) throws Exception {
    int perMinute = Integer.parseInt(option("per-minute", "5000"));
    double minutes = Double.parseDouble(option("minutes", "10"));
    String rollSeconds = option("roll-seconds", "60");
    EngineProcess engine = startEngine(bootstrap, lake, rollSeconds);
    Thread.sleep(10_000); // the group forms
    Map<Long, Long> sentAt = new ConcurrentHashMap<>();
    long total = Math.round(perMinute * minutes);
    long intervalNanos = 60_000_000_000L / perMinute;
    long startMillis;
    long endMillis;
    try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
      startMillis = System.currentTimeMillis();
      long start = System.nanoTime();
      for (long i = 0; i < total; i++) {
        long due = start + i * intervalNanos;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        long now = System.currentTimeMillis();
        int partition = (int) (i % partitions);
        producer.send(new ProducerRecord<>(TOPIC, partition, now, null, shape.event(7, i, now)),
            (metadata, error) -> {
              if (error == null) {
                sentAt.put(CommittedLedger.key(partition, metadata.offset()), now);
              }
            });
      }
      producer.flush();
      endMillis = System.currentTimeMillis();
    }
    // Every buffer rolls within its age; wait for that, then stop.
    Thread.sleep(Long.parseLong(rollSeconds) * 1000 + 15_000);
    engine.stop();
    long[] latencies = new CommittedLedger(lake, TOPIC).latencies(sentAt,
        endMillis + Long.parseLong(rollSeconds) * 1000 + 14_000);
    // CPU and heap while the load runs, after the first minute (JIT, first schema, first files).
    long from = startMillis + Math.min(60_000, (endMillis - startMillis) / 3);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("mode", "steady");
    result.put("shape", shape.name());
    result.put("perMinute", perMinute);
    result.put("minutes", minutes);
    result.put("rollSeconds", Integer.parseInt(rollSeconds));
    result.put("partitions", partitions);
    result.put("sent", sentAt.size());
    result.put("measuredLatencies", latencies.length);
    result.put("latencyP50Millis", percentile(latencies, 0.50));
    result.put("latencyP99Millis", percentile(latencies, 0.99));
    result.put("latencyMaxMillis", latencies.length == 0 ? -1 : latencies[latencies.length - 1]);
    EngineStats stats = engine.stats();
    result.put("cpuPercentOfOneCore", EngineStats.cpuPercent(stats.sampleAt(from), stats.sampleAt(endMillis)));
    result.put("heapUsedMaxMiB", stats.heapMaxMiB(from, endMillis));
    result.put("heapUsedMeanMiB", stats.heapMeanMiB(from, endMillis));
    result.put("machine", Machine.describe());
    return result;
  }

  private static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return -1;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  }

  private EngineProcess startEngine(String bootstrap, Path lake, String rollSeconds) throws IOException {
    return EngineProcess.start(option("heap", "512m"), bootstrap, TOPIC, lake, rollSeconds, option("threads", "2"),
        tableFormat);
  }
}
