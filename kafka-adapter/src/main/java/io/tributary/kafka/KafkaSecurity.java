package io.tributary.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the clients authenticate and encrypt: one of plaintext, TLS (optionally mutual), SASL/SCRAM over TLS, or MSK
 * IAM over TLS. Each turns into the Kafka client properties it needs, applied to every client Kafka Streams makes.
 */
public sealed interface KafkaSecurity {

  /** The Kafka client properties of this mode. */
  Map<String, Object> clientProperties();

  /** No encryption, no authentication: a local broker. */
  record Plaintext() implements KafkaSecurity {
    @Override
    public Map<String, Object> clientProperties() {
      return Map.of("security.protocol", "PLAINTEXT");
    }
  }

  /**
   * TLS. Without a trust store the JVM's own CAs are used (enough for MSK); a key store makes it mutual TLS.
   *
   * @param trustStore trust store file, PKCS12 or JKS by its type
   * @param keyStore key store file for mutual TLS
   */
  record Tls(Optional<Store> trustStore, Optional<Store> keyStore) implements KafkaSecurity {
    public Tls {
      Objects.requireNonNull(trustStore, "trustStore may not be null");
      Objects.requireNonNull(keyStore, "keyStore may not be null");
    }

    @Override
    public Map<String, Object> clientProperties() {
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("security.protocol", "SSL");
      putStores(props, trustStore, keyStore);
      return props;
    }
  }

  /**
   * SASL/SCRAM over TLS, as MSK and most managed Kafka offer it.
   *
   * @param mechanism SCRAM-SHA-256 or SCRAM-SHA-512
   */
  record SaslScram(String mechanism, String username, String password, Optional<Store> trustStore)
      implements KafkaSecurity {
    public SaslScram {
      if (!"SCRAM-SHA-256".equals(mechanism) && !"SCRAM-SHA-512".equals(mechanism)) {
        throw new IllegalArgumentException("Invalid " + KafkaKeys.SASL_MECHANISM.name() + " '" + mechanism
            + "': allowed are SCRAM-SHA-256, SCRAM-SHA-512");
      }
      requireText(username, KafkaKeys.USERNAME.name());
      requireText(password, KafkaKeys.PASSWORD.name());
      Objects.requireNonNull(trustStore, "trustStore may not be null");
    }

    @Override
    public Map<String, Object> clientProperties() {
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("security.protocol", "SASL_SSL");
      props.put("sasl.mechanism", mechanism);
      props.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username="
          + jaasQuote(username) + " password=" + jaasQuote(password) + ";");
      putStores(props, trustStore, Optional.empty());
      return props;
    }

    @Override
    public String toString() {
      return "SaslScram[mechanism=" + mechanism + ", username=" + username + ", password=****]";
    }
  }

  /**
   * Amazon MSK IAM access control over TLS (aws-msk-iam-auth): credentials from the default AWS chain (the ECS
   * task role), or a role to assume.
   *
   * @param roleArn a role to assume, if any
   */
  record MskIam(Optional<String> roleArn) implements KafkaSecurity {
    public MskIam {
      Objects.requireNonNull(roleArn, "roleArn may not be null");
      roleArn.ifPresent(arn -> {
        if (!arn.startsWith("arn:")) {
          throw new IllegalArgumentException("Invalid " + KafkaKeys.ROLE_ARN.name() + " '" + arn
              + "': must be an IAM role ARN");
        }
      });
    }

    @Override
    public Map<String, Object> clientProperties() {
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("security.protocol", "SASL_SSL");
      props.put("sasl.mechanism", "AWS_MSK_IAM");
      props.put("sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required"
          + roleArn.map(arn -> " awsRoleArn=" + jaasQuote(arn)).orElse("") + ";");
      props.put("sasl.client.callback.handler.class", "software.amazon.msk.auth.iam.IAMClientCallbackHandler");
      return props;
    }
  }

  /** A key or trust store file. */
  record Store(String path, String password, String type) {
    public Store {
      requireText(path, "path of a key or trust store");
      Objects.requireNonNull(password, "password may not be null");
      if (!"PKCS12".equals(type) && !"JKS".equals(type) && !"PEM".equals(type)) {
        throw new IllegalArgumentException("Invalid store type '" + type + "' for " + path
            + ": allowed are PKCS12, JKS, PEM");
      }
    }

    @Override
    public String toString() {
      return "Store[path=" + path + ", type=" + type + ", password=****]";
    }
  }

  private static void putStores(Map<String, Object> props, Optional<Store> trust, Optional<Store> key) {
    trust.ifPresent(store -> {
      props.put("ssl.truststore.location", store.path());
      props.put("ssl.truststore.password", store.password());
      props.put("ssl.truststore.type", store.type());
    });
    key.ifPresent(store -> {
      props.put("ssl.keystore.location", store.path());
      props.put("ssl.keystore.password", store.password());
      props.put("ssl.keystore.type", store.type());
    });
  }

  private static String jaasQuote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static void requireText(String value, String key) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Missing " + key + ": may not be empty");
    }
  }
}
