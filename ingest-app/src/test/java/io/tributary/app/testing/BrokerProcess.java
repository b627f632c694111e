package io.tributary.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka 4.3.1 broker (KRaft, combined broker and controller) in a JVM of its own, started from the test's
 * classpath (which holds {@code kafka_2.13}): storage formatted once with {@code kafka.tools.StorageTool format
 * --standalone}, then {@code kafka.Kafka server.properties}. Unlike a broker inside the test JVM it can be stopped
 * and started again on the same ports with its log directory intact, which a broker-restart test needs. Loopback
 * only; a JVM shutdown hook kills it if the test does not.
 */
public final class BrokerProcess implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

  private final Path dir;
  private final int port;
  private final Path properties;
  private final Thread reaper;
  private Process process;

  private BrokerProcess(Path dir, int port, Path properties) {
    this.dir = dir;
    this.port = port;
    this.properties = properties;
    this.reaper = new Thread(this::killNow, "broker-reaper-" + port);
  }

  /** Formats a new log directory under {@code dir} and starts the broker on free ports. */
  public static BrokerProcess start(Path dir) throws IOException, InterruptedException {
    int port = ServiceProcess.freePort();
    int controllerPort = ServiceProcess.freePort();
    Path properties = dir.resolve("server.properties");
    Files.createDirectories(dir);
    Files.write(properties, List.of(
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "log.dirs=" + dir.resolve("data"),
        "num.partitions=1",
        "offsets.topic.replication.factor=1",
        "offsets.topic.num.partitions=4",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        "group.min.session.timeout.ms=1000",
        "auto.create.topics.enable=false"), StandardCharsets.UTF_8);
    BrokerProcess broker = new BrokerProcess(dir, port, properties);
    broker.format();
    Runtime.getRuntime().addShutdownHook(broker.reaper);
    broker.startAgain();
    return broker;
  }

  /** {@code 127.0.0.1:<port>}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Starts the broker again after {@link #stop()}: same ports, same log directory; waits until it serves. */
  public void startAgain() throws IOException, InterruptedException {
    if (isRunning()) {
      return;
    }
    process = java("kafka.Kafka", properties.toString()).start();
    awaitReady();
  }

  /** SIGTERM (a controlled shutdown) and waits for the JVM to exit; SIGKILL after 60 s. */
  public void stop() throws InterruptedException {
    if (process == null) {
      return;
    }
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    process = null;
  }

  /** An admin client for this broker; the caller closes it. */
  public Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000", AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000"));
  }

  @Override
  public void close() {
    try {
      stop();
    } catch (InterruptedException e) {
      killNow();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException e) {
      // The JVM is shutting down already.
    }
  }

  private void format() throws IOException, InterruptedException {
    Process format = java("kafka.tools.StorageTool", "format", "--standalone", "-t", Uuid.randomUuid().toString(),
        "-c", properties.toString()).start();
    if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
      format.destroyForcibly();
      throw new IllegalStateException("Formatting the broker's storage failed; log:\n" + log());
    }
  }

  private ProcessBuilder java(String main, String... args) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-Xmx512m", "-XX:+UseSerialGC",
        "-Dlogback.configurationFile=" + writeLogConfig(), "-cp", classpath, main));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile()));
  }

  /** Warnings only: the broker's INFO chatter would fill the disk over a long chaos run. */
  private String writeLogConfig() {
    Path config = dir.resolve("logback-broker.xml");
    try {
      Files.writeString(config, "<configuration><appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\">"
          + "<encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder></appender>"
          + "<root level=\"WARN\"><appender-ref ref=\"OUT\"/></root></configuration>");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return config.toString();
  }

  private void awaitReady() throws InterruptedException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    try (Admin admin = admin()) {
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException("The broker exited with " + process.exitValue() + "; log:\n" + log());
        }
        try {
          if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
            admin.listTopics().names().get(5, TimeUnit.SECONDS);
            return;
          }
        } catch (Exception notYet) {
          // Starting.
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("The broker did not serve within " + READY_TIMEOUT + "; log:\n" + log());
        }
        Thread.sleep(200);
      }
    }
  }

  private String log() {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("broker.log"), StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private void killNow() {
    Process running = process;
    if (running != null) {
      running.destroyForcibly();
    }
  }
}
