package io.tributary.deploy.service;

import io.tributary.app.config.ConfigWriter;
import io.tributary.catalog.CatalogKeys;
import io.tributary.config.DatasetKeys;
import io.tributary.deploy.settings.DatasetConfig;
import io.tributary.deploy.settings.DeploySettings;
import io.tributary.iceberg.IcebergKeys;
import io.tributary.iceberg.maintain.MaintenanceKeys;

/**
 * The catalog, table format and maintenance part of the engine's configuration: the Glue catalog (the Hive
 * datasets' tables kept in step, the Iceberg datasets as Iceberg tables of the same database), or Amazon S3 Tables
 * through its Iceberg REST endpoint signed with SigV4, the table bucket's ARN coming from the container's
 * environment ({@value EngineConfig#TABLE_BUCKET_VARIABLE}); each dataset's format; and the service's maintenance
 * loop turned off when the scheduled task maintains.
 */
final class IcebergEngineConfig {

  /** S3 Tables' Iceberg REST endpoint in the task's region, and the service its requests are signed for. */
  static final String S3_TABLES_ENDPOINT = "https://s3tables." + EngineConfig.REGION + ".amazonaws.com/iceberg";
  static final String S3_TABLES_SIGNING_NAME = "s3tables";

  private IcebergEngineConfig() {}

  static void catalog(ConfigWriter config, DeploySettings settings) {
    if (!settings.s3Tables()) {
      // The engine keeps the Glue tables: created on a dataset's first file, updated as its schema grows; Iceberg
      // datasets are Iceberg tables of the same database, whose name is their namespace.
      config.set(CatalogKeys.TYPE, "glue")
          .set(CatalogKeys.DATABASE, settings.databaseName())
          .set(CatalogKeys.REGION, EngineConfig.REGION);
      return;
    }
    config.set(CatalogKeys.TYPE, "rest")
        .set(IcebergKeys.NAMESPACE, settings.icebergNamespace())
        .set(IcebergKeys.REST_URI, S3_TABLES_ENDPOINT)
        .set(IcebergKeys.REST_WAREHOUSE, "${" + EngineConfig.TABLE_BUCKET_VARIABLE + "}")
        .set(IcebergKeys.REST_SIGNING_NAME, S3_TABLES_SIGNING_NAME)
        .set(IcebergKeys.REST_SIGNING_REGION, EngineConfig.REGION);
  }

  static void tables(ConfigWriter config, DeploySettings settings) {
    if (!settings.tableFormat().equals(DatasetKeys.TABLE_FORMAT.byDefault())) {
      config.set(DatasetKeys.defaults(DatasetKeys.TABLE_FORMAT), settings.tableFormat());
    }
    for (DatasetConfig dataset : settings.datasets()) {
      if (dataset.tableFormat() != null) {
        config.set(DatasetKeys.of(dataset.name(), DatasetKeys.TABLE_FORMAT), dataset.tableFormat());
      }
    }
    if (settings.maintenance() != null) {
      config.set(MaintenanceKeys.ENABLED, false);
    }
  }
}
