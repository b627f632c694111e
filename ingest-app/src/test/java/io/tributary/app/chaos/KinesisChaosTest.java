package io.tributary.app.chaos;

import static io.tributary.app.chaos.Chaos.format;
import static io.tributary.app.chaos.Chaos.median;
import static io.tributary.app.chaos.Chaos.since;
import static io.tributary.app.chaos.Chaos.slowly;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.app.testing.ServiceProcess;
import io.tributary.kinesis.testing.DynamoDbProcess;
import io.tributary.kinesis.testing.KclLeases;
import io.tributary.kinesis.testing.KinesisLocal;
import io.tributary.testing.S3ProxyServer;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesis.model.ScalingType;

/**
 * The chaos suite for a Kinesis source: {@code tributary run} with {@code source.type: kinesis} in child JVMs against
 * kinesis-local, DynamoDB Local (in a JVM of its own, on a file, so that it can be restarted with KCL's lease table)
 * and S3Proxy, while the AWS SDK's plain PutRecords writes (one entry in ten a KPL aggregate): SIGKILLs at random
 * moments, S3 down for a minute, DynamoDB restarted, a reshard (split, then merge) during ingestion, a frozen zombie
 * task, SIGTERM under load. After each, the data and error prefixes hold every record of the stream exactly once
 * (DuckDB, by stream/shard/position), every shard is checkpointed at its end, and whenever no instance runs, nothing
 * a checkpoint covers is missing from the lake (DESIGN §7). Each scenario prints a {@code CHAOS} line.
 * {@code -Dtributary.chaos=long} runs more events, more kills and a longer outage ({@link ChaosMode#forKinesis}).
 */
class KinesisChaosTest {

  private static final int SHARDS = 4;
  private static final Duration PATIENCE = Duration.ofSeconds(180);

  /** Kept when a scenario fails: the instances' logs ({@code <name>.out}) and DynamoDB Local's are in it. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  static Path root;

  static KinesisLocal kinesis;
  static DynamoDbProcess dynamo;
  private static S3ProxyServer s3;
  final ChaosMode mode = mode();
  private final List<ServiceProcess> services = new ArrayList<>();
  private boolean dynamoDown;

  /** How hard this suite pushes ({@link ChaosMode}, its long mode with fewer kills); the Iceberg suite scales it. */
  ChaosMode mode() {
    return ChaosMode.current().forKinesis();
  }

  /**
   * Whether to run every scenario: with {@code -Dtributary.chaos.kinesis=all} or {@code -Dtributary.chaos=long}. The
   * build ({@code ./mvnw verify}, CI) runs the DynamoDB restart and the zombie only: the whole class takes 8–20 min on
   * 2 cores, over CI's budget; docs/reliability.md has the full run's figures and command.
   */
  static boolean everyScenario() {
    return "all".equals(System.getProperty("tributary.chaos.kinesis"))
        || "long".equals(System.getProperty(ChaosMode.PROPERTY));
  }

  @BeforeAll
  static void start() throws Exception {
    System.out.printf("CHAOS logs under %s%n", root);
    kinesis = KinesisLocal.start();
    dynamo = DynamoDbProcess.start(root.resolve("dynamodb"));
    s3 = S3ProxyServer.launch();
  }

  /** No instance outlives its scenario, and DynamoDB Local is up again for the next, whatever became of this one. */
  @AfterEach
  void cleanUp() throws Exception {
    services.forEach(ServiceProcess::close);
    services.clear();
    if (dynamoDown) {
      restartDynamoDb();
    }
  }

  private void restartDynamoDb() throws Exception {
    dynamo.startAgain();
    dynamoDown = false;
  }

  @AfterAll
  static void stop() throws Exception {
    if (s3 != null) {
      s3.close();
    }
    if (dynamo != null) {
      dynamo.close();
    }
    if (kinesis != null) {
      kinesis.close();
    }
  }

