package io.tributary.kafka;

import static io.tributary.kafka.KafkaKeys.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What the Kafka source needs, validated: errors name the configuration key and what is allowed.
 *
 * @param bootstrapServers {@code kafka.bootstrap-servers}: host:port[,host:port…]
 * @param applicationId {@code kafka.application-id}: the Kafka Streams application id, one per deployment; it is the
 *     consumer group id
 * @param topics {@code kafka.topics}: topics by name (each its own sub-topology: up to the sum of their partitions
 *     can run in parallel)
 * @param topicPattern {@code kafka.topic-pattern}: topics by regex, new matching topics picked up (one
 *     sub-topology: up to the largest partition count of the matched topics can run in parallel)
 * @param streamThreads {@code kafka.stream-threads}: Kafka Streams threads in this task
 * @param security {@code kafka.security.*}
 * @param startFrom {@code kafka.start-from}: where a group with no committed offset starts, earliest or latest
 * @param tickInterval {@code kafka.tick-interval}: how often each stream thread rolls aged buffers, commits what
 *     became durable and samples lag
 * @param commitInterval {@code kafka.commit-interval}: Kafka Streams' own commit interval (its commits pass the
 *     same gate)
 * @param sessionTimeout {@code kafka.session-timeout}: how long the group waits for a silent (killed) member
 *     before its partitions move
 * @param topicRefreshInterval {@code kafka.topic-refresh-interval}: how often the pattern is matched again
 * @param stateDir where Kafka Streams keeps its (empty) state directory; empty for a fresh temporary one
 * @param clientProperties {@code kafka.client-properties}: further Kafka client properties, passed as they are;
 *     properties the source decides itself are refused
 */
