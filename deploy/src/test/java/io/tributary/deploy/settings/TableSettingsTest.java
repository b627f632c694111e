package io.tributary.deploy.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.deploy.Templates;
import org.junit.jupiter.api.Test;

/**
 * Guards the table format, Iceberg catalog and scheduled maintenance settings: defaults that make a working stack,
 * and a refusal naming the key for a section that would do nothing or a combination the engine cannot serve.
 */
class TableSettingsTest {

  @Test
  void theExamplesAreValidAndIcebergWithoutACatalogMeansTheStacksGlueDatabase() {
    DeploySettings glue = Templates.settings("iceberg-glue", json -> json.remove("iceberg"));
    assertThat(glue.glueIcebergTables()).isTrue();
    assertThat(glue.s3Tables()).isFalse();
    assertThat(glue.icebergNamespace()).isEqualTo("orders_iceberg_lake");
    assertThat(glue.tableFormat(glue.datasets().get(0))).isEqualTo("iceberg");
    assertThat(glue.tableFormat(glue.datasets().get(2))).isEqualTo("hive");
    assertThat(glue.maintenance().schedule()).isEqualTo("rate(1 hour)");
    DeploySettings tables = Templates.settings("iceberg-s3-tables", json -> { });
    assertThat(tables.s3Tables()).isTrue();
    assertThat(tables.iceberg().createTableBucket()).isTrue();
    assertThat(tables.icebergNamespace()).isEqualTo("clicks");
    assertThat(Templates.settings("iceberg-s3-tables", json -> json.withObjectProperty("iceberg").remove("namespace"))
        .icebergNamespace()).isEqualTo("clicks_tables_lake");
  }

  @Test
  void theHiveExamplesHaveNoIcebergAndNoScheduledTask() {
    DeploySettings msk = Templates.settings("msk", json -> { });
    assertThat(msk.iceberg()).isNull();
    assertThat(msk.maintenance()).isNull();
    assertThat(msk.tableFormat()).isEqualTo("hive");
  }

  @Test
  void theMaintenanceScheduleDefaultsToHourlyAndMustBeAnEventBridgeExpression() {
    assertThat(Templates.settings("iceberg-glue", json -> json.withObjectProperty("maintenance").remove("schedule"))
        .maintenance().schedule()).isEqualTo("rate(1 hour)");
    assertThat(Templates.settings("iceberg-glue", json -> json.withObjectProperty("maintenance")
        .put("schedule", "rate(6 hours)")).maintenance().schedule()).isEqualTo("rate(6 hours)");
    assertThatThrownBy(() -> Templates.settings("iceberg-glue", json -> json.withObjectProperty("maintenance")
        .put("schedule", "every hour"))).hasMessageContaining("maintenance.schedule: 'every hour' is not allowed");
    assertThatThrownBy(() -> Templates.settings("iceberg-glue", json -> json.withObjectProperty("maintenance")
        .put("schedule", "rate(1 hours)"))).hasMessageContaining("maintenance.schedule: 'rate(1 hours)'");
    assertThatThrownBy(() -> Templates.settings("iceberg-glue", json -> json.withObjectProperty("maintenance")
        .put("schedule", "cron(0 3 * * ?)"))).hasMessageContaining("maintenance.schedule");
  }

  @Test
  void sectionsThatWouldDoNothingAreRefused() {
    assertThatThrownBy(() -> Templates.settings("msk", json -> json.putObject("maintenance")))
        .hasMessageContaining("maintenance: no dataset is an Iceberg table");
    assertThatThrownBy(() -> Templates.settings("msk", json -> json.putObject("iceberg").put("catalog", "glue")))
        .hasMessageContaining("iceberg: no dataset is an Iceberg table");
    assertThatThrownBy(() -> Templates.settings("iceberg-glue", json -> json.withObjectProperty("iceberg")
        .put("table-bucket", "tables"))).hasMessageContaining("iceberg.table-bucket")
        .hasMessageContaining("only with iceberg.catalog s3-tables");
  }

  @Test
  void oneIcebergDatasetIsEnoughForIcebergAndMaintenance() {
    DeploySettings settings = Templates.settings("msk", json -> {
      ((ObjectNode) json.withArray("datasets").get(0)).put("table-format", "iceberg");
      json.putObject("maintenance");
    });
    assertThat(settings.glueIcebergTables()).isTrue();
    assertThat(settings.tableFormat()).isEqualTo("hive");
  }

  @Test
  void s3TablesHoldsIcebergTablesOnly() {
    assertThatThrownBy(() -> Templates.settings("iceberg-s3-tables", json ->
        ((ObjectNode) json.withArray("datasets").get(1)).put("table-format", "hive")))
        .hasMessageContaining("iceberg.catalog: s3-tables needs every dataset to be an Iceberg table");
    assertThatThrownBy(() -> Templates.settings("iceberg-s3-tables", json -> {
      json.put("table-format", "hive");
      ((ObjectNode) json.withArray("datasets").get(0)).put("table-format", "iceberg");
    })).hasMessageContaining("iceberg.catalog: s3-tables needs every dataset");
  }

  @Test
  void badValuesNameTheirKeys() {
    assertThatThrownBy(() -> Templates.settings("msk", json -> json.put("table-format", "delta")))
        .hasMessageContaining("table-format: 'delta' is not allowed: hive or iceberg");
    assertThatThrownBy(() -> Templates.settings("msk", json ->
        ((ObjectNode) json.withArray("datasets").get(1)).put("table-format", "parquet")))
        .hasMessageContaining("datasets[payments].table-format: 'parquet' is not allowed");
    assertThatThrownBy(() -> Templates.settings("iceberg-glue", json -> json.withObjectProperty("iceberg")
        .put("catalog", "nessie"))).hasMessageContaining("iceberg.catalog: 'nessie' is not allowed");
    assertThatThrownBy(() -> Templates.settings("iceberg-s3-tables", json -> json.withObjectProperty("iceberg")
        .put("table-bucket", "Clicks_Tables"))).hasMessageContaining("iceberg.table-bucket: 'Clicks_Tables'");
    assertThatThrownBy(() -> Templates.settings("iceberg-s3-tables", json -> json.withObjectProperty("iceberg")
        .remove("table-bucket"))).hasMessageContaining("iceberg.table-bucket is required");
    assertThatThrownBy(() -> Templates.settings("iceberg-s3-tables", json -> json.withObjectProperty("iceberg")
        .put("namespace", "aws_clicks"))).hasMessageContaining("reserves the prefix aws");
    assertThatThrownBy(() -> Templates.settings("iceberg-s3-tables", json -> json.withObjectProperty("iceberg")
        .put("namespace", "Clicks"))).hasMessageContaining("iceberg.namespace: 'Clicks'");
  }
}