  @Test
  @EnabledIf("everyScenario")
  void sigkillAtRandomMomentsAgainAndAgain() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    KinesisLake lake = lake("k-kills");
    List<Long> readyMillis = new ArrayList<>();
    int killedBeforeReady = 0;
    try (KinesisLoad load = load(lake, mode.rate())) {
      for (int i = 1; i <= mode.kills(); i++) {
        ServiceProcess service = launch(lake, "k-kills-" + i);
        long started = System.nanoTime();
        Long ready = null;
        long delay;
        if (i % 2 == 1) {
          // Odd kills: from the start on (endpoint check, KCL's initialization, lease taking, ledger recovery).
          delay = 300 + random.nextInt(mode.maxKillDelayMillis() / 2 - 300);
        } else {
          // Even kills: mid-landing, a random moment after the instance took leases and landed records.
          ready = service.awaitReady(PATIENCE).toMillis();
          long before = lake.checks().landed();
          service.await(slowly(() -> lake.checks().landed() > before), "instance " + i + " to land", PATIENCE);
          delay = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
              + random.nextInt(mode.maxKillDelayMillis() / 4);
        }
        while (System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(delay)) {
          assertThat(service.isAlive()).as("instance %d runs until killed; output:%n%s", i, service.output()).isTrue();
          if (ready == null && service.ready()) {
            ready = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
          }
          Thread.sleep(50);
        }
        service.kill();
        if (ready == null) {
          killedBeforeReady++;
        } else {
          readyMillis.add(ready);
        }
        System.out.printf("CHAOS k-kills: SIGKILL %d after %d ms (%s), %d of %d sent landed (seed %d)%n", i, delay,
            ready == null ? "before ready" : "ready after " + ready + " ms", lake.checks().landed(), load.sent(),
            seed);
      }
      long covered = lake.assertCheckpointedAreDurable(load.acked());
      Chaos.Recovery recovery = recover(lake, load, "k-kills-final");
      ExactlyOnce.Figures figures = finish(lake, load);
      figures.print(String.format("kills=%d (%d before ready) restart-to-ready median=%d ms max=%d ms "
          + "durable-below-checkpoint=%d final-restart-to-all-landed=%s seed=%d", mode.kills(), killedBeforeReady,
          median(readyMillis), readyMillis.stream().mapToLong(Long::longValue).max().orElse(0), covered, recovery,
          seed));
    }
  }

  @Test
  @EnabledIf("everyScenario")
  void s3DownForAMinute() throws Exception {
    KinesisLake lake = lake("k-s3-outage");
    try (KinesisLoad load = load(lake, mode.rate())) {
      ServiceProcess service = launch(lake, "k-s3-outage-1");
      service.awaitReady(PATIENCE);
      awaitLanded(lake, service, mode.rate() * 3L);
      s3.stop();
      long down = System.nanoTime();
      Thread.sleep(10_000);
      Map<String, String> checkpointsEarly = lake.checkpoints();
      long landedEarly = lake.checks().landed();
      service.await(() -> !service.ready(), "/readyz to report the store down", Duration.ofSeconds(40));
      while (since(down).toSeconds() < mode.outageSeconds()) {
        assertThat(service.isAlive()).as("the service waits the outage out; output:%n%s", service.output()).isTrue();
        Thread.sleep(500);
      }
      long sentDuringOutage = load.sent();
      // Back-pressure: with the store down nothing becomes durable, so no checkpoint may move.
      assertThat(lake.checkpoints()).as("checkpoints while S3 was down").isEqualTo(checkpointsEarly);
      assertThat(lake.checks().landed()).as("records landed while S3 was down").isEqualTo(landedEarly);
      s3.start();
      long back = System.nanoTime();
      awaitAll(lake, service, load.acked());
      Duration toLanded = since(back);
      service.awaitReady(PATIENCE);
      ExactlyOnce.Figures figures = finish(lake, load);
      figures.print(String.format("S3 down %d s, %d events written meanwhile, checkpoints frozen, "
          + "back-to-all-landed=%s", mode.outageSeconds(), sentDuringOutage, format(toLanded)));
    }
  }

  @Test
  void dynamoDbRestartedUnderLoad() throws Exception {
    KinesisLake lake = lake("k-dynamodb");
    try (KinesisLoad load = load(lake, mode.rate())) {
      ServiceProcess service = launch(lake, "k-dynamodb-1");
      service.awaitReady(PATIENCE);
      awaitLanded(lake, service, mode.rate() * 3L);
      long stopStarted = System.nanoTime();
      dynamo.stop();
      dynamoDown = true;
      long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopStarted);
      String reason = "lease table unreachable: dynamodb " + dynamo.endpoint() + " (connection refused)";
      service.await(() -> bodyOf(service).contains(reason), "/readyz to name DynamoDB", Duration.ofSeconds(30));
      assertThat(service.status("/readyz")).isEqualTo(503);
      // The JSON log escapes '/'.
      assertThat(service.logLines().stream().filter(l -> l.contains(reason.replace("/", "\\/"))))
          .as("a log line names it").isNotEmpty();
      assertThat(service.isAlive()).as("the service outlives DynamoDB; output:%n%s", service.output()).isTrue();
      long startStarted = System.nanoTime();
      restartDynamoDb();
      long startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startStarted);
      long back = System.nanoTime();
      awaitAll(lake, service, load.acked());
      Duration toLanded = since(back);
      service.awaitReady(PATIENCE);
      ExactlyOnce.Figures figures = finish(lake, load);
      figures.print(String.format("DynamoDB stop %d ms, named in /readyz, start %d ms, back-to-all-landed=%s",
          stopMillis, startMillis, format(toLanded)));
    }
  }

  @Test
  @EnabledIf("everyScenario")
  void reshardSplitThenMergeDuringIngestion() throws Exception {
    KinesisLake lake = lake("k-reshard");
    try (KinesisLoad load = load(lake, mode.rate())) {
      ServiceProcess service = launch(lake, "k-reshard-1");
      service.awaitReady(PATIENCE);
      awaitLanded(lake, service, mode.rate() * 3L);
      long split = System.nanoTime();
      kinesis.updateShardCount(lake.stream(), SHARDS * 2);
      awaitAll(lake, service, load.acked());
      Duration splitToLanded = since(split);
      long merge = System.nanoTime();
      kinesis.updateShardCount(lake.stream(), SHARDS);
      awaitAll(lake, service, load.acked());
      Duration mergeToLanded = since(merge);
      ExactlyOnce.Figures figures = finish(lake, load);
      figures.print(String.format("shards %d -> %d -> %d (%d shards in all), split-to-all-landed=%s, "
          + "merge-to-all-landed=%s", SHARDS, SHARDS * 2, SHARDS, lake.shards().size(), format(splitToLanded),
          format(mergeToLanded)));
    }
  }

  @Test
  void aFrozenZombieLosesItsLeasesAndWakesUp() throws Exception {
    KinesisLake lake = lake("k-zombie");
    try (KinesisLoad load = load(lake, mode.rate())) {
      // Started together: KCL 3.5.1's race between two new workers of an application is survived since.
      ServiceProcess a = launch(lake, "k-zombie-a");
      ServiceProcess b = launch(lake, "k-zombie-b");
      a.awaitReady(PATIENCE);
      b.awaitReady(PATIENCE);
      b.await(() -> owns(lake, "k-zombie-a") > 0 && owns(lake, "k-zombie-b") > 0, "both instances own shards",
          PATIENCE);
      awaitLanded(lake, b, mode.rate() * 3L);
      Thread.sleep(new Random().nextInt(1_000));
      // Frozen while it holds leases: on a loaded machine a slow instance may have lost them already, and a zombie
      // without leases would test nothing.
      int[] held = {0};
      a.await(() -> (held[0] = owns(lake, "k-zombie-a")) > 0, "k-zombie-a to hold leases", PATIENCE);
      a.pause();
      long frozen = System.nanoTime();
      b.await(() -> owns(lake, "k-zombie-b") == SHARDS && owns(lake, "k-zombie-a") == 0,
          "the frozen instance's leases to move", PATIENCE);
      Duration moved = since(frozen);
      Thread.sleep(3_000);
      a.resume();
      long woke = System.nanoTime();
      awaitAll(lake, b, load.acked());
      Duration toLanded = since(woke);
      assertThat(a.isAlive()).as("the zombie survives waking up; output:%n%s", a.output()).isTrue();
      ExactlyOnce.Figures figures = finish(lake, load);
      figures.print(String.format("leases moved %s after SIGSTOP (it held %d of %d), SIGCONT-to-all-landed=%s",
          format(moved), held[0], SHARDS, format(toLanded)));
    }
  }

  @Test
  @EnabledIf("everyScenario")
  void sigtermUnderLoadDrainsAndExitsZero() throws Exception {
    KinesisLake lake = lake("k-sigterm");
    try (KinesisLoad load = load(lake, mode.rate() * 3)) {
      ServiceProcess service = launch(lake, "k-sigterm-1");
      service.awaitReady(PATIENCE);
      awaitLanded(lake, service, mode.rate() * 3L);
      Thread.sleep(new Random().nextInt(2_000));
      long term = System.nanoTime();
      int status = service.terminate(Duration.ofSeconds(30));
      Duration drain = since(term);
      assertThat(status).as("exit status of the drain; output:%n%s", service.output()).isZero();
      long covered = lake.assertCheckpointedAreDurable(load.acked());
      Chaos.Recovery recovery = recover(lake, load, "k-sigterm-2");
      ExactlyOnce.Figures figures = finish(lake, load);
      figures.print(String.format("SIGTERM-to-exit-0=%s at %d events/s, durable-below-checkpoint=%d, "
          + "restart-to-all-landed=%s", format(drain), mode.rate() * 3, covered, recovery));
    }
  }

  /** Starts the instance that lands the rest; how long it took to become ready and to land what was there. */
  private Chaos.Recovery recover(KinesisLake lake, KinesisLoad load, String name) throws Exception {
    long restart = System.nanoTime();
    Set<String> before = load.acked();
    ServiceProcess service = launch(lake, name);
    Duration ready = service.awaitReady(PATIENCE);
    awaitAll(lake, service, before);
    return new Chaos.Recovery(ready, since(restart));
  }


  /**
   * Stops the producer, waits until everything in the stream landed, SIGTERMs every running instance (each must exit
   * 0), then checks exactly once and the checkpoints.
   */
  private ExactlyOnce.Figures finish(KinesisLake lake, KinesisLoad load) throws Exception {
    load.stop();
    Map<String, Boolean> log = lake.log();
    ServiceProcess any = services.stream().filter(ServiceProcess::isAlive).findFirst().orElseThrow();
    awaitAll(lake, any, log.keySet());
    // The last checkpoints follow the last rolls on the next (empty) reads.
    Map<String, BigInteger> last = KinesisLake.lastPositions(log);
    any.await(slowly(() -> checkpointedToTheEnd(lake, last)), "every shard checkpointed at its end", PATIENCE);
    for (ServiceProcess service : services) {
      if (service.isAlive()) {
        int status = service.terminate(Duration.ofSeconds(30));
        assertThat(status).as("%s exits 0 on SIGTERM; output:%n%s", service.name(), service.output()).isZero();
      }
    }
    services.clear();
    ExactlyOnce.Figures figures = lake.checks().assertExactlyOnce(log, load.acked());
    lake.assertCheckpointedToTheEnd(last);
    return figures;
  }

  private static boolean checkpointedToTheEnd(KinesisLake lake, Map<String, BigInteger> last) {
    try {
      lake.assertCheckpointedToTheEnd(last);
      return true;
    } catch (AssertionError e) {
      return false;
    }
  }

  /** A stream of {@value #SHARDS} shards, its application's leases, a bucket. */
  private KinesisLake lake(String scenario) {
    String stream = scenario + "-events";
    kinesis.createStream(stream, SHARDS);
    KclLeases.create(dynamo.client(), kinesis, scenario, List.of(stream));
    System.out.printf("CHAOS %s: mode %s, %d events/s into %s (%d shards)%n", scenario, mode.name(), mode.rate(),
        stream, SHARDS);
    return lake(scenario, stream);
  }

  /** The lake of a scenario whose stream and leases exist: Hive Parquet in a bucket; the Iceberg suite's tables. */
  KinesisLake lake(String scenario, String stream) {
    String bucket = s3.createBucket(scenario);
    String config = KinesisLake.config(scenario, stream, kinesis.endpoint().toString(),
        dynamo.endpoint().toString(), bucket, s3.endpoint().toString());
    return new KinesisLake(scenario, stream, s3.bucketFolder(bucket), config, kinesis.client(), dynamo.client());
  }

  private static KinesisLoad load(KinesisLake lake, int rate) {
    return KinesisLoad.start(kinesis.endpoint(), lake.stream(), rate);
  }

  private ServiceProcess launch(KinesisLake lake, String name) {
    ServiceProcess service = ServiceProcess.launch(root, name, lake.config());
    services.add(service);
    return service;
  }

  /** Open shards whose lease the instance holds. */
  private static int owns(KinesisLake lake, String instance) {
    try {
      return (int) lake.owners().values().stream().filter(instance::equals).count();
    } catch (RuntimeException e) {
      return -1;
    }
  }

  private static String bodyOf(ServiceProcess service) {
    try {
      return service.body("/readyz");
    } catch (Exception e) {
      return "";
    }
  }

  private static void awaitLanded(KinesisLake lake, ServiceProcess service, long count) throws InterruptedException {
    service.await(slowly(() -> lake.checks().landed() >= count), count + " records landed", PATIENCE);
  }

  private static void awaitAll(KinesisLake lake, ServiceProcess service, Set<String> acked)
      throws InterruptedException {
    service.await(slowly(() -> lake.checks().holdsAll(acked)), "all " + acked.size() + " acknowledged records landed",
        PATIENCE);
  }
}
