package io.tributary.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * Asks the brokers, before the stream starts, whether they answer and whether the named topics exist, so that a
 * source that cannot start says why in one sentence (readiness and one log line) instead of Kafka's retries.
 */
final class BrokerCheck implements AutoCloseable {

  private final KafkaSourceSettings settings;
  private final Duration timeout;
  private final Admin admin;

  BrokerCheck(KafkaSourceSettings settings, String clientId, Duration timeout) {
    this.settings = settings;
    this.timeout = timeout;
    Map<String, Object> props = new HashMap<>(settings.security().clientProperties());
    props.put("bootstrap.servers", settings.bootstrapServers());
    props.put("client.id", clientId + "-check");
    props.put("request.timeout.ms", (int) timeout.toMillis());
    props.put("default.api.timeout.ms", (int) timeout.toMillis());
    // One connection attempt per check rather than Kafka's every second.
    props.put("reconnect.backoff.ms", 1000);
    props.put("reconnect.backoff.max.ms", 10_000);
    this.admin = Admin.create(props);
  }

  /** Empty when the brokers answer and every named topic exists; else what is wrong, naming brokers or topics. */
  Optional<String> problem() throws InterruptedException {
    int timeoutMs = (int) timeout.toMillis();
    try {
      admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs)).nodes()
          .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
      if (settings.topics().isEmpty()) {
        return Optional.empty();
      }
      Set<String> existing = admin.listTopics(new ListTopicsOptions().timeoutMs(timeoutMs)).names()
          .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
      List<String> missing = settings.topics().stream().filter(t -> !existing.contains(t)).distinct().toList();
      return missing.isEmpty() ? Optional.empty() : Optional.of("topics missing at "
          + settings.bootstrapServers() + ": " + missing + " (kafka.topics; or not visible to this principal)");
    } catch (TimeoutException e) {
      return Optional.of(unreachable());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return Optional.of(cause instanceof org.apache.kafka.common.errors.TimeoutException ? unreachable()
          : "brokers at " + settings.bootstrapServers() + " refused: " + cause.getClass().getSimpleName() + ": "
              + cause.getMessage());
    }
  }

  /**
   * How many partitions the source's topics have together (the topics the pattern matches now, for a pattern), or
   * empty when the brokers do not say; asked after {@link #problem()} found nothing wrong.
   */
  OptionalInt partitions() throws InterruptedException {
    int timeoutMs = (int) timeout.toMillis();
    try {
      Collection<String> topics = settings.topics();
      if (settings.topicPattern().isPresent()) {
        Pattern pattern = settings.topicPattern().get();
        topics = admin.listTopics(new ListTopicsOptions().timeoutMs(timeoutMs)).names()
            .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS).stream()
            .filter(name -> pattern.matcher(name).matches()).toList();
      }
      if (topics.isEmpty()) {
        return OptionalInt.empty();
      }
      Map<String, TopicDescription> described = admin.describeTopics(topics,
          new DescribeTopicsOptions().timeoutMs(timeoutMs)).allTopicNames()
          .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
      return OptionalInt.of(described.values().stream().mapToInt(d -> d.partitions().size()).sum());
    } catch (TimeoutException | ExecutionException e) {
      return OptionalInt.empty();
    }
  }

  private String unreachable() {
    return "brokers unreachable at " + settings.bootstrapServers();
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(1));
  }
}
