package io.tributary.deploy.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.deploy.Templates;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Guards the checks on deploy settings: a mistake that would make a wrong or dangerous stack fails the synthesis
 * with a message that names the key, instead of deploying.
 */
class SettingsTest {

  @Test
  void theExamplesAreValidAndDefaultsFillTheRest() {
    DeploySettings msk = Templates.settings("msk", json -> { });
    assertThat(msk.consumerName()).isEqualTo("orders-prod");
    assertThat(msk.namespace()).isEqualTo("Tributary/orders-prod");
    assertThat(msk.service().shutdownDeadline()).isEqualTo(Duration.ofSeconds(50));
    DeploySettings kinesis = Templates.settings("kinesis", json -> { });
    assertThat(kinesis.lagTarget()).isEqualTo(60);
    assertThat(kinesis.alarms().lagThreshold(kinesis.lagTarget())).isEqualTo(300);
    assertThat(kinesis.service().desiredTasks()).isEqualTo(1);
    assertThat(kinesis.lake().errorRetentionDays()).isEqualTo(30);
  }

  @Test
  void anUnknownKeyIsAnError() {
    assertThatThrownBy(() -> Templates.settings("msk", json -> json.withObjectProperty("service").put("maxTask", 3)))
        .hasMessageContaining("unknown key 'service.maxTask'");
  }

  @Test
  void keysAreKebabCaseAsTheEnginesAndTheCamelCaseSpellingIsUnknown() {
    assertThatThrownBy(() -> Templates.settings("msk", json -> json.withObjectProperty("service").put("maxTasks", 3)))
        .hasMessageContaining("unknown key 'service.maxTasks'");
    assertThatThrownBy(() -> Templates.settings("msk", json -> ((com.fasterxml.jackson.databind.node.ObjectNode)
        json.withArray("datasets").get(0)).put("rollingMaxAge", "5m"))).hasMessageContaining("unknown key")
        .hasMessageContaining("rollingMaxAge");
    DeploySettings settings = Templates.settings("msk", json -> json.withObjectProperty("service")
        .put("memory-mib", 4096).put("max-tasks", 3));
    assertThat(settings.service().memoryMiB()).isEqualTo(4096);
    assertThat(settings.service().maxTasks()).isEqualTo(3);
    assertThat(settings.datasets().get(2).rollingMaxAge()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void aBadDurationNamesItsKey() {
    assertThatThrownBy(() -> Templates.settings("msk", json -> ((com.fasterxml.jackson.databind.node.ObjectNode)
        json.withArray("datasets").get(0)).withObjectProperty("rolling").put("max-age", "5 minutes")))
        .hasMessageContaining("datasets.[0].rolling.max-age: '5 minutes' is not a duration");
  }

  @Test
  void theErrorPrefixCanNeitherHoldNorLieInsideTheDataPrefix() {
    assertThatThrownBy(() -> Templates.settings("msk", json -> json.withObjectProperty("lake").put("error-prefix", "events/errors")))
        .hasMessageContaining("lake.error-prefix: 'events/errors' may neither hold nor lie inside lake.prefix 'events'");
    assertThatThrownBy(() -> Templates.settings("msk", json -> json.withObjectProperty("lake").put("prefix", "events-errors/data")))
        .hasMessageContaining("may neither hold nor lie inside");
    assertThat(Templates.settings("msk", json -> json.withObjectProperty("lake").put("error-prefix", "events_errors")).lake()
        .errorPrefix()).isEqualTo("events_errors");
  }

  @Test
  void aFreshnessSlaMustBeLongerThanTheRollingAge() {
    assertThatThrownBy(() -> Templates.settings("msk", json -> ((com.fasterxml.jackson.databind.node.ObjectNode)
        json.withArray("datasets").get(0)).put("freshness-sla", "5m")))
        .hasMessageContaining("datasets[orders].freshness-sla: 5m is not allowed: longer than rolling.max-age 5m");
  }

  @Test
  void datasetNamesAreTheNamesTheEngineLands() {
    assertThatThrownBy(() -> Templates.settings("msk", json -> ((com.fasterxml.jackson.databind.node.ObjectNode)
        json.withArray("datasets").get(0)).put("name", "Orders-V2")))
        .hasMessageContaining("a topic or stream 'Orders-V2' lands as 'orders_v2'");
  }

  @Test
  void imageTagsAreFixedAndFargateSizesAreReal() {
    assertThatThrownBy(() -> Templates.settings("msk", json -> json.withObjectProperty("image").put("tag", "latest")))
        .hasMessageContaining("image.tag: 'latest' is not allowed");
    assertThatThrownBy(() -> Templates.settings("msk", json -> json.withObjectProperty("service").put("memory-mib", 16384)))
        .hasMessageContaining("service.memory-mib: 16384 is not allowed with service.cpu 1024");
    assertThatThrownBy(() -> Templates.settings("msk", json -> json.withObjectProperty("service").put("log-retention-days", 10)))
        .hasMessageContaining("service.log-retention-days: 10 is not allowed");
  }

  @Test
  void theSourceMustMatchItsType() {
    assertThatThrownBy(() -> Templates.settings("msk", json -> json.withObjectProperty("source").put("type", "kinesis")))
        .hasMessageContaining("source.kinesis is required");
    assertThatThrownBy(() -> Templates.settings("msk", json -> json.withObjectProperty("source").withObjectProperty("kafka")
        .put("cluster-arn", "arn:aws:kafka:eu-west-1:123456789012:cluster/events")))
        .hasMessageContaining("source.kafka.cluster-arn");
  }
}
