package io.tributary.deploy.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.deploy.Templates;
import io.tributary.deploy.service.ContainerContract;
import io.tributary.deploy.service.EngineConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the container's launch on this machine, as ECS would start it but without Docker: the image's entrypoint
 * script with the image's environment (JAVA_OPTS, the jar, the configuration handed over in a variable), the
 * image's CMD, against the service jar the reactor just built (the image's jar), with paths under {@code /var/tributary} moved to a
 * temporary folder. Guards that the entrypoint hands the process to the JVM (so SIGTERM reaches it), that the JVM
 * options apply, that the health check command reports ready, and that SIGTERM drains and exits 0.
 */
class ContainerLaunchTest {

  private static final Duration PATIENCE = Duration.ofSeconds(180);

  @TempDir
  Path scratch;

  private Process process;
  private KafkaClusterTestKit kafka;

  @AfterEach
  void stop() throws Exception {
    if (process != null && process.isAlive()) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void theEntrypointRunsTheJarWithTheImagesJvmOptions() throws Exception {
    Process version = launch(List.of("version"), Map.of(), scratch.resolve("version.log"));
    assertThat(version.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(version.exitValue()).as(log(scratch.resolve("version.log"))).isZero();
    assertThat(log(scratch.resolve("version.log"))).containsPattern("\\d+\\.\\d+");
  }

  @Test
  void runBecomesHealthyAndDrainsOnSigtermWithExitZero() throws Exception {
    kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
        .setNumControllerNodes(1).setBaseDirectory(scratch.resolve("kafka")).build())
        .setConfigProp("group.initial.rebalance.delay.ms", "0")
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("offsets.topic.num.partitions", "1")
        .build();
    kafka.format();
    kafka.startup();
    kafka.waitForReadyBrokers();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic("orders", 2, (short) 1))).all().get();
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path lake = scratch.resolve("lake");
    String config = String.join("\n",
        "source: {type: kafka}",
        "kafka:",
        "  bootstrap-servers: ${KAFKA_BOOTSTRAP_SERVERS}",
        "  application-id: launch-test",
        "  topics: [orders]",
        "  session-timeout: 6s",
        "store: {type: local, path: '" + lake + "'}",
        "dataset-defaults: {rolling: {max-age: 1h}}",
        "http: {port: " + port + "}",
        "shutdown: {deadline: 50s}",
        "");
    Path runLog = scratch.resolve("run.log");
    process = launch(null, Map.of(ContainerContract.CONFIG_VARIABLE, config,
        "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()), runLog);

    // The entrypoint execs: the process ECS signals becomes the JVM itself, with the image's options.
    ProcessHandle.Info info = awaitExec(runLog);
    assertThat(info.command()).hasValueSatisfying(c -> assertThat(Path.of(c).getFileName().toString())
        .isEqualTo("java"));
    assertThat(info.arguments()).hasValueSatisfying(a -> assertThat(List.of(a))
        .contains("-XX:+UseParallelGC", "-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError", "-jar",
            jar().toString(), "run"));
    Path configFile = scratch.resolve("tributary.yaml");
    assertThat(Files.readString(configFile)).contains("application-id: launch-test");
    assertThat(Files.getPosixFilePermissions(configFile))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    awaitHealthy(port, runLog);
    Properties producerConfig = new Properties();
    producerConfig.put("bootstrap.servers", kafka.bootstrapServers());
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
        new ByteArraySerializer())) {
      for (int i = 0; i < 20; i++) {
        producer.send(new ProducerRecord<>("orders", ("{\"id\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
      }
      producer.flush();
    }
    awaitReceived(port, 20, runLog);

    process.destroy(); // SIGTERM, as ECS stops a task
    assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as(log(runLog)).isTrue();
    assertThat(process.exitValue()).as(log(runLog)).isZero();
    // The drain rolled the hour-long buffers: everything received is in files.
    try (Stream<Path> files = Files.walk(lake.resolve("orders"))) {
      assertThat(files.filter(f -> f.toString().endsWith(".parquet")).count()).isPositive();
    }
  }

  /** The image's entrypoint with the image's environment and {@code args} (null: the image's CMD). */
  private Process launch(List<String> args, Map<String, String> extraEnv, Path log) throws IOException {
    Dockerfile.Stage runtime = Dockerfile.read(DockerfileTest.dockerfilePath()).runtime();
    List<String> command = new ArrayList<>();
    command.add(Templates.deployDir().resolve("docker/entrypoint.sh").toString());
    List<String> cmd = args != null ? args : new ObjectMapper().readValue(runtime.last("CMD").arguments(),
        new TypeReference<List<String>>() { });
    cmd.forEach(a -> command.add(local(a)));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("JAVA_TOOL_OPTIONS") || k.startsWith("TRIBUTARY_"));
    runtime.env().forEach((k, v) -> env.put(k, local(v)));
    env.put("TRIBUTARY_JAR", jar().toString());
    env.putAll(extraEnv);
    Files.createDirectories(scratch.resolve("tmp"));
    return builder.start();
  }

  /** A value of the image with its paths moved here: the scratch folder, the jar the reactor built. */
  private String local(String value) {
    return value.replace(ContainerContract.JAR, jar().toString())
        .replace(ContainerContract.SCRATCH, scratch.toString());
  }

  /** The process's info once the entrypoint script has replaced itself (the command is no longer a shell). */
  private ProcessHandle.Info awaitExec(Path runLog) throws InterruptedException {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (true) {
      ProcessHandle.Info info = process.toHandle().info();
      String command = info.command().map(c -> Path.of(c).getFileName().toString()).orElse("");
      if (!command.isEmpty() && !command.endsWith("sh") && !command.equals("dash")) {
        return info;
      }
      assertThat(process.isAlive()).as("the entrypoint exited: %s", log(runLog)).isTrue();
      assertThat(Instant.now()).as("the entrypoint never exec'd").isBefore(deadline);
      Thread.sleep(50);
    }
  }

  private void awaitHealthy(int port, Path runLog) throws Exception {
    List<String> check = new ArrayList<>(ContainerContract.HEALTH_CHECK.stream()
        .map(arg -> arg.replace(":" + EngineConfig.HTTP_PORT + "/", ":" + port + "/")).toList());
    Instant deadline = Instant.now().plus(PATIENCE);
    while (true) {
      Process health = new ProcessBuilder(check).redirectErrorStream(true)
          .redirectOutput(scratch.resolve("health.log").toFile()).start();
      assertThat(health.waitFor(60, TimeUnit.SECONDS)).isTrue();
      if (health.exitValue() == 0) {
        return;
      }
      assertThat(process.isAlive()).as("the service died: %s", log(runLog)).isTrue();
      assertThat(Instant.now()).as("not ready within %s: %s", PATIENCE, log(scratch.resolve("health.log")))
          .isBefore(deadline);
      Thread.sleep(500);
    }
  }

  private void awaitReceived(int port, int records, Path runLog) throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(PATIENCE);
    while (true) {
      String metrics = http.send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString()).body();
      if (metrics.contains("tributary_received_records_total{outcome=\"landed\"} " + records + ".0")) {
        return;
      }
      assertThat(Instant.now()).as("records not received: %s", log(runLog)).isBefore(deadline);
      Thread.sleep(500);
    }
  }

  private static Path jar() {
    return Path.of(System.getProperty("tributary.service.jar", "../ingest-app/target/tributary-service.jar"))
        .toAbsolutePath()
        .normalize();
  }

  private static String log(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "(no log)";
    } catch (IOException e) {
      return "(unreadable log: " + e + ")";
    }
  }
}
