package io.tributary.app.demo;

import io.tributary.app.config.ConfigLoader;
import io.tributary.app.config.ServiceConfig;
import io.tributary.app.metrics.MetricsRegistries;
import io.tributary.app.query.LakeQuery;
import io.tributary.app.service.Service;
import io.tributary.landing.Landing;
import io.tributary.layout.LakeLayout;
import io.tributary.schema.HistoryEntry;
import io.tributary.schema.SchemaHistory;
import io.tributary.store.LocalFileStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tributary demo}: a real Kafka broker in this process, simulated microservices writing drifting JSON with
 * about 1% bad records, the service landing it in a folder with live progress, then what landed, read back with
 * DuckDB. Needs nothing but a JDK.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = {
    "Start an embedded Kafka broker (no Docker), simulate " + 22 + " microservices whose JSON drifts (new fields, "
        + "nested objects, type changes, ~1%% broken records), land everything in a local folder with live "
        + "progress, then print what landed (datasets, rows, schema versions, errors) by querying it with DuckDB.",
    "Takes about a minute; the lake stays in --lake for `tributary query` afterwards."})
public final class DemoCommand implements Callable<Integer> {

  @Option(names = "--lake", defaultValue = "demo-lake", paramLabel = "DIR",
      description = "Where the lake goes (default ./demo-lake; a previous demo's lake there is replaced).")
  Path lake;

  @Option(names = "--seconds", defaultValue = "30", description = "How long the services write (default 30).")
  int seconds;

