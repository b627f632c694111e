package io.tributary.app.chaos;

import static io.tributary.app.chaos.Chaos.format;
import static io.tributary.app.chaos.Chaos.median;
import static io.tributary.app.chaos.Chaos.since;
import static io.tributary.app.chaos.Chaos.slowly;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.app.testing.BrokerProcess;
import io.tributary.app.testing.ServiceProcess;
import io.tributary.testing.S3ProxyServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos suite: {@code tributary run} in child JVMs against a Kafka broker in a JVM of its own and S3Proxy, while
 * a plain producer writes, through SIGKILLs at random moments, a broker restart, S3 down for a minute, a frozen
 * zombie instance and SIGTERM under load. After each, the data and error prefixes hold every acknowledged record
 * exactly once (DuckDB, by topic/partition/offset), the group has committed to the end of every partition, and
 * whenever no instance runs, nothing below a committed offset is missing from the lake (DESIGN §7).
 *
 * <p>Each scenario prints a {@code CHAOS} line (produced, lost, duplicated, time to recover) that
 * docs/reliability.md quotes. {@code -Dtributary.chaos=long} runs more events and more kills ({@link ChaosMode}).
 */
class ChaosTest {

  static final int PARTITIONS = 3;
  static final Duration PATIENCE = Duration.ofSeconds(180);

  /** Kept when a scenario fails: the instances' logs ({@code <name>.out}) and the broker's folder. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  static Path root;

  static BrokerProcess broker;
  private static S3ProxyServer s3;
  static Admin admin;
  final ChaosMode mode = mode();
  final List<ServiceProcess> services = new ArrayList<>();

  /**
   * Whether an even kill waits until the instance has landed something of its own, then strikes a random moment up
   * to a quarter of the mode's kill delay later (while its next commits are under way): the Iceberg suite, whose
   * first commits come late enough that a kill by time alone often finds nothing committed yet.
   */
  boolean killAfterLanding() {
    return false;
  }

  /** How hard this suite pushes ({@link ChaosMode}); the Iceberg suite scales it. */
  ChaosMode mode() {
    return ChaosMode.current();
  }

  @BeforeAll
  static void start() throws Exception {
    System.out.printf("CHAOS logs under %s%n", root);
    broker = BrokerProcess.start(root.resolve("broker"));
    s3 = S3ProxyServer.launch();
    admin = broker.admin();
  }

  @AfterAll
  static void stop() throws Exception {
    if (admin != null) {
      admin.close();
    }
    if (s3 != null) {
      s3.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void sigkillAtRandomMomentsAgainAndAgain() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Lake lake = lake("kills");
    List<Long> readyMillis = new ArrayList<>();
    int killedBeforeReady = 0;
    try (Load load = Load.start(broker.bootstrapServers(), topics(lake), PARTITIONS, mode.rate())) {
      for (int i = 1; i <= mode.kills(); i++) {
        ServiceProcess service = launch(lake, "kills-" + i);
        long started = System.nanoTime();
        Long ready = null;
        long delay;
        if (i % 2 == 1) {
          // Odd kills: anywhere from the start (recovery, rebalance) on.
          delay = 300 + random.nextInt(mode.maxKillDelayMillis() - 300);
        } else {
          // Even kills: mid-stream, a random moment after the instance is ready and landing.
          ready = service.awaitReady(PATIENCE).toMillis();
          delay = ready + random.nextInt(mode.maxKillDelayMillis() / 2);
          if (killAfterLanding()) {
            long before = lake.landed();
            service.await(slowly(() -> lake.landed() > before), "instance " + i + " to land", PATIENCE);
            delay = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
                + random.nextInt(mode.maxKillDelayMillis() / 4);
          }
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
        System.out.printf("CHAOS kills: SIGKILL %d after %d ms (%s), %d of %d sent landed (seed %d)%n", i, delay,
            ready == null ? "before ready" : "ready after " + ready + " ms", lake.landed(), load.sent(), seed);
      }
      long covered = lake.assertCommittedAreDurable(admin, load);
      assertThat(lake.landed()).as("the killed instances landed records (seed %d)", seed).isPositive();

      Chaos.Recovery recovery = recover(lake, load, "kills-final");
      ExactlyOnce.Figures figures = finish(lake, load);
      figures.print(String.format("kills=%d (%d before ready) restart-to-ready median=%d ms max=%d ms "
          + "durable-below-committed=%d final-restart-to-all-landed=%s seed=%d", mode.kills(), killedBeforeReady,
          median(readyMillis), readyMillis.stream().mapToLong(Long::longValue).max().orElse(0), covered,
          recovery, seed));
    }
  }

  @Test
  void brokerRestart() throws Exception {
    Lake lake = lake("broker");
    try (Load load = Load.start(broker.bootstrapServers(), topics(lake), PARTITIONS, mode.rate())) {
      ServiceProcess service = launch(lake, "broker-1");
      service.awaitReady(PATIENCE);
      awaitLanded(lake, service, mode.rate() * 3L);
      long stopStarted = System.nanoTime();
      broker.stop();
      long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopStarted);
      Thread.sleep(5_000);
      assertThat(service.isAlive()).as("the service outlives the broker; output:%n%s", service.output()).isTrue();
      long startStarted = System.nanoTime();
      broker.startAgain();
      long startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startStarted);
      long back = System.nanoTime();
      Set<String> before = load.acked();
      awaitAll(lake, service, before);
      Duration toLanded = since(back);
      ExactlyOnce.Figures figures = finish(lake, load);
      figures.print(String.format("broker stop %d ms, down 5 s, start %d ms, back-to-all-landed=%s",
          stopMillis, startMillis, format(toLanded)));
    }
  }

