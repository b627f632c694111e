package io.tributary.bench.e2e;

import com.sun.management.OperatingSystemMXBean;
import io.tributary.buffer.RollingPolicy;
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
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The engine under test, in its own JVM (started by {@link EndToEnd} with {@code -Xmx512m}): the Kafka source into a
 * folder lake, wired as the service wires it (one dataset per topic, hourly partitions by source time, buffers
 * bounded by 40% of the heap, ZSTD), stopped gracefully by SIGTERM.
 *
 * <p>Arguments: bootstrap servers, topic, lake folder, roll age in seconds, stream threads. Every 250 ms it prints
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

    RollingPolicy rolling = new RollingPolicy(rollAge, RollingPolicy.DEFAULT_MAX_BYTES,
        RollingPolicy.DEFAULT_MAX_RECORDS);
    long budget = (long) (Runtime.getRuntime().maxMemory() * 0.4);
    LandingSettings settings = new LandingSettings("lake", "errors", "bench-engine", DecodeLimits.defaults(),
        DatasetRouters.byStream(),
        dataset -> new DatasetLanding(EvolutionSettings.defaults(), PartitionSpec.defaults(), rolling),
        Granularity.HOUR, rolling, WriteOptions.defaults(), budget);
    Landing landing = new Landing(settings, new LocalFileStore(lake), Clock.systemUTC());
    KafkaSource source = new KafkaSource(KafkaSourceSettings.forTopics(bootstrap, "bench", List.of(topic))
        .withStreamThreads(threads), landing, "bench-engine");
    GracefulStop stop = new GracefulStop(Duration.ofSeconds(60), () -> {
      boolean stopped = source.stop(Duration.ofSeconds(50));
      landing.close();
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

  private static void report(Landing landing) {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.out.println("STATS " + System.currentTimeMillis() + " " + landing.acceptedCount() + " "
        + os.getProcessCpuTime() + " " + memory.getHeapMemoryUsage().getUsed() + " "
        + memory.getHeapMemoryUsage().getCommitted());
    System.out.flush();
  }
}
