package io.tributary.app.config;

import static io.tributary.catalog.CatalogKeys.DATABASE;
import static io.tributary.catalog.CatalogKeys.ENDPOINT;
import static io.tributary.catalog.CatalogKeys.REGION;
import static io.tributary.catalog.CatalogKeys.TABLE_PREFIX;
import static io.tributary.catalog.CatalogKeys.TYPE;
import static io.tributary.config.CoreKeys.STORE_TYPE;

import java.net.URI;

/**
 * The Glue side of the {@code catalog.*} keys ({@link IcebergConfig} has the Iceberg side), checked together: Glue
 * needs a database, a region and an S3 lake (a table cannot point
 * at a local folder); the table prefix must be a valid start of a Glue table name.
 *
 * @param glue whether {@code catalog.type} is {@code glue}: the Hive datasets' Glue tables are kept in step (and
 *     the Iceberg datasets are Iceberg tables in the same database)
 * @param database the Glue database; null without Glue
 * @param region Glue's region; null without Glue
 * @param endpoint an endpoint override, or null
 * @param tablePrefix prepended to table names; may be empty
 */
public record CatalogSettings(boolean glue, String database, String region, URI endpoint, String tablePrefix) {

  /** The catalog settings of {@code config}; throws a {@link ConfigException} naming each bad key. */
  public static CatalogSettings of(Config config) {
    String prefix = config.get(TABLE_PREFIX);
    if (!prefix.matches("[a-z0-9_]*")) {
      throw new ConfigException("catalog.table-prefix: '" + prefix + "' may hold only lowercase letters, digits "
          + "and '_' (Glue and Athena table names)");
    }
    if (!config.get(TYPE).equals("glue")) {
      // none, or an Iceberg-only catalog (rest, jdbc): no Glue tables for the Hive datasets.
      return new CatalogSettings(false, null, null, null, prefix);
    }
    String database = config.find(DATABASE).orElseThrow(() -> new ConfigException(
        "missing catalog.database: `catalog.type: glue` needs the Glue database of the tables"));
    if (!config.get(STORE_TYPE).equals("s3")) {
      throw new ConfigException("catalog.type: `glue` needs `store.type: s3` (a Glue table cannot point at a local "
          + "folder); use `tributary ddl` for a local lake");
    }
    String region = AwsEndpoints.region(config, REGION);
    URI endpoint = AwsEndpoints.endpoint(config, ENDPOINT, "https://glue.eu-west-1.amazonaws.com");
    return new CatalogSettings(true, database, region, endpoint, prefix);
  }
}
