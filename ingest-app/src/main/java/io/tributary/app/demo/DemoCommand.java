package io.tributary.app.demo;

import static io.tributary.app.demo.DemoProgress.seconds;

import io.tributary.app.config.ConfigLoader;
import io.tributary.app.config.ServiceConfig;
import io.tributary.app.metrics.MetricsRegistries;
import io.tributary.app.query.LakeQuery;
import io.tributary.app.service.Service;
import io.tributary.iceberg.scan.TableSnapshots;
import io.tributary.store.LocalFileStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
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

  @Option(names = "--table-format", defaultValue = "hive", paramLabel = "FORMAT",
      description = "hive (default): Hive-partitioned Parquet; iceberg: Apache Iceberg tables in a JDBC catalog on "
          + "SQLite (<lake>/catalog.db, catalog name tributary, namespace tributary), files in the lake folder.")
  String tableFormat;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Events handed to the producer so far. */
  private final AtomicLong sent = new AtomicLong();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (!tableFormat.equals("hive") && !tableFormat.equals("iceberg")) {
      spec.commandLine().getErr().println("--table-format: '" + tableFormat + "' is not one of hive, iceberg");
      return 2;
    }
    boolean iceberg = tableFormat.equals("iceberg");
    long started = System.nanoTime();
    if (!DemoLake.prepare(lake)) {
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
          iceberg ? "catalog:\n  type: jdbc\n  jdbc:\n    url: " + quoted("jdbc:sqlite:"
              + lake.toAbsolutePath().resolve("catalog.db")) : "",
          "dataset-defaults:",
          "  table-format: " + tableFormat,
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
      DemoTraffic.Counts produced;
      boolean drained;
      try {
        DemoTraffic traffic = new DemoTraffic(kafka.bootstrapServers(), seconds, rate, sent);
        produced = traffic.produce(out, service, lake, started);
        awaitLanded(produced.total(), service, out, started);
        drained = service.drain(Duration.ofSeconds(30));
      } finally {
        if (finished.compareAndSet(false, true)) {
          removeHook(onCtrlC);
        }
      }
      out.printf("Stopped the service (%s) at %.1f s%n%n", drained ? "drained: everything committed" : "NOT drained",
          seconds(started));
      DemoReport report = new DemoReport(out, lake);
      long landed;
      try (TableSnapshots tables = LakeQuery.tables(config.iceberg(), new LocalFileStore(lake))) {
        landed = report.landed(produced, tables);
      }
      report.history("orders");
      String where = "--lake " + lake;
      if (iceberg) {
        out.printf("%nIceberg tables tributary.<dataset> (format v2) in the JDBC catalog jdbc:sqlite:%s (catalog name "
            + "tributary); their files under each dataset's data/ folder%n",
            lake.toAbsolutePath().normalize().resolve("catalog.db"));
        // `query` reads an Iceberg table through its catalog: it needs the configuration, not only the folder.
        Path queryConfig = lake.resolve("query.yaml");
        Files.writeString(queryConfig, String.join("\n", "store:", "  type: local",
            "  path: " + quoted(lake.toAbsolutePath().toString()), "catalog:\n  type: jdbc\n  jdbc:\n    url: "
                + quoted("jdbc:sqlite:" + lake.toAbsolutePath().resolve("catalog.db")),
            "dataset-defaults:", "  table-format: iceberg", ""));
        where = "--config " + queryConfig;
      }
      out.printf("%nThe lake: %s%nTry:  ./tributary query %s \"SELECT * FROM orders LIMIT 5\"%n"
              + "      ./tributary schemas --lake %s orders%n"
              + "Demo finished in %.0f s.%n",
          lake.toAbsolutePath().normalize(), where, lake, seconds(started));
      out.flush();
      return drained && landed == produced.total() ? 0 : 1;
    } finally {
      EmbeddedKafka.deleteTree(brokerDir);
    }
  }

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

  private void awaitLanded(long produced, Service service, PrintWriter out, long started) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    DemoProgress progress = new DemoProgress(service.landing(), lake);
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

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
