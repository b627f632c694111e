package io.tributary.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.app.Main;
import io.tributary.app.testing.ServiceProcess;
import io.tributary.testing.LakeCounts;
import io.tributary.testing.S3ProxyServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary run --config FILE} as an operator runs it: its own process, a real broker, S3 (S3Proxy). It
 * becomes ready, lands what a producer writes, shows the metrics moving at {@code /metrics}, logs JSON lines, exits
 * 0 on SIGTERM; {@code tributary query} then answers SQL over what landed; a typo in the configuration is named.
 */
class RunServiceProcessTest {

  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private static KafkaClusterTestKit kafka;
  private static S3ProxyServer s3;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
        .setNumControllerNodes(1).build())
        .setConfigProp("group.initial.rebalance.delay.ms", "0")
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("offsets.topic.num.partitions", "2")
        .build();
    kafka.format();
    kafka.startup();
    kafka.waitForReadyBrokers();
    s3 = S3ProxyServer.launch();
  }

  @AfterAll
  static void stop() throws Exception {
    if (s3 != null) {
      s3.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void theServiceLandsOnS3ServesMetricsAndDrainsOnSigterm() throws Exception {
    String bucket = s3.createBucket("run-test");
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic("svc.orders", 2, (short) 1), new NewTopic("svc.clicks", 2, (short) 1)))
          .all().get();
    }
    int port = ServiceProcess.freePort();
    Path config = dir.resolve("tributary.yaml");
    Files.writeString(config, String.join("\n",
        "instance-id: run-test",
        "kafka:",
        "  bootstrap-servers: " + kafka.bootstrapServers(),
        "  application-id: run-test",
        "  topic-pattern: \"svc\\\\..*\"",
        "  session-timeout: 6s",
        "store:",
        "  type: s3",
        "  s3:",
        "    bucket: " + bucket,
        "    region: us-east-1",
        "    endpoint: " + s3.endpoint(),
        "    path-style: true",
        "lake:",
        "  prefix: lake",
        "  error-prefix: errors",
        "dataset-defaults:",
        "  event-time-field: ts",
        "  rolling:",
        "    max-age: 1s",
        "errors:",
        "  rolling:",
        "    max-age: 1s",
        "http:",
        "  port: " + port,
        ""));
    try (ServiceProcess service = ServiceProcess.launch(dir, "service", config, port)) {
      service.awaitReady(PATIENCE);

      int good = 0;
      int bad = 0;
      try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
          kafka.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
        for (int i = 0; i < 400; i++) {
          String topic = i % 2 == 0 ? "svc.orders" : "svc.clicks";
          String json = i % 50 == 7 ? "{\"broken\": " : "{\"id\": " + i + ", \"ts\": 1763704800000, \"v\": " + i
              + (i > 200 ? ", \"later\": \"x\"" : "") + "}";
          if (i % 50 == 7) {
            bad++;
          } else {
            good++;
          }
          producer.send(new ProducerRecord<>(topic, i % 2, null, json.getBytes(StandardCharsets.UTF_8)));
        }
      }
      Path bucketFolder = s3.bucketFolder(bucket);
      int total = good + bad;
      service.await(() -> landed(bucketFolder) >= total, "all " + total + " records landed", PATIENCE);

      String metrics = service.body("/metrics");
      assertThat(metrics).contains("tributary_received_records_total", "tributary_written_records_total",
          "tributary_written_files_total", "tributary_error_records_total", "tributary_schema_versions_total",
          "tributary_freshness_seconds", "tributary_buffered_bytes", "tributary_flush_duration_seconds",
          "tributary_latency_seconds", "tributary_source_lag_records",
          // The latency histogram's buckets (they add up across tasks), JVM and process meters, Kafka's own.
          "tributary_latency_seconds_bucket{", "jvm_memory_used_bytes", "process_cpu_usage", "kafka_consumer_");
      assertThat(service.metric("tributary_received_records_total", "outcome=\"landed\"")).isEqualTo(good);
      assertThat(service.metric("tributary_received_records_total", "outcome=\"error\"")).isEqualTo(bad);

      StringWriter health = new StringWriter();
      assertThat(Main.run(new String[] {"health", "--port", Integer.toString(port)}, new PrintWriter(health, true),
          new PrintWriter(new StringWriter(), true))).as("tributary health while ready").isZero();
      assertThat(health.toString()).contains("ready");

      // -1 when it had not drained within 30 s of SIGTERM.
      assertThat(service.terminate(Duration.ofSeconds(30))).as("exit status after SIGTERM; output:%n%s",
          service.output()).isZero();
    }

    List<String> lines = Files.readAllLines(dir.resolve("service.out"));
    assertThat(lines).isNotEmpty();
    ObjectMapper json = new ObjectMapper();
    for (String line : lines) {
      JsonNode entry = json.readTree(line);
      assertThat(entry.has("level") && entry.has("formattedMessage")).as("a JSON log line: %s", line).isTrue();
    }
    assertThat(lines).anyMatch(line -> line.contains("Drained"));
    assertThat(Main.run(new String[] {"health", "--port", Integer.toString(port)}, new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter(), true))).as("tributary health with no service").isEqualTo(1);

    // The query command reads S3 with the default credentials chain, as the service does.
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new String[] {"query", "--config", config.toString(),
        "SELECT (SELECT count(*) FROM svc_orders) + (SELECT count(*) FROM svc_clicks) AS landed, "
            + "(SELECT count(*) FROM errors) AS errors"}, new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString()).contains("landed", "errors").containsPattern("392\\s+8");
  }

  @Test
  void aTypoInTheConfigurationIsNamedAtStart() throws Exception {
    Path config = dir.resolve("typo.yaml");
    Files.writeString(config, "kafka:\n  bootstrap-server: localhost:9092\n  topics: [a]\nstore:\n  type: local\n");
    StringWriter err = new StringWriter();
    int status = Main.run(new String[] {"run", "--config", config.toString()}, new PrintWriter(new StringWriter()),
        new PrintWriter(err, true));
    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("unknown key 'kafka.bootstrap-server'",
        "did you mean 'kafka.bootstrap-servers'?");
  }

  private static long landed(Path bucketFolder) {
    try {
      return LakeCounts.landed(bucketFolder.resolve("lake"), bucketFolder.resolve("errors")).size();
    } catch (Exception e) {
      return 0;
    }
  }
}
