package io.tributary.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.spi.LoginModule;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.apache.kafka.common.security.auth.AuthenticateCallbackHandler;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Guards the security modes: the exact Kafka client properties each one produces, the validation of its inputs, a
 * SASL/SCRAM JAAS config that Kafka parses back to the very username and password given (quotes and backslashes
 * included), passwords kept out of {@code toString}, the MSK IAM classes named in the config present at runtime,
 * and Kafka clients that accept every generated config.
 */
class KafkaSecurityTest {

  private static final KafkaSecurity.Store TRUST = new KafkaSecurity.Store("/etc/tributary/trust.p12", "tpw", "PKCS12");
  private static final KafkaSecurity.Store KEY = new KafkaSecurity.Store("/etc/tributary/key.jks", "kpw", "JKS");
  private static final String ROLE = "arn:aws:iam::123456789012:role/tributary-ingest";

  @Test
  void plaintextOnlySetsTheProtocol() {
    assertThat(new KafkaSecurity.Plaintext().clientProperties()).isEqualTo(Map.of("security.protocol", "PLAINTEXT"));
  }

  @Test
  void tlsWithoutStoresUsesTheJvmCertificateAuthorities() {
    assertThat(new KafkaSecurity.Tls(Optional.empty(), Optional.empty()).clientProperties())
        .isEqualTo(Map.of("security.protocol", "SSL"));
  }

  @Test
  void tlsWithATrustStoreSetsOnlyTheTrustStore() {
    assertThat(new KafkaSecurity.Tls(Optional.of(TRUST), Optional.empty()).clientProperties()).isEqualTo(Map.of(
        "security.protocol", "SSL",
        "ssl.truststore.location", "/etc/tributary/trust.p12",
        "ssl.truststore.password", "tpw",
        "ssl.truststore.type", "PKCS12"));
  }

  @Test
  void tlsWithAKeyStoreIsMutualTls() {
    assertThat(new KafkaSecurity.Tls(Optional.of(TRUST), Optional.of(KEY)).clientProperties()).isEqualTo(Map.of(
        "security.protocol", "SSL",
        "ssl.truststore.location", "/etc/tributary/trust.p12",
        "ssl.truststore.password", "tpw",
        "ssl.truststore.type", "PKCS12",
        "ssl.keystore.location", "/etc/tributary/key.jks",
        "ssl.keystore.password", "kpw",
        "ssl.keystore.type", "JKS"));
    assertThat(new KafkaSecurity.Tls(Optional.empty(), Optional.of(KEY)).clientProperties())
        .containsKeys("ssl.keystore.location").doesNotContainKey("ssl.truststore.location");
  }

  @Test
  void tlsRefusesNullStores() {
    assertThatThrownBy(() -> new KafkaSecurity.Tls(null, Optional.empty())).hasMessageContaining("trustStore");
    assertThatThrownBy(() -> new KafkaSecurity.Tls(Optional.empty(), null)).hasMessageContaining("keyStore");
  }

  @Test
  void aStoreNeedsAPathAndAKnownTypeAndHidesItsPassword() {
    assertThatThrownBy(() -> new KafkaSecurity.Store(" ", "pw", "JKS")).hasMessageContaining("path");
    assertThatThrownBy(() -> new KafkaSecurity.Store("/s.p12", "pw", "P12"))
        .hasMessageContaining("'P12'").hasMessageContaining("PKCS12, JKS, PEM");
    assertThatThrownBy(() -> new KafkaSecurity.Store("/s.p12", null, "PKCS12")).hasMessageContaining("password");
    assertThatCode(() -> new KafkaSecurity.Store("/s.pem", "", "PEM")).doesNotThrowAnyException();

    assertThat(new KafkaSecurity.Store("/s.p12", "hunter2", "PKCS12").toString())
        .contains("/s.p12").doesNotContain("hunter2");
  }

