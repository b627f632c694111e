package io.tributary.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * One scenario's lake in a bucket of S3Proxy (read from S3Proxy's folder with DuckDB) and its consumer group: the
 * configuration the service runs with, and the checks that every acknowledged record is there exactly once — data
 * and error files together, by source coordinates — and that the group committed to the end of every partition.
 */
final class Lake {

  private final String scenario;
  private final String config;
  private final List<String> topics;
  private final int partitions;
  private final ExactlyOnce.Counts counts;

  Lake(String scenario, Path bucketFolder, String config, List<String> topics, int partitions) {
    this(scenario, config, topics, partitions,
        ExactlyOnce.Counts.files(bucketFolder.resolve("lake"), bucketFolder.resolve("errors")));
  }

  /** A lake counted by {@code counts} (an Iceberg lake: its tables' current snapshots and the error files). */
  Lake(String scenario, String config, List<String> topics, int partitions, ExactlyOnce.Counts counts) {
    this.scenario = scenario;
    this.config = config;
    this.topics = List.copyOf(topics);
    this.partitions = partitions;
    this.counts = counts;
  }

  /**
   * The service's configuration: S3 through S3Proxy, 1 s rolls, a 3 s session timeout (so a killed or frozen
   * instance's partitions move soon), the group named after the scenario.
   */
  static String config(String scenario, String bootstrap, List<String> topics, String bucket, String s3Endpoint) {
    return String.join("\n", kafkaConfig(scenario, bootstrap, topics), storeConfig(bucket, s3Endpoint));
  }

  /** The Kafka part of a chaos scenario's configuration (see {@link #config}). */
  static String kafkaConfig(String scenario, String bootstrap, List<String> topics) {
    return String.join("\n",
        "kafka:",
        "  bootstrap-servers: " + bootstrap,
        "  application-id: " + scenario,
        "  topics: [" + String.join(", ", topics) + "]",
        "  session-timeout: 3s",
        "  commit-interval: 2s");
  }

  /**
   * The store and lake part of a chaos scenario's configuration, whatever the source: S3 through S3Proxy, data under
   * {@code lake/}, errors under {@code errors/}, 1 s rolls, event time from {@code ts}.
   */
  static String storeConfig(String bucket, String s3Endpoint) {
    return String.join("\n",
        "store:",
        "  type: s3",
        "  s3:",
        "    bucket: " + bucket,
        "    region: us-east-1",
        "    endpoint: " + s3Endpoint,
        "    path-style: true",
        lakeConfig());
  }

  /**
   * The lake part of a chaos scenario's configuration, whatever the store: data under {@code lake/}, errors under
   * {@code errors/}, 1 s rolls, event time from {@code ts}, and {@code datasetDefaults} (indented lines) added to
   * {@code dataset-defaults}.
   */
  static String lakeConfig(String... datasetDefaults) {
    return String.join("\n",
        "lake:",
        "  prefix: lake",
        "  error-prefix: errors",
        "dataset-defaults:",
        String.join("\n", datasetDefaults),
        "  event-time-field: ts",
        "  rolling:",
        "    max-age: 1s",
        "errors:",
        "  rolling:",
        "    max-age: 1s");
  }

  String config() {
    return config;
  }

  String scenario() {
    return scenario;
  }

  /** Distinct coordinates landed so far (0 while nothing is readable). */
  long landed() {
    return checks().landed();
  }

  /** True when every coordinate of {@code acked} has landed. */
  boolean holdsAll(Set<String> acked) {
    return checks().holdsAll(acked);
  }

  private ExactlyOnce checks() {
    return new ExactlyOnce(scenario, counts);
  }

  /**
   * Asserts exactly once — every record in the topics in the lake once, nothing else, the broken ones in the error
   * files, every acknowledged one among them — and returns the counts for the record.
   */
  ExactlyOnce.Figures assertExactlyOnce(Load load, String bootstrap) throws Exception {
    ExactlyOnce.Figures figures = checks().assertExactlyOnce(log(bootstrap), load.acked());
    String tables = counts.describe();
    if (!tables.isEmpty()) {
      System.out.printf("CHAOS %-16s %s%n", scenario, tables);
    }
    return figures;
  }

  /** Every record in the scenario's topics, read back with a plain consumer: coordinate → broken. */
  Map<String, Boolean> log(String bootstrap) {
    Map<String, Boolean> records = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, "16777216"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> all = new ArrayList<>();
      for (String topic : topics) {
        for (int p = 0; p < partitions; p++) {
          all.add(new TopicPartition(topic, p));
        }
      }
      consumer.assign(all);
      consumer.seekToBeginning(all);
      Map<TopicPartition, Long> ends = consumer.endOffsets(all, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (all.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(scenario + ": could not read the topics back to their ends " + ends);
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          records.put(r.topic() + "/" + r.partition() + "/" + r.offset(), Load.isBroken(r.value()));
        }
      }
    }
    return records;
  }

  /** Asserts that the group committed the end offset of every partition. */
  void assertCommittedToTheEnd(Admin admin) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (String topic : topics) {
      for (int p = 0; p < partitions; p++) {
        latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
      }
    }
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
    Map<TopicPartition, Long> committed = committed(admin);
    assertThat(committed).as("%s: committed offsets", scenario).isEqualTo(ends);
  }

  /**
   * DESIGN §7's invariant, checked while no instance runs: every acknowledged record below a committed offset is
   * in the lake. Returns how many records that covered.
   */
  long assertCommittedAreDurable(Admin admin, Load load) throws Exception {
    Map<TopicPartition, Long> committed = committed(admin);
    return checks().assertCommittedAreDurable(load.acked(), coordinate -> {
      int slash = coordinate.lastIndexOf('/');
      int before = coordinate.lastIndexOf('/', slash - 1);
      TopicPartition tp = new TopicPartition(coordinate.substring(0, before),
          Integer.parseInt(coordinate.substring(before + 1, slash)));
      return Long.parseLong(coordinate.substring(slash + 1)) < committed.getOrDefault(tp, 0L);
    }, committed.toString());
  }

  /** The group's committed offsets. */
  Map<TopicPartition, Long> committed(Admin admin) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin.listConsumerGroupOffsets(scenario).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
    Map<TopicPartition, Long> committed = new HashMap<>();
    offsets.forEach((tp, om) -> {
      if (om != null) {
        committed.put(tp, om.offset());
      }
    });
    return committed;
  }
}
