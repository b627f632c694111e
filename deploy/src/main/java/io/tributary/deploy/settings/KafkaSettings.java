package io.tributary.deploy.settings;

import io.tributary.kafka.KafkaKeys;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Amazon MSK cluster with IAM access control as the source.
 *
 * @param clusterArn the cluster's ARN ({@code arn:aws:kafka:REGION:ACCOUNT:cluster/NAME/UUID}); the topic and group
 *     ARNs of the task's permissions are made from it
 * @param bootstrapServers the cluster's IAM bootstrap brokers (port 9098)
 * @param securityGroupId the cluster's security group, which gets an ingress rule from the tasks on 9098; null when
 *     the operator opens it another way
 * @param topics the topics to read (the engine's {@code kafka.topics}); an entry may end in {@code *} to grant a
 *     family of topics, but only exact names are given to the engine
 * @param applicationId the Kafka Streams application id, which is the consumer group (default: the deployment name)
 * @param partitions the partitions of all the topics together: the most tasks that can each own one
 * @param streamThreads Kafka Streams threads per task (default 1)
 */
public record KafkaSettings(String clusterArn, String bootstrapServers, String securityGroupId, List<String> topics,
    String applicationId, Integer partitions, Integer streamThreads) {

  private static final Pattern CLUSTER_ARN = Pattern.compile(
      "arn:(aws[a-z-]*):kafka:([a-z0-9-]+):(\\d{12}):cluster/([A-Za-z0-9-]+)/([A-Za-z0-9-]+)");
  private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");
  private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9._-]{1,200}");
  private static final Pattern SECURITY_GROUP = Pattern.compile("sg-[0-9a-f]{8,17}");

  public KafkaSettings {
    Check.matches(clusterArn, "source.kafka.cluster-arn", CLUSTER_ARN,
        "arn:aws:kafka:REGION:ACCOUNT:cluster/NAME/UUID");
    Check.required(bootstrapServers, "source.kafka.bootstrap-servers");
    if (securityGroupId != null) {
      Check.matches(securityGroupId, "source.kafka.security-group-id", SECURITY_GROUP, "a security group id");
    }
    topics = List.copyOf(Check.required(topics, "source.kafka.topics"));
    if (topics.isEmpty()) {
      throw new IllegalArgumentException("source.kafka.topics: give at least one topic");
    }
    for (String topic : topics) {
      Check.matches(topic.endsWith("*") ? topic.substring(0, topic.length() - 1) + "x" : topic,
          "source.kafka.topics", TOPIC, "a Kafka topic name, optionally ending in *");
    }
    if (applicationId != null) {
      Check.matches(applicationId, "source.kafka.application-id", GROUP, "letters, digits, . _ -");
    }
    Check.between(Check.required(partitions, "source.kafka.partitions"), "source.kafka.partitions", 1, 100_000);
    streamThreads = Check.between(Check.orDefault(streamThreads, KafkaKeys.STREAM_THREADS.byDefault()),
        "source.kafka.stream-threads", 1, 64);
  }

  /** The ARN of a topic of this cluster ({@code *} allowed at the end of the name). */
  public String topicArn(String topic) {
    return resourceArn("topic", topic);
  }

  /** The ARN of a consumer group of this cluster. */
  public String groupArn(String group) {
    return resourceArn("group", group);
  }

  /** The topics named exactly: what the engine is told to read. */
  public List<String> exactTopics() {
    return topics.stream().filter(t -> !t.endsWith("*")).toList();
  }

  private String resourceArn(String type, String name) {
    Matcher m = CLUSTER_ARN.matcher(clusterArn);
    if (!m.matches()) {
      throw new IllegalStateException("checked in the constructor");
    }
    return "arn:" + m.group(1) + ":kafka:" + m.group(2) + ":" + m.group(3) + ":" + type + "/" + m.group(4) + "/"
        + m.group(5) + "/" + name;
  }
}