  @Test
  void saslScramSetsTheMechanismAndAJaasConfigOverTls() {
    for (String mechanism : new String[] {"SCRAM-SHA-256", "SCRAM-SHA-512"}) {
      assertThat(new KafkaSecurity.SaslScram(mechanism, "ingest", "s3cret", Optional.empty()).clientProperties())
          .isEqualTo(Map.of(
              "security.protocol", "SASL_SSL",
              "sasl.mechanism", mechanism,
              "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                  + "username=\"ingest\" password=\"s3cret\";"));
    }
  }

  @Test
  void saslScramTakesATrustStoreButNoKeyStore() {
    Map<String, Object> props =
        new KafkaSecurity.SaslScram("SCRAM-SHA-512", "ingest", "s3cret", Optional.of(TRUST)).clientProperties();

    assertThat(props).containsEntry("ssl.truststore.location", "/etc/tributary/trust.p12")
        .containsEntry("ssl.truststore.password", "tpw").containsEntry("ssl.truststore.type", "PKCS12")
        .doesNotContainKey("ssl.keystore.location");
  }

  @Test
  void saslScramAllowsOnlyTheScramMechanisms() {
    for (String mechanism : new String[] {"SCRAM-SHA-1", "scram-sha-256", "PLAIN", "AWS_MSK_IAM", ""}) {
      assertThatThrownBy(() -> new KafkaSecurity.SaslScram(mechanism, "u", "p", Optional.empty()))
          .as(mechanism).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("kafka.security.sasl-mechanism").hasMessageContaining("SCRAM-SHA-256, SCRAM-SHA-512");
    }
    assertThatThrownBy(() -> new KafkaSecurity.SaslScram(null, "u", "p", Optional.empty()))
        .hasMessageContaining("kafka.security.sasl-mechanism");
  }

  @Test
  void saslScramNeedsAUsernameAndAPassword() {
    assertThatThrownBy(() -> new KafkaSecurity.SaslScram("SCRAM-SHA-256", " ", "p", Optional.empty()))
        .hasMessageContaining("kafka.security.username");
    assertThatThrownBy(() -> new KafkaSecurity.SaslScram("SCRAM-SHA-256", null, "p", Optional.empty()))
        .hasMessageContaining("kafka.security.username");
    assertThatThrownBy(() -> new KafkaSecurity.SaslScram("SCRAM-SHA-256", "u", "", Optional.empty()))
        .hasMessageContaining("kafka.security.password");
    assertThatThrownBy(() -> new KafkaSecurity.SaslScram("SCRAM-SHA-256", "u", "p", null))
        .hasMessageContaining("trustStore");
  }

