package io.tributary.deploy.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tributary.app.config.Config;
import io.tributary.app.config.ConfigKeys;
import io.tributary.app.config.ConfigLoader;
import io.tributary.app.config.MaintenanceConfig;
import io.tributary.app.config.ServiceConfig;
import io.tributary.deploy.Templates;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Guards the Iceberg part of the configuration the stack writes: Iceberg tables in the stack's Glue database beside
 * Hive ones, or Amazon S3 Tables through its Iceberg REST endpoint signed with SigV4 and the table bucket from the
 * container's environment; and the service's maintenance loop off when the scheduled task maintains.
 */
class IcebergEngineConfigTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Map<String, String> CONTAINER_ENV = Map.of(
      EngineConfig.BUCKET_VARIABLE, "lake", "AWS_REGION", "eu-west-1",
      EngineConfig.BOOTSTRAP_VARIABLE, "b-1.events.example:9098",
      EngineConfig.TABLE_BUCKET_VARIABLE, "arn:aws:s3tables:eu-west-1:123456789012:bucket/clicks-tables");

  @Test
  void glueIcebergTablesAreTheDefaultFormatInTheStacksDatabaseAndADatasetMayStayHive() {
    JsonNode yaml = yaml("iceberg-glue");
    assertThat(yaml.at("/catalog/type").asText()).isEqualTo("glue");
    assertThat(yaml.at("/catalog/database").asText()).isEqualTo("orders_iceberg_lake");
    assertThat(yaml.at("/catalog/rest").isMissingNode()).isTrue();
    assertThat(yaml.at("/dataset-defaults/table-format").asText()).isEqualTo("iceberg");
    assertThat(yaml.at("/datasets/users/table-format").asText()).isEqualTo("hive");
    assertThat(yaml.at("/datasets/orders/table-format").isMissingNode()).isTrue();
  }

  @Test
  void s3TablesIsTheRestCatalogOfTheTableBucketSignedForS3Tables() {
    JsonNode yaml = yaml("iceberg-s3-tables");
    assertThat(yaml.at("/catalog/type").asText()).isEqualTo("rest");
    assertThat(yaml.at("/catalog/namespace").asText()).isEqualTo("clicks");
    assertThat(yaml.at("/catalog/rest/uri").asText()).isEqualTo("https://s3tables.${AWS_REGION}.amazonaws.com/iceberg");
    assertThat(yaml.at("/catalog/rest/warehouse").asText()).isEqualTo("${TABLE_BUCKET_ARN}");
    assertThat(yaml.at("/catalog/rest/sigv4/signing-name").asText()).isEqualTo("s3tables");
    assertThat(yaml.at("/catalog/rest/sigv4/signing-region").asText()).isEqualTo("${AWS_REGION}");
    assertThat(yaml.at("/catalog/database").isMissingNode()).isTrue();
  }

  @Test
  void theServicesLoopIsOffOnlyWhenTheScheduledTaskMaintains() {
    assertThat(yaml("iceberg-glue").at("/maintenance/enabled").asBoolean(true)).isFalse();
    JsonNode withoutTask = YAML.valueToTree(read(EngineConfig.yaml(Templates.settings("iceberg-glue",
        json -> json.remove("maintenance")))));
    assertThat(withoutTask.at("/maintenance").isMissingNode()).isTrue();
    assertThat(yaml("msk").at("/maintenance").isMissingNode()).isTrue();
    assertThat(yaml("msk").at("/dataset-defaults/table-format").isMissingNode()).isTrue();
  }

  @Test
  void theEngineAcceptsBothOnceItHasItsIcebergKeys() {
    // The engine's Iceberg wiring (table-format, catalog.type rest, catalog.rest.*) is built in parallel; until its
    // keys exist the engine refuses these files, and this test has nothing to check.
    assumeTrue(ConfigKeys.all().stream().anyMatch(k -> k.name().equals("catalog.rest.uri")),
        "the engine has no catalog.rest.* keys yet");
    for (String example : new String[] {"iceberg-glue", "iceberg-s3-tables"}) {
      Config config = new ConfigLoader(ConfigKeys.all(), CONTAINER_ENV)
          .parse(EngineConfig.yaml(Templates.settings(example, json -> { })), example);
      ServiceConfig.of(config);
      assertThat(MaintenanceConfig.of(config).enabled()).as(example).isFalse();
    }
  }

  private static JsonNode yaml(String example) {
    return YAML.valueToTree(read(EngineConfig.yaml(Templates.settings(example, json -> { }))));
  }

  private static Object read(String text) {
    try {
      return YAML.readValue(text, Object.class);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