  @Test
  void s3DownForAMinute() throws Exception {
    // No reason asked: /readyz probes the store, which with S3 down outlasts the test's 2 s HTTP timeout.
    outageUnderLoad(lake("s3-outage"), "S3", s3::stop, s3::start, null);
  }

  /**
   * A dependency down for the mode's outage while the producer writes: once the instance lands, {@code stop} takes
   * it down; {@code /readyz} must say so (and name {@code reason}, unless null), the instance must live and hold back
   * ({@link #waitOutTheOutage}); then {@code start} brings it back and everything lands exactly once.
   */
  void outageUnderLoad(Lake lake, String what, Runnable stop, Runnable start, String reason) throws Exception {
    try (Load load = Load.start(broker.bootstrapServers(), topics(lake), PARTITIONS, mode.rate())) {
      ServiceProcess service = launch(lake, lake.scenario() + "-1");
      service.awaitReady(PATIENCE);
      awaitLanded(lake, service, mode.rate() * 3L);
      stop.run();
      long down = System.nanoTime();
      service.await(() -> !service.ready(), "/readyz to report " + what + " down", Duration.ofSeconds(40));
      String readyz = reason == null ? "not ready" : service.body("/readyz");
      if (reason != null) {
        assertThat(readyz).as("the readiness reason while %s is down", what).contains(reason);
      }
      // An offset commit of a flush that was durable before the outage may still be on its way (commit-interval 2s).
      Thread.sleep(5_000);
      waitOutTheOutage(lake, service, down, what);
      long sentDuringOutage = load.sent();
      start.run();
      long back = System.nanoTime();
      Set<String> before = load.acked();
      awaitAll(lake, service, before);
      Duration toLanded = since(back);
      service.awaitReady(PATIENCE);
      ExactlyOnce.Figures figures = finish(lake, load);
      figures.print(String.format("%s down %d s (readyz: %s), %d events written meanwhile, offsets frozen, "
          + "back-to-all-landed=%s", what, mode.outageSeconds(), readyz.lines().findFirst().orElse("").strip(),
          sentDuringOutage, format(toLanded)));
    }
  }

  @Test
  void aFrozenZombieLosesItsPartitionsAndWakesUp() throws Exception {
    Lake lake = lake("zombie");
    try (Load load = Load.start(broker.bootstrapServers(), topics(lake), PARTITIONS, mode.rate())) {
      ServiceProcess a = launch(lake, "zombie-a");
      ServiceProcess b = launch(lake, "zombie-b");
      a.awaitReady(PATIENCE);
      b.awaitReady(PATIENCE);
      b.await(() -> owns(lake, "zombie-a") > 0 && owns(lake, "zombie-b") > 0, "both instances own partitions",
          PATIENCE);
      awaitLanded(lake, b, mode.rate() * 3L);
      Thread.sleep(new Random().nextInt(1_000));
      a.pause();
      long frozen = System.nanoTime();
      b.await(() -> owns(lake, "zombie-b") == 3 * PARTITIONS && owns(lake, "zombie-a") == 0,
          "the frozen instance's partitions to move", PATIENCE);
      Duration moved = since(frozen);
      Thread.sleep(3_000);
      a.resume();
      long woke = System.nanoTime();
      Set<String> before = load.acked();
      awaitAll(lake, b, before);
      Duration toLanded = since(woke);
      assertThat(a.isAlive()).as("the zombie survives waking up; output:%n%s", a.output()).isTrue();
      ExactlyOnce.Figures figures = finish(lake, load);
      figures.print(String.format("partitions moved %s after SIGSTOP, SIGCONT-to-all-landed=%s", format(moved),
          format(toLanded)));
    }
  }

  @Test
  void sigtermUnderLoadDrainsAndExitsZero() throws Exception {
    Lake lake = lake("sigterm");
    try (Load load = Load.start(broker.bootstrapServers(), topics(lake), PARTITIONS, mode.rate() * 3)) {
      ServiceProcess service = launch(lake, "sigterm-1");
      service.awaitReady(PATIENCE);
      awaitLanded(lake, service, mode.rate() * 3L);
      Thread.sleep(new Random().nextInt(2_000));
      long term = System.nanoTime();
      int status = service.terminate(Duration.ofSeconds(30));
      Duration drain = since(term);
      assertThat(status).as("exit status of the drain; output:%n%s", service.output()).isZero();
      long covered = lake.assertCommittedAreDurable(admin, load);
      Chaos.Recovery recovery = recover(lake, load, "sigterm-2");
      ExactlyOnce.Figures figures = finish(lake, load);
      figures.print(String.format("SIGTERM-to-exit-0=%s at %d events/s, durable-below-committed=%d, "
          + "restart-to-all-landed=%s", format(drain), mode.rate() * 3, covered, recovery));
    }
  }

