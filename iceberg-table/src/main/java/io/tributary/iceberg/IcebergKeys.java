package io.tributary.iceberg;

import static io.tributary.config.ValueType.STRING;
import static io.tributary.config.ValueType.oneOf;

import io.tributary.config.ConfigKey;
import java.util.List;

/**
 * The Iceberg catalog's keys ({@code catalog.type: glue | rest | jdbc}, declared with the other catalog keys in
 * ingest-core's {@code CatalogKeys}): the namespace and name of the catalog, the REST catalog's endpoint, warehouse
 * and authentication (SigV4 for the Glue Iceberg REST endpoint and S3 Tables, OAuth2 for Polaris, Nessie,
 * Lakekeeper), and the JDBC catalog's database.
 */
public final class IcebergKeys {

  private IcebergKeys() {}

  public static final ConfigKey<String> NAMESPACE = ConfigKey.optional("catalog.namespace", STRING,
      "The Iceberg namespace of the tables (dotted levels), created if missing. Default: `catalog.database` with "
          + "`catalog.type: glue`, else `tributary`.");
  public static final ConfigKey<String> NAME = ConfigKey.of("catalog.name", STRING, "tributary",
      "The Iceberg catalog's name. A JDBC catalog keys its rows by it: every instance and every reader must use "
          + "the same.");
  public static final ConfigKey<String> REST_URI = ConfigKey.optional("catalog.rest.uri", STRING,
      "The REST catalog's URI, with `catalog.type: rest` (e.g. `https://glue.eu-west-1.amazonaws.com/iceberg`, "
          + "`https://s3tables.eu-west-1.amazonaws.com/iceberg`, `http://localhost:8181`).");
  public static final ConfigKey<String> REST_WAREHOUSE = ConfigKey.optional("catalog.rest.warehouse", STRING,
      "The warehouse the REST catalog serves: the S3 Tables table bucket ARN, the Glue catalog id "
          + "(`<account>` or `<account>:s3tablescatalog/<bucket>`), or the catalog's name in Polaris/Lakekeeper.");
  public static final ConfigKey<String> REST_SIGNING_NAME = ConfigKey.optional("catalog.rest.sigv4.signing-name",
      oneOf("glue", "s3tables"), "Signs every REST request with AWS SigV4 for this service: `glue` for the Glue "
          + "Iceberg REST endpoint, `s3tables` for Amazon S3 Tables. Absent: no SigV4.");
  public static final ConfigKey<String> REST_SIGNING_REGION = ConfigKey.optional(
      "catalog.rest.sigv4.signing-region", STRING,
      "The SigV4 signing region. Default: `catalog.region`, else `store.s3.region`, else AWS_REGION.");
  public static final ConfigKey<String> REST_CREDENTIAL = ConfigKey.optional("catalog.rest.credential", STRING,
      "OAuth2 client credentials `<client-id>:<client-secret>` (Polaris, Lakekeeper), exchanged for a token; use "
          + "`${ENV}` substitution rather than writing the secret in the file.");
  public static final ConfigKey<String> REST_TOKEN = ConfigKey.optional("catalog.rest.token", STRING,
      "A bearer token for the REST catalog (Nessie, or a token issued beforehand).");
  public static final ConfigKey<String> REST_OAUTH2_URI = ConfigKey.optional("catalog.rest.oauth2-server-uri",
      STRING, "The OAuth2 token endpoint for `catalog.rest.credential`. Default: the catalog's own "
          + "(`<uri>/v1/oauth/tokens`).");
  public static final ConfigKey<String> JDBC_URL = ConfigKey.optional("catalog.jdbc.url", STRING,
      "The JDBC catalog's database, with `catalog.type: jdbc`: `jdbc:sqlite:/path/catalog.db` (SQLite is "
          + "bundled) or a PostgreSQL/MySQL URL (add the driver to the class path).");
  public static final ConfigKey<String> JDBC_USER = ConfigKey.optional("catalog.jdbc.user", STRING,
      "The JDBC catalog's user, when its database needs one.");
  public static final ConfigKey<String> JDBC_PASSWORD = ConfigKey.optional("catalog.jdbc.password", STRING,
      "The JDBC catalog's password (use `${ENV}` substitution).");

  /** These keys, in documentation order. */
  public static List<ConfigKey<?>> all() {
    return List.of(NAMESPACE, NAME, REST_URI, REST_WAREHOUSE, REST_SIGNING_NAME, REST_SIGNING_REGION,
        REST_CREDENTIAL, REST_TOKEN, REST_OAUTH2_URI, JDBC_URL, JDBC_USER, JDBC_PASSWORD);
  }
}
