package io.tributary.deploy.settings;

/**
 * The source: {@code kafka} (Amazon MSK with IAM) or {@code kinesis}, with the settings of that one only.
 *
 * @param type {@code kafka} or {@code kinesis}
 */
public record SourceSettings(String type, KafkaSettings kafka, KinesisSettings kinesis) {

  public SourceSettings {
    Check.required(type, "source.type");
    switch (type) {
      case "kafka" -> {
        Check.required(kafka, "source.kafka");
        if (kinesis != null) {
          throw new IllegalArgumentException("source.kinesis: not allowed with source.type kafka");
        }
      }
      case "kinesis" -> {
        Check.required(kinesis, "source.kinesis");
        if (kafka != null) {
          throw new IllegalArgumentException("source.kafka: not allowed with source.type kinesis");
        }
      }
      default -> throw new IllegalArgumentException("source.type: '" + type + "' is not allowed: kafka or kinesis");
    }
  }

  public boolean isKafka() {
    return kafka != null;
  }

  /** Partitions or shards: the most tasks that each have work. */
  public int parallelism() {
    return isKafka() ? kafka.partitions() : kinesis.shards();
  }

  /** What {@link #parallelism()} counts, for messages. */
  public String parallelismKey() {
    return isKafka() ? "source.kafka.partitions" : "source.kinesis.shards";
  }
}