  /**
   * Waits until the outage that began at {@code down} ({@link System#nanoTime}) has lasted the mode's outage, the
   * service alive throughout and holding back (DESIGN §7's back-pressure: with {@code what} down nothing becomes
   * durable, so from now until then no offset may move and no record may land).
   */
  void waitOutTheOutage(Lake lake, ServiceProcess service, long down, String what) throws Exception {
    Map<TopicPartition, Long> committedEarly = lake.committed(admin);
    long landedEarly = lake.landed();
    while (since(down).toSeconds() < mode.outageSeconds()) {
      assertThat(service.isAlive()).as("the service waits the outage out; output:%n%s", service.output()).isTrue();
      Thread.sleep(500);
    }
    assertThat(lake.committed(admin)).as("offsets committed while %s was down", what).isEqualTo(committedEarly);
    assertThat(lake.landed()).as("records landed while %s was down", what).isEqualTo(landedEarly);
  }

  /** Starts the instance that lands the rest; how long it took to become ready and to land what was there. */
  Chaos.Recovery recover(Lake lake, Load load, String name) throws Exception {
    long restart = System.nanoTime();
    Set<String> before = load.acked();
    ServiceProcess service = launch(lake, name);
    Duration ready = service.awaitReady(PATIENCE);
    awaitAll(lake, service, before);
    return new Chaos.Recovery(ready, since(restart));
  }


  /**
   * Stops the producer, waits until everything landed, SIGTERMs every running instance (each must exit 0), then
   * checks exactly once and the committed offsets.
   */
  ExactlyOnce.Figures finish(Lake lake, Load load) throws Exception {
    load.stop();
    ServiceProcess any = services.stream().filter(ServiceProcess::isAlive).findFirst().orElseThrow();
    awaitAll(lake, any, lake.log(broker.bootstrapServers()).keySet());
    for (ServiceProcess service : services) {
      if (service.isAlive()) {
        int status = service.terminate(Duration.ofSeconds(30));
        assertThat(status).as("%s exits 0 on SIGTERM; output:%n%s", service.name(), service.output()).isZero();
      }
    }
    services.clear();
    ExactlyOnce.Figures figures = lake.assertExactlyOnce(load, broker.bootstrapServers());
    lake.assertCommittedToTheEnd(admin);
    return figures;
  }

  Lake lake(String scenario) {
    List<String> topics = Load.topicNames(scenario, 3);
    try {
      admin.createTopics(topics.stream().map(t -> new NewTopic(t, PARTITIONS, (short) 1)).toList()).all()
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot create the topics of " + scenario, e);
    }
    System.out.printf("CHAOS %s: mode %s, %d events/s over %s%n", scenario, mode.name(), mode.rate(), topics);
    return lake(scenario, topics);
  }

  /** The lake of a scenario whose topics exist: Hive Parquet in a bucket of S3Proxy; the Iceberg suite's tables. */
  Lake lake(String scenario, List<String> topics) {
    String bucket = s3.createBucket(scenario);
    String config = Lake.config(scenario, broker.bootstrapServers(), topics, bucket, s3.endpoint().toString());
    return new Lake(scenario, s3.bucketFolder(bucket), config, topics, PARTITIONS);
  }

  static List<String> topics(Lake lake) {
    return Load.topicNames(lake.scenario(), 3);
  }

  ServiceProcess launch(Lake lake, String name) {
    ServiceProcess service = ServiceProcess.launch(root, name, lake.config());
    services.add(service);
    return service;
  }

  /** Partitions the group has assigned to the members whose client id starts with {@code instance}. */
  private static int owns(Lake lake, String instance) {
    try {
      ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(lake.scenario())).all()
          .get(10, TimeUnit.SECONDS).get(lake.scenario());
      int owned = 0;
      for (MemberDescription member : group.members()) {
        if (member.clientId().startsWith(instance)) {
          owned += member.assignment().topicPartitions().size();
        }
      }
      return owned;
    } catch (Exception e) {
      return -1;
    }
  }

  static void awaitLanded(Lake lake, ServiceProcess service, long count) throws InterruptedException {
    service.await(slowly(() -> lake.landed() >= count), count + " records landed", PATIENCE);
  }

  static void awaitAll(Lake lake, ServiceProcess service, Set<String> acked) throws InterruptedException {
    service.await(slowly(() -> lake.holdsAll(acked)), "all " + acked.size() + " acknowledged records landed",
        PATIENCE);
  }
}