  @Test
  void saslScramEscapesQuotesAndBackslashesSoKafkaReadsBackTheSameCredentials() {
    String username = "in\"gest\\ops";
    String password = "p\"a ss;w\\\\ord\\\"=";
    String jaas = (String) new KafkaSecurity.SaslScram("SCRAM-SHA-256", username, password, Optional.empty())
        .clientProperties().get("sasl.jaas.config");

    assertThat(jaas).isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule required "
        + "username=\"in\\\"gest\\\\ops\" password=\"p\\\"a ss;w\\\\\\\\ord\\\\\\\"=\";");
    List<AppConfigurationEntry> entries = parsed(jaas);
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).getLoginModuleName())
        .isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule");
    assertThat(entries.get(0).getOptions()).isEqualTo(Map.of("username", username, "password", password));
  }

  @Test
  void saslScramToStringHidesThePassword() {
    String shown = new KafkaSecurity.SaslScram("SCRAM-SHA-512", "ingest", "hunter2", Optional.of(TRUST)).toString();

    assertThat(shown).contains("SCRAM-SHA-512").contains("ingest").contains("****").doesNotContain("hunter2");
  }

  @Test
  void mskIamWithTheDefaultCredentialChain() {
    assertThat(new KafkaSecurity.MskIam(Optional.empty()).clientProperties()).isEqualTo(Map.of(
        "security.protocol", "SASL_SSL",
        "sasl.mechanism", "AWS_MSK_IAM",
        "sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required;",
        "sasl.client.callback.handler.class", "software.amazon.msk.auth.iam.IAMClientCallbackHandler"));
  }

  @Test
  void mskIamWithARoleToAssume() {
    Map<String, Object> props = new KafkaSecurity.MskIam(Optional.of(ROLE)).clientProperties();

    assertThat(props).isEqualTo(Map.of(
        "security.protocol", "SASL_SSL",
        "sasl.mechanism", "AWS_MSK_IAM",
        "sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required awsRoleArn=\"" + ROLE + "\";",
        "sasl.client.callback.handler.class", "software.amazon.msk.auth.iam.IAMClientCallbackHandler"));
    List<AppConfigurationEntry> entries = parsed((String) props.get("sasl.jaas.config"));
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).getOptions()).isEqualTo(Map.of("awsRoleArn", ROLE));
  }

  @Test
  void mskIamRefusesARoleThatIsNotAnArn() {
    assertThatThrownBy(() -> new KafkaSecurity.MskIam(Optional.of("role/tributary-ingest")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kafka.security.role-arn")
        .hasMessageContaining("'role/tributary-ingest'");
    assertThatThrownBy(() -> new KafkaSecurity.MskIam(null)).hasMessageContaining("roleArn");
  }

  @Test
  void theMskIamClassesNamedInTheConfigAreOnTheRuntimeClasspath() throws Exception {
    Map<String, Object> props = new KafkaSecurity.MskIam(Optional.empty()).clientProperties();
    String jaas = (String) props.get("sasl.jaas.config");
    String loginModule = jaas.substring(0, jaas.indexOf(' '));

    assertThat(LoginModule.class).isAssignableFrom(Class.forName(loginModule));
    assertThat(AuthenticateCallbackHandler.class)
        .isAssignableFrom(Class.forName((String) props.get("sasl.client.callback.handler.class")));
    assertThat(Class.forName("software.amazon.msk.auth.iam.IAMLoginModule")).isNotNull();
    assertThat(Class.forName("software.amazon.msk.auth.iam.IAMClientCallbackHandler")).isNotNull();
  }

  @Test
  void kafkaClientsAcceptEveryGeneratedConfig() {
    KafkaSecurity[] modes = {
        new KafkaSecurity.Plaintext(),
        new KafkaSecurity.Tls(Optional.empty(), Optional.empty()),
        new KafkaSecurity.SaslScram("SCRAM-SHA-256", "ingest", "s3cret", Optional.empty()),
        new KafkaSecurity.SaslScram("SCRAM-SHA-512", "in\"gest", "p\\a\"ss word;", Optional.empty()),
        new KafkaSecurity.MskIam(Optional.empty()),
        new KafkaSecurity.MskIam(Optional.of(ROLE)),
    };
    for (KafkaSecurity mode : modes) {
      Map<String, Object> config = new HashMap<>(mode.clientProperties());
      config.put("bootstrap.servers", "127.0.0.1:1");
      assertThatCode(() -> new AdminClientConfig(config)).as("admin config of %s", mode).doesNotThrowAnyException();

      config.put("group.id", "kafka-security-test");
      config.put("client.id", "kafka-security-test");
      // Constructing a consumer builds its channel: the SSL context, the JAAS login, the callback handler. It does
      // not connect anywhere yet.
      assertThatCode(() -> {
        try (KafkaConsumer<byte[], byte[]> consumer =
            new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
          assertThat(consumer.assignment()).isEmpty();
        }
      }).as("consumer of %s", mode).doesNotThrowAnyException();
    }
  }

  /** A JAAS config as the Kafka client reads it. */
  private static List<AppConfigurationEntry> parsed(String jaas) {
    return JaasContext.loadClientContext(Map.of("sasl.jaas.config", new Password(jaas))).configurationEntries();
  }
}
