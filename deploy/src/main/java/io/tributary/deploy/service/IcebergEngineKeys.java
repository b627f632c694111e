package io.tributary.deploy.service;

import static io.tributary.config.ValueType.STRING;
import static io.tributary.config.ValueType.oneOf;

import io.tributary.app.config.ConfigKeys;
import io.tributary.catalog.CatalogKeys;
import io.tributary.config.ConfigKey;
import io.tributary.config.DatasetKeys;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's Iceberg keys that the deploy writes, named as the Iceberg wiring declares them (ingest-core's
 * {@code DatasetKeys.TABLE_FORMAT}, {@code CatalogKeys.TYPE} with {@code rest} and {@code jdbc}, iceberg-table's
 * {@code IcebergKeys}), for as long as that wiring is not on main. When it is, each constant here gives way to the
 * engine's own of the same name and this class goes ({@code KeyDeclarationsTest} then finds these names twice and
 * says so); nothing else changes.
 */
final class IcebergEngineKeys {

  private IcebergEngineKeys() {}

  static final ConfigKey<String> TABLE_FORMAT = ConfigKey.of("table-format", oneOf("hive", "iceberg"), "hive",
      "The dataset's table format.");
  static final ConfigKey<String> CATALOG_TYPE = ConfigKey.of(CatalogKeys.TYPE.name(),
      oneOf("none", "glue", "rest", "jdbc"), "none", "The catalog, Iceberg's REST and JDBC catalogs included.");
  static final ConfigKey<String> NAMESPACE = ConfigKey.optional("catalog.namespace", STRING,
      "The Iceberg namespace of the tables.");
  static final ConfigKey<String> REST_URI = ConfigKey.optional("catalog.rest.uri", STRING,
      "The REST catalog's URI.");
  static final ConfigKey<String> REST_WAREHOUSE = ConfigKey.optional("catalog.rest.warehouse", STRING,
      "The warehouse the REST catalog serves (S3 Tables: the table bucket ARN).");
  static final ConfigKey<String> REST_SIGNING_NAME = ConfigKey.optional("catalog.rest.sigv4.signing-name",
      oneOf("glue", "s3tables"), "The service REST requests are signed for with SigV4.");
  static final ConfigKey<String> REST_SIGNING_REGION = ConfigKey.optional("catalog.rest.sigv4.signing-region",
      STRING, "The SigV4 signing region.");

  /** The keys a configuration written by the deploy may hold: the engine's, and these where the engine lacks them. */
  static List<ConfigKey<?>> known() {
    List<ConfigKey<?>> known = new ArrayList<>(ConfigKeys.all());
    for (ConfigKey<?> key : List.of(DatasetKeys.defaults(TABLE_FORMAT), DatasetKeys.of("*", TABLE_FORMAT), NAMESPACE,
        REST_URI, REST_WAREHOUSE, REST_SIGNING_NAME, REST_SIGNING_REGION)) {
      if (known.stream().noneMatch(k -> k.name().equals(key.name()))) {
        known.add(key);
      }
    }
    return known;
  }
}
