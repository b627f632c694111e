package io.tributary.bench.e2e;

import com.sun.management.OperatingSystemMXBean;
import io.tributary.buffer.RollingPolicy;
import io.tributary.catalog.CatalogSync;
import io.tributary.commit.TableFormatFactory;
import io.tributary.iceberg.IcebergCatalogSpec;
import io.tributary.iceberg.IcebergCatalogs;
import io.tributary.iceberg.IcebergFormats;
import io.tributary.iceberg.IcebergSettings;
import io.tributary.iceberg.ObjectStoreFileIO;
import io.tributary.landing.Backoff;
import io.tributary.decode.DecodeLimits;
import io.tributary.kafka.KafkaSource;
import io.tributary.kafka.KafkaSourceSettings;
import io.tributary.landing.DatasetLanding;
import io.tributary.landing.Landing;
import io.tributary.landing.LandingSettings;
import io.tributary.parquet.WriteOptions;
import io.tributary.partition.Granularity;
import io.tributary.partition.PartitionSpec;
import io.tributary.routing.DatasetRouters;
import io.tributary.schema.EvolutionSettings;
import io.tributary.source.GracefulStop;
import io.tributary.store.LocalFileStore;
import io.tributary.store.ObjectStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The engine under test, in its own JVM (started by {@link EndToEnd} with {@code -Xmx512m}): the Kafka source into a
 * folder lake, wired as the service wires it (one dataset per topic, hourly partitions by source time, buffers
 * bounded by 40% of the heap, ZSTD), stopped gracefully by SIGTERM.
 *
 * <p>Arguments: bootstrap servers, topic, lake folder, roll age in seconds, stream threads, table format
 * ({@code hive}, the default, or {@code iceberg}: what the service builds from {@code table-format: iceberg},
 * {@code catalog.type: jdbc} with {@code catalog.jdbc.url: jdbc:sqlite:<lake>/catalog.db}, as
 * examples/iceberg-local.yaml: a JdbcCatalog on SQLite, the tables' files in the same folder store, namespace
 * {@code tributary}, hourly partitions). Every 250 ms it prints
 * {@code STATS <epoch millis> <records accepted> <process CPU nanos> <heap used> <heap committed>}; {@code STOPPED}
 * once everything buffered is committed after SIGTERM.
 */
public final class EngineMain {

  private EngineMain() {}

  public static void main(String[] args) throws Exception {
    String bootstrap = args[0];
    String topic = args[1];
    Path lake = Path.of(args[2]);
    Duration rollAge = Duration.ofSeconds(Long.parseLong(args[3]));
    int threads = Integer.parseInt(args[4]);
    String tableFormat = args.length > 5 ? args[5] : "hive";

    RollingPolicy rolling = new RollingPolicy(rollAge, RollingPolicy.DEFAULT_MAX_BYTES,
        RollingPolicy.DEFAULT_MAX_RECORDS);
    long budget = (long) (Runtime.getRuntime().maxMemory() * 0.4);
    LandingSettings settings = new LandingSettings("lake", "errors", "bench-engine", DecodeLimits.defaults(),
        DatasetRouters.byStream(),
        dataset -> new DatasetLanding(EvolutionSettings.defaults(), PartitionSpec.defaults(), rolling),
        Granularity.HOUR, rolling, WriteOptions.defaults(), budget);
    ObjectStore store = new LocalFileStore(lake);
    Landing landing = new Landing(settings, store, Clock.systemUTC(), Backoff.exponential(), null,
        CatalogSync.none(), formats(tableFormat, store, lake));
    KafkaSource source = new KafkaSource(KafkaSourceSettings.forTopics(bootstrap, "bench", List.of(topic))
        .withStreamThreads(threads), landing, "bench-engine");
    Profile profile = Profile.start(System.getProperty("tributary.bench.jfr"));
    GracefulStop stop = new GracefulStop(Duration.ofSeconds(60), () -> {
      boolean stopped = source.stop(Duration.ofSeconds(50));
      landing.close();
      profile.dump();
      report(landing);
      System.out.println("STOPPED " + stopped);
      System.out.flush();
      return stopped;
    }, status -> Runtime.getRuntime().halt(status));
    stop.install();
    source.start();
    Thread stats = new Thread(() -> {
      while (true) {
        report(landing);
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "stats");
    stats.setDaemon(true);
    stats.start();
    stop.awaitSignal();
  }

  /** The table format as the service wires it for {@code table-format: hive} or {@code iceberg} (JDBC on SQLite). */
  private static TableFormatFactory formats(String tableFormat, ObjectStore store, Path lake) {
    switch (tableFormat) {
      case "hive":
        return TableFormatFactory.hive();
      case "iceberg":
        String root = "file:" + lake.toAbsolutePath().normalize();
        String warehouse = root + "/lake";
        IcebergCatalogSpec spec = new IcebergCatalogSpec.Jdbc("jdbc:sqlite:" + lake.toAbsolutePath().normalize()
            + "/catalog.db", null, null, warehouse);
        IcebergSettings iceberg = new IcebergSettings("tributary", dataset -> true,
            dataset -> new IcebergSettings.TableLayout(Granularity.HOUR, List.of()), warehouse, Map.of());
        return new IcebergFormats(IcebergCatalogs.lazy("tributary", spec, new ObjectStoreFileIO(store, root),
            "tributary"), iceberg, spec.description());
      default:
        throw new IllegalArgumentException("Invalid table format: " + tableFormat + "; hive or iceberg");
    }
  }

  private static void report(Landing landing) {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.out.println("STATS " + System.currentTimeMillis() + " " + landing.acceptedCount() + " "
        + os.getProcessCpuTime() + " " + memory.getHeapMemoryUsage().getUsed() + " "
        + memory.getHeapMemoryUsage().getCommitted());
    System.out.flush();
  }
}
