package io.tributary.kafka;

import static io.tributary.config.ValueType.STRING;
import static io.tributary.config.ValueType.STRING_LIST;
import static io.tributary.config.ValueType.STRING_MAP;
import static io.tributary.config.ValueType.duration;
import static io.tributary.config.ValueType.integer;
import static io.tributary.config.ValueType.oneOf;

import io.tributary.config.ConfigKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Kafka source's keys ({@code kafka.*}), declared once with their defaults: {@link KafkaSourceSettings} takes its
 * defaults from here and names these keys in its messages.
 */
public final class KafkaKeys {

  private KafkaKeys() {}

  public static final ConfigKey<String> BOOTSTRAP = ConfigKey.optional("kafka.bootstrap-servers", STRING,
      "host:port[,host:port...] of the brokers. Required with `source.type: kafka`.");
  public static final ConfigKey<String> APPLICATION_ID = ConfigKey.of("kafka.application-id", STRING,
      "tributary", "The Kafka Streams application id: one per deployment; it is the consumer group id.");
  public static final ConfigKey<List<String>> TOPICS = ConfigKey.optional("kafka.topics", STRING_LIST,
      "Topics to read by name (each its own sub-topology: up to the sum of their partitions run in parallel). "
          + "Give this or `kafka.topic-pattern`.");
  public static final ConfigKey<String> TOPIC_PATTERN = ConfigKey.optional("kafka.topic-pattern", STRING,
      "Topics to read by Java regex; new matching topics are picked up. A task then holds partition i of every "
          + "matched topic: at most the largest partition count of them is useful as a task count.");
  public static final ConfigKey<Integer> STREAM_THREADS = ConfigKey.of("kafka.stream-threads",
      integer(1, 64), 1, "Kafka Streams threads in this task.");
  public static final ConfigKey<String> START_FROM = ConfigKey.of("kafka.start-from",
      oneOf("earliest", "latest"), "earliest", "Where a group with no committed offset starts.");
  public static final ConfigKey<Duration> TICK = ConfigKey.of("kafka.tick-interval",
      duration(Duration.ofMillis(50)), Duration.ofSeconds(1),
      "How often each stream thread rolls aged buffers, commits offsets that became durable, and samples lag.");
  public static final ConfigKey<Duration> COMMIT = ConfigKey.of("kafka.commit-interval",
      duration(Duration.ofMillis(100)), Duration.ofSeconds(10),
      "Kafka Streams' own commit interval; its commits pass the same gate (never past a non-durable record).");
  public static final ConfigKey<Duration> SESSION_TIMEOUT = ConfigKey.of("kafka.session-timeout",
      duration(Duration.ofSeconds(1)), Duration.ofSeconds(45),
      "How long the group waits for a silent (killed) task before its partitions move.");
  public static final ConfigKey<Duration> TOPIC_REFRESH = ConfigKey.of("kafka.topic-refresh-interval",
      duration(Duration.ofSeconds(1)), Duration.ofSeconds(30),
      "How often `kafka.topic-pattern` is matched against the cluster's topics again.");
  public static final ConfigKey<Map<String, String>> CLIENT_PROPERTIES = ConfigKey.of(
      "kafka.client-properties", STRING_MAP, Map.of(),
      "Further Kafka client properties, as they are (e.g. `consumer.max.poll.records: 500`). Properties the "
          + "source decides (group, offsets, processing guarantee, security) are refused.");
  public static final ConfigKey<String> SECURITY_MODE = ConfigKey.of("kafka.security.mode",
      oneOf("plaintext", "tls", "sasl-scram", "msk-iam"), "plaintext",
      "`plaintext` (local), `tls` (optionally mutual), `sasl-scram` (SCRAM over TLS), `msk-iam` (Amazon MSK IAM "
          + "access control over TLS, credentials from the task role).");
  public static final ConfigKey<String> SASL_MECHANISM = ConfigKey.of("kafka.security.sasl-mechanism",
      oneOf("scram-sha-512", "scram-sha-256"), "scram-sha-512", "The SCRAM mechanism with `sasl-scram`.");
  public static final ConfigKey<String> USERNAME = ConfigKey.optional("kafka.security.username", STRING,
      "The SCRAM user with `sasl-scram`.");
  public static final ConfigKey<String> PASSWORD = ConfigKey.optional("kafka.security.password", STRING,
      "The SCRAM password with `sasl-scram`; use `${ENV_VAR}` rather than writing it in the file.");
  public static final ConfigKey<String> TRUSTSTORE = ConfigKey.optional("kafka.security.truststore-path",
      STRING, "A trust store file for `tls` or `sasl-scram`; without it the JVM's CAs are used (enough for MSK).");
  public static final ConfigKey<String> TRUSTSTORE_PASSWORD = ConfigKey.of(
      "kafka.security.truststore-password", STRING, "", "The trust store's password.");
  public static final ConfigKey<String> KEYSTORE = ConfigKey.optional("kafka.security.keystore-path",
      STRING, "A key store file for mutual TLS with `tls`.");
  public static final ConfigKey<String> KEYSTORE_PASSWORD = ConfigKey.of(
      "kafka.security.keystore-password", STRING, "", "The key store's password.");
  public static final ConfigKey<String> STORE_TYPE = ConfigKey.of("kafka.security.store-type",
      oneOf("pkcs12", "jks", "pem"), "pkcs12", "The type of the trust and key store files.");
  public static final ConfigKey<String> ROLE_ARN = ConfigKey.optional("kafka.security.role-arn", STRING,
      "With `msk-iam`: a role to assume instead of using the task role directly.");

  /** These keys, in documentation order. */
  public static List<ConfigKey<?>> all() {
    return List.of(BOOTSTRAP, APPLICATION_ID, TOPICS, TOPIC_PATTERN, STREAM_THREADS, START_FROM, TICK, COMMIT,
        SESSION_TIMEOUT, TOPIC_REFRESH, CLIENT_PROPERTIES, SECURITY_MODE, SASL_MECHANISM, USERNAME, PASSWORD,
        TRUSTSTORE, TRUSTSTORE_PASSWORD, KEYSTORE, KEYSTORE_PASSWORD, STORE_TYPE, ROLE_ARN);
  }
}