  @Option(names = "--rate", defaultValue = "3000", description = "Events per second over all services (default 3000).")
  int rate;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Events handed to the producer so far. */
  private final AtomicLong sent = new AtomicLong();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    long started = System.nanoTime();
    if (!prepare(lake)) {
      spec.commandLine().getErr().println(lake.toAbsolutePath() + " is not empty and holds no previous demo lake: "
          + "give another --lake");
      return 2;
    }
    Path brokerDir = Files.createTempDirectory("tributary-demo-kafka");
    out.println("Tributary demo: " + Microservices.SERVICES.size() + " services -> embedded Kafka -> Tributary -> "
        + lake.toAbsolutePath().normalize());
    out.flush();
    try (EmbeddedKafka kafka = EmbeddedKafka.startQuietly(brokerDir, false)) {
      kafka.createTopics(Microservices.SERVICES, 2);
      out.printf("Kafka broker up at %s (%.1f s); %d topics x 2 partitions%n", kafka.bootstrapServers(),
          seconds(started), Microservices.SERVICES.size());
      ServiceConfig config = ServiceConfig.of(ConfigLoader.standard().parse(String.join("\n",
          "instance-id: demo",
          "kafka:",
          "  bootstrap-servers: " + kafka.bootstrapServers(),
          "  application-id: tributary-demo",
          "  topic-pattern: \"" + String.join("|", Microservices.SERVICES) + "\"",
          "  tick-interval: 500ms",
          "store:",
          "  type: local",
          "  path: " + quoted(lake.toAbsolutePath().toString()),
          "dataset-defaults:",
          "  event-time-field: ts",
          "  rolling:",
          "    max-age: 10s",
          "errors:",
          "  rolling:",
          "    max-age: 10s",
          "http:",
          "  port: 0",
          ""), "the demo's configuration"));
      Service service = Service.start(config, MetricsRegistries.create(config.metricsSettings()));
      AtomicBoolean finished = new AtomicBoolean();
      Thread onCtrlC = new Thread(() -> interrupted(service, finished, out, started), "demo-ctrl-c");
      Runtime.getRuntime().addShutdownHook(onCtrlC);
      Counts produced;
      boolean drained;
      try {
        produced = produce(kafka.bootstrapServers(), out, service, started);
        awaitLanded(produced.total(), service, out, started);
        drained = service.drain(Duration.ofSeconds(30));
      } finally {
        if (finished.compareAndSet(false, true)) {
          removeHook(onCtrlC);
        }
      }
      out.printf("Stopped the service (%s) at %.1f s%n%n", drained ? "drained: everything committed" : "NOT drained",
          seconds(started));
      long landed = report(out, produced);
      history(out, "orders");
      out.printf("%nThe lake: %s%nTry:  ./tributary query --lake %s \"SELECT * FROM orders LIMIT 5\"%n"
              + "      ./tributary schemas --lake %s orders%n"
              + "Demo finished in %.0f s.%n",
          lake.toAbsolutePath().normalize(), lake, lake, seconds(started));
      out.flush();
      return drained && landed == produced.total() ? 0 : 1;
    } finally {
      EmbeddedKafka.deleteTree(brokerDir);
    }
  }

  private record Counts(long total, long bad) {}

  /** Ctrl-C before the end: drain what was taken, then say what happened and where it is. */
  private void interrupted(Service service, AtomicBoolean finished, PrintWriter out, long started) {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    long received = service.landing().acceptedCount();
    boolean drained = service.drain(Duration.ofSeconds(10));
    out.printf("%nInterrupted at %.1f s: %d events sent, %d received by Tributary, %s.%n"
            + "What landed is in %s:  ./tributary query --lake %s \"SELECT count(*) FROM orders\"%n",
        seconds(started), sent.get(), received, received == 0 ? "nothing to commit" : drained ? "all of them committed"
            : "NOT all committed (the rest stays behind the committed offsets)",
        lake.toAbsolutePath().normalize(), lake);
    out.flush();
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is exiting: the hook runs (and returns at once) or has run.
    }
  }

  private Counts produce(String bootstrap, PrintWriter out, Service service, long started) throws Exception {
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
    Progress progress = new Progress(service.landing(), lake);
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

  private void awaitLanded(long produced, Service service, PrintWriter out, long started) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Progress progress = new Progress(service.landing(), lake);
    long nextLine = System.nanoTime() + 1_000_000_000L;
    while (service.landing().acceptedCount() < produced && System.nanoTime() < deadline) {
      Thread.sleep(100);
      if (System.nanoTime() >= nextLine) {
        out.println(progress.line(seconds(started), produced));
        out.flush();
        nextLine += 1_000_000_000L;
      }
    }
    out.println(progress.line(seconds(started), produced) + "   (all received; stopping)");
    out.flush();
  }

  /** Prints what landed; returns how many records landed in data and error files together. */
  private long report(PrintWriter out, Counts produced) throws Exception {
    try (LakeQuery query = LakeQuery.open(new LocalFileStore(lake), "", "_errors", Optional.of(lake))) {
      out.printf("%-16s %8s %8s %9s %8s%n", "dataset", "rows", "columns", "versions", "rescued");
      long rows = 0;
      for (String dataset : query.datasets()) {
        List<List<Object>> r = query.run("SELECT count(*), count(_rescued) FROM \"" + dataset + "\"").rows();
        long n = ((Number) r.get(0).get(0)).longValue();
        long rescued = ((Number) r.get(0).get(1)).longValue();
        int columns = query.run("DESCRIBE \"" + dataset + "\"").rows().size();
        long versions = countFiles(lake.resolve(LakeLayout.SCHEMAS_FOLDER).resolve(dataset));
        out.printf("%-16s %8d %8d %9d %8d%n", dataset, n, columns, versions, rescued);
        rows += n;
      }
      long errors = 0;
      if (query.datasets().size() > 0) {
        try {
          out.println();
          out.print(query.run("SELECT error_type, count(*) AS records, any_value(error_message) AS example "
              + "FROM errors GROUP BY 1 ORDER BY 2 DESC").table());
          errors = ((Number) query.run("SELECT count(*) FROM errors").rows().get(0).get(0)).longValue();
        } catch (java.sql.SQLException e) {
          out.println("(no error files)");
        }
      }
      out.printf("%nProduced %d events (%d broken); landed %d rows in %d datasets and %d error rows: %s%n",
          produced.total(), produced.bad(), rows, query.datasets().size(), errors,
          rows + errors == produced.total() ? "every event exactly once" : "MISMATCH");
      return rows + errors;
    }
  }

  /** How one dataset's schema grew, as {@code tributary schemas} prints it. */
  private void history(PrintWriter out, String dataset) {
    List<HistoryEntry> entries = new SchemaHistory(new LocalFileStore(lake), "", "demo", Clock.systemUTC())
        .entries(dataset);
    out.printf("%nHow the schema of '%s' evolved (tributary schemas --lake %s %s):%n", dataset, lake, dataset);
    for (HistoryEntry entry : entries) {
      out.printf("  v%d  %s%n", entry.schema().version(), String.join(", ", entry.changes().stream()
          .map(c -> c.path() + " " + c.type() + (c.originalName() != null && !c.path().endsWith(c.originalName())
              ? " (from \"" + c.originalName() + "\")" : "")).toList()));
    }
  }

  /**
   * A progress line from the landing layer's counters and the folder. The rate is over the last 5 s: Kafka hands
   * records over in fetches, so a per-second count would swing between nothing and a whole fetch.
   */
  private static final class Progress {
    private static final long WINDOW_NANOS = 5_000_000_000L;
    private final Landing landing;
    private final Path lake;
    private final java.util.ArrayDeque<long[]> samples = new java.util.ArrayDeque<>();

    Progress(Landing landing, Path lake) {
      this.landing = landing;
      this.lake = lake;
      samples.add(new long[] {System.nanoTime(), landing.acceptedCount()});
    }

    String line(double at, long produced) {
      long count = landing.acceptedCount();
      long now = System.nanoTime();
      while (samples.size() > 1 && now - samples.peekFirst()[0] > WINDOW_NANOS) {
        samples.removeFirst();
      }
      long[] oldest = samples.peekFirst();
      double rate = (count - oldest[1]) / Math.max(0.001, (now - oldest[0]) / 1e9);
      samples.addLast(new long[] {now, count});
      return String.format("%5.1f s  produced %8d  received %8d  %7.0f ev/s (5 s avg)  data files %4d  "
          + "schema versions %3d  error files %3d", at, produced, count, rate, parquetFiles(lake, false),
          countFiles(lake.resolve(LakeLayout.SCHEMAS_FOLDER)), parquetFiles(lake.resolve("_errors"), true));
    }
  }

  private static long parquetFiles(Path root, boolean errors) {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".parquet"))
          .filter(p -> errors || !root.relativize(p).toString().startsWith("_")).count();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  private static long countFiles(Path root) {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).count();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  /** Makes {@code dir} an empty lake, replacing a previous demo's; false for any other non-empty folder. */
  private static boolean prepare(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      boolean empty;
      try (Stream<Path> entries = Files.list(dir)) {
        empty = entries.findAny().isEmpty();
      }
      if (!empty && !Files.isDirectory(dir.resolve(LakeLayout.STATE_FOLDER))) {
        return false;
      }
      EmbeddedKafka.deleteTree(dir);
    }
    Files.createDirectories(dir);
    return true;
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
