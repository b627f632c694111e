package io.tributary.app.config;

import static io.tributary.app.config.ConfigKeys.SOURCE_TYPE;
import static io.tributary.app.config.ConfigValues.required;

import io.tributary.kafka.KafkaKeys;
import io.tributary.kafka.KafkaSecurity;
import io.tributary.kafka.KafkaSourceSettings;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The Kafka source's settings from the {@code kafka.} keys: brokers, exactly one of topics and pattern, security. */
final class KafkaConfig {

  private KafkaConfig() {}

  static KafkaSourceSettings settings(Config config) {
    String bootstrap = required(config, KafkaKeys.BOOTSTRAP, "`" + SOURCE_TYPE.name() + ": kafka` needs "
        + "host:port[,host:port...]");
    String app = config.get(KafkaKeys.APPLICATION_ID);
    Optional<List<String>> topics = config.find(KafkaKeys.TOPICS).filter(t -> !t.isEmpty());
    Optional<String> pattern = config.find(KafkaKeys.TOPIC_PATTERN);
    if (topics.isPresent() == pattern.isPresent()) {
      throw new ConfigException("give exactly one of " + KafkaKeys.TOPICS.name() + " and "
          + KafkaKeys.TOPIC_PATTERN.name());
    }
    KafkaSourceSettings settings = topics.isPresent()
        ? KafkaSourceSettings.forTopics(bootstrap, app, topics.get())
        : KafkaSourceSettings.forPattern(bootstrap, app, pattern.get());
    return new KafkaSourceSettings(settings.bootstrapServers(), settings.applicationId(), settings.topics(),
        settings.topicPattern(), config.get(KafkaKeys.STREAM_THREADS), security(config),
        config.get(KafkaKeys.START_FROM), config.get(KafkaKeys.TICK), config.get(KafkaKeys.COMMIT),
        config.get(KafkaKeys.SESSION_TIMEOUT),
        config.get(KafkaKeys.TOPIC_REFRESH), Optional.empty(), config.get(KafkaKeys.CLIENT_PROPERTIES));
  }

  private static KafkaSecurity security(Config config) {
    String type = config.get(KafkaKeys.STORE_TYPE).toUpperCase(Locale.ROOT);
    Optional<KafkaSecurity.Store> trust = config.find(KafkaKeys.TRUSTSTORE)
        .map(path -> new KafkaSecurity.Store(path, config.get(KafkaKeys.TRUSTSTORE_PASSWORD), type));
    Optional<KafkaSecurity.Store> key = config.find(KafkaKeys.KEYSTORE)
        .map(path -> new KafkaSecurity.Store(path, config.get(KafkaKeys.KEYSTORE_PASSWORD), type));
    switch (config.get(KafkaKeys.SECURITY_MODE)) {
      case "tls":
        return new KafkaSecurity.Tls(trust, key);
      case "sasl-scram":
        return new KafkaSecurity.SaslScram(config.get(KafkaKeys.SASL_MECHANISM).toUpperCase(Locale.ROOT),
            config.find(KafkaKeys.USERNAME).orElse(null), config.find(KafkaKeys.PASSWORD).orElse(null), trust);
      case "msk-iam":
        return new KafkaSecurity.MskIam(config.find(KafkaKeys.ROLE_ARN));
      default:
        return new KafkaSecurity.Plaintext();
    }
  }
}