public record KafkaSourceSettings(String bootstrapServers, String applicationId, List<String> topics,
    Optional<Pattern> topicPattern, int streamThreads, KafkaSecurity security, String startFrom,
    Duration tickInterval, Duration commitInterval, Duration sessionTimeout, Duration topicRefreshInterval,
    Optional<Path> stateDir, Map<String, String> clientProperties) {

  /**
   * Client properties the source sets itself, and the key that sets each: the exactly-once argument and the
   * security mode depend on them. Checked after removing Kafka Streams' client prefixes ({@code consumer.},
   * {@code main.consumer.}, {@code producer.}, …), which would otherwise override them.
   */
  static final Map<String, String> RESERVED = Map.ofEntries(
      Map.entry("application.id", APPLICATION_ID.name()),
      Map.entry("group.id", APPLICATION_ID.name()),
      Map.entry("client.id", "the instance id"),
      Map.entry("bootstrap.servers", BOOTSTRAP.name()),
      Map.entry("num.stream.threads", STREAM_THREADS.name()),
      Map.entry("auto.offset.reset", START_FROM.name()),
      Map.entry("commit.interval.ms", COMMIT.name()),
      Map.entry("session.timeout.ms", SESSION_TIMEOUT.name()),
      Map.entry("heartbeat.interval.ms", SESSION_TIMEOUT.name()),
      Map.entry("metadata.max.age.ms", TOPIC_REFRESH.name()),
      Map.entry("state.dir", "the source itself"),
      Map.entry("processing.guarantee", "the source itself (the commit gate needs at_least_once)"),
      Map.entry("enable.auto.commit", "the source itself (the commit gate)"),
      Map.entry("group.protocol", "the source itself (the commit gate needs the classic protocol)"),
      Map.entry("default.client.supplier", "the source itself (the commit gate)"),
      Map.entry("default.key.serde", "the source itself"),
      Map.entry("default.value.serde", "the source itself"),
      Map.entry("processing.exception.handler", "the source itself (a record that failed must stop the thread, "
          + "never be skipped)"),
      Map.entry("__processing.threads.enabled__", "the source itself (rebalance callbacks and processing share a "
          + "thread)"),
      Map.entry("security.protocol", "kafka.security.*"));

  /**
   * Defaults of ours for a landing engine, which {@code kafka.client-properties} may override (with the queue depth
   * of {@link InputQueue}): fetches of up to 4 MiB a partition and polls of up to 10,000 records, so a thread that
   * lands an event in a few microseconds is not held up by fetch round trips; {@code max.task.idle.ms = -1}, so a
   * task with several topics' partitions (a topic pattern) never waits for a quiet one (landing needs no order across
   * partitions).
   */
  static final Map<String, Object> THROUGHPUT_DEFAULTS = Map.of(
      "max.task.idle.ms", -1L,
      "max.partition.fetch.bytes", 4 * 1024 * 1024,
      "max.poll.records", 10_000);

  /** Kafka Streams' prefixes for the properties of one kind of client. */
  private static final List<String> CLIENT_PREFIXES = List.of("main.consumer.", "restore.consumer.",
      "global.consumer.", "consumer.", "producer.", "admin.");

  private static final Pattern APPLICATION_ID_TEXT = Pattern.compile("[A-Za-z0-9._-]{1,200}");

  public KafkaSourceSettings {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("Missing " + BOOTSTRAP.name() + ": give host:port[,host:port...]");
    }
    for (String server : bootstrapServers.split(",", -1)) {
      if (!server.trim().matches("[^:\\s]+:\\d{1,5}")
          || Integer.parseInt(server.trim().substring(server.trim().lastIndexOf(':') + 1)) > 65_535) {
        throw new IllegalArgumentException("Invalid " + BOOTSTRAP.name() + " entry '" + server.trim()
            + "': must be host:port with a port from 1 to 65535");
      }
    }
    if (applicationId == null || !APPLICATION_ID_TEXT.matcher(applicationId).matches()) {
      throw new IllegalArgumentException("Invalid " + APPLICATION_ID.name() + " '" + applicationId
          + "': 1 to 200 of the characters A-Z a-z 0-9 . _ -");
    }
    Objects.requireNonNull(topics, "topics may not be null");
    if (topics.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("Invalid " + TOPICS.name() + ": an entry is empty");
    }
    topics = List.copyOf(topics);
    Objects.requireNonNull(topicPattern, "topicPattern may not be null");
    if (topics.isEmpty() == topicPattern.isEmpty()) {
      throw new IllegalArgumentException("Give exactly one of " + TOPICS.name() + " and " + TOPIC_PATTERN.name());
    }
    for (String topic : topics) {
      if (topic == null || !topic.matches("[A-Za-z0-9._-]{1,249}")) {
        throw new IllegalArgumentException("Invalid topic '" + topic + "' in " + TOPICS.name() + ": 1 to 249 of the "
            + "characters A-Z a-z 0-9 . _ -");
      }
    }
    if (streamThreads < 1 || streamThreads > 64) {
      throw new IllegalArgumentException("Invalid " + STREAM_THREADS.name() + " " + streamThreads
          + ": allowed 1 to 64");
    }
    Objects.requireNonNull(security, "security may not be null");
    if (!"earliest".equals(startFrom) && !"latest".equals(startFrom)) {
      throw new IllegalArgumentException("Invalid " + START_FROM.name() + " '" + startFrom
          + "': allowed earliest, latest");
    }
    requirePositive(tickInterval, TICK.name());
    requirePositive(commitInterval, COMMIT.name());
    requirePositive(sessionTimeout, SESSION_TIMEOUT.name());
    requirePositive(topicRefreshInterval, TOPIC_REFRESH.name());
    Objects.requireNonNull(stateDir, "stateDir may not be null");
    clientProperties = Map.copyOf(Objects.requireNonNull(clientProperties, "clientProperties may not be null"));
    for (String key : clientProperties.keySet()) {
      ownerOf(key).ifPresent(owner -> {
        throw new IllegalArgumentException("Invalid key '" + key + "' in " + CLIENT_PROPERTIES.name()
            + ": set by " + owner);
      });
    }
  }

  /** The defaults for topics by name. */
  public static KafkaSourceSettings forTopics(String bootstrapServers, String applicationId, List<String> topics) {
    return withDefaults(bootstrapServers, applicationId, topics, Optional.empty());
  }

  /** The defaults for topics by regex. */
  public static KafkaSourceSettings forPattern(String bootstrapServers, String applicationId, String regex) {
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("Invalid " + TOPIC_PATTERN.name() + " '" + regex + "': "
          + e.getDescription(), e);
    }
    return withDefaults(bootstrapServers, applicationId, List.of(), Optional.of(pattern));
  }

  /**
   * Plaintext, and the defaults {@link KafkaKeys} declares: one thread, earliest, tick 1 s, commits every 10 s,
   * session 45 s, topics matched every 30 s, no further client properties.
   */
  private static KafkaSourceSettings withDefaults(String bootstrapServers, String applicationId, List<String> topics,
      Optional<Pattern> pattern) {
    return new KafkaSourceSettings(bootstrapServers, applicationId, topics, pattern, STREAM_THREADS.byDefault(),
        new KafkaSecurity.Plaintext(), START_FROM.byDefault(), TICK.byDefault(), COMMIT.byDefault(),
        SESSION_TIMEOUT.byDefault(), TOPIC_REFRESH.byDefault(), Optional.empty(), CLIENT_PROPERTIES.byDefault());
  }

  public KafkaSourceSettings withStreamThreads(int threads) {
    return new KafkaSourceSettings(bootstrapServers, applicationId, topics, topicPattern, threads, security,
        startFrom, tickInterval, commitInterval, sessionTimeout, topicRefreshInterval, stateDir, clientProperties);
  }

  public KafkaSourceSettings withSecurity(KafkaSecurity newSecurity) {
    return new KafkaSourceSettings(bootstrapServers, applicationId, topics, topicPattern, streamThreads,
        newSecurity, startFrom, tickInterval, commitInterval, sessionTimeout, topicRefreshInterval, stateDir,
        clientProperties);
  }

  public KafkaSourceSettings withTimings(Duration tick, Duration commit, Duration session, Duration topicRefresh) {
    return new KafkaSourceSettings(bootstrapServers, applicationId, topics, topicPattern, streamThreads, security,
        startFrom, tick, commit, session, topicRefresh, stateDir, clientProperties);
  }

  public KafkaSourceSettings withStartFrom(String where) {
    return new KafkaSourceSettings(bootstrapServers, applicationId, topics, topicPattern, streamThreads, security,
        where, tickInterval, commitInterval, sessionTimeout, topicRefreshInterval, stateDir, clientProperties);
  }

  public KafkaSourceSettings withClientProperties(Map<String, String> properties) {
    return new KafkaSourceSettings(bootstrapServers, applicationId, topics, topicPattern, streamThreads, security,
        startFrom, tickInterval, commitInterval, sessionTimeout, topicRefreshInterval, stateDir, properties);
  }

  /**
   * The Kafka Streams properties: at-least-once processing (the commit gate does the rest; exactly-once-v2 would
   * commit offsets inside producer transactions, past the gate), byte-array serdes, the classic group protocol
   * (the streams protocol does not take pattern subscriptions yet).
   */
  Properties streamsProperties(String clientId, Path stateDirectory, int queuedRecordsPerPartition) {
    Map<String, Object> props = new HashMap<>(THROUGHPUT_DEFAULTS);
    props.put("buffered.records.per.partition", queuedRecordsPerPartition);
    props.putAll(clientProperties);
    props.putAll(security.clientProperties());
    props.put("application.id", applicationId);
    props.put("client.id", clientId);
    props.put("bootstrap.servers", bootstrapServers);
    props.put("processing.guarantee", "at_least_once");
    props.put("num.stream.threads", streamThreads);
    props.put("commit.interval.ms", commitInterval.toMillis());
    props.put("state.dir", stateDirectory.toString());
    props.put("default.key.serde", "org.apache.kafka.common.serialization.Serdes$ByteArraySerde");
    props.put("default.value.serde", "org.apache.kafka.common.serialization.Serdes$ByteArraySerde");
    props.put("group.protocol", "classic");
    props.put("processing.exception.handler.global.enabled", true);
    props.put("consumer.auto.offset.reset", startFrom);
    props.put("consumer.session.timeout.ms", (int) sessionTimeout.toMillis());
    props.put("consumer.heartbeat.interval.ms", (int) Math.max(100, sessionTimeout.toMillis() / 4));
    props.put("consumer.metadata.max.age.ms", topicRefreshInterval.toMillis());
    props.put("metadata.max.age.ms", topicRefreshInterval.toMillis());
    Properties properties = new Properties();
    properties.putAll(props);
    return properties;
  }

  /** Which setting decides {@code key} (a Kafka client property, maybe with a client prefix), if the source does. */
  private static Optional<String> ownerOf(String key) {
    String bare = key;
    for (String prefix : CLIENT_PREFIXES) {
      if (bare.startsWith(prefix)) {
        bare = bare.substring(prefix.length());
        break;
      }
    }
    if (bare.startsWith("ssl.") || bare.startsWith("sasl.")) {
      return Optional.of("kafka.security.*");
    }
    return Optional.ofNullable(RESERVED.get(bare));
  }

  private static void requirePositive(Duration value, String key) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("Invalid " + key + " " + value + ": must be a positive duration");
    }
  }
}
