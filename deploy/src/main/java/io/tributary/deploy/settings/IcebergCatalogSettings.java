package io.tributary.deploy.settings;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the deployment's Iceberg tables live ({@code table-format: iceberg}; DESIGN §14).
 *
 * @param catalog {@code glue} (default): Iceberg tables in the stack's Glue database through Iceberg's GlueCatalog,
 *     their files under {@code lake.prefix}, Hive datasets beside them in the same database; {@code s3-tables}: tables
 *     in an Amazon S3 Tables table bucket through its Iceberg REST endpoint, signed with SigV4 (every dataset Iceberg)
 * @param tableBucket with {@code s3-tables}: the table bucket's name
 * @param createTableBucket with {@code s3-tables}: whether the stack creates the table bucket and the namespace
 *     (default true); false: the bucket exists, and the engine creates the namespace if it is missing
 * @param namespace with {@code s3-tables}: the tables' namespace (default: the Glue database's name,
 *     {@code <name>_lake}); with {@code glue} the namespace is the stack's Glue database
 */
public record IcebergCatalogSettings(String catalog, String tableBucket, Boolean createTableBucket,
    String namespace) {

  /** The table formats, as the engine's {@code table-format} names them. */
  static final String HIVE = "hive";
  static final String ICEBERG = "iceberg";
  static final String GLUE = "glue";
  static final String S3_TABLES = "s3-tables";

  private static final Pattern TABLE_BUCKET = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");
  /** S3 Tables' namespace names: lower case letters, digits, {@code _}, starting and ending with a letter or digit. */
  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([a-z0-9_]{0,253}[a-z0-9])?");

  public IcebergCatalogSettings {
    catalog = Check.orDefault(catalog, GLUE);
    switch (catalog) {
      case GLUE -> {
        if (tableBucket != null || createTableBucket != null || namespace != null) {
          throw new IllegalArgumentException("iceberg.table-bucket, iceberg.create-table-bucket, iceberg.namespace: "
              + "only with iceberg.catalog s3-tables (with glue the tables are in the stack's Glue database)");
        }
      }
      case S3_TABLES -> {
        Check.matches(tableBucket, "iceberg.table-bucket", TABLE_BUCKET,
            "a table bucket name (3 to 63 of a-z 0-9 -, starting and ending with a letter or digit)");
        createTableBucket = Check.orDefault(createTableBucket, true);
        if (namespace != null) {
          Check.matches(namespace, "iceberg.namespace", NAMESPACE, "1 to 255 of a-z 0-9 _, starting and ending "
              + "with a letter or digit");
          if (namespace.startsWith("aws")) {
            throw new IllegalArgumentException("iceberg.namespace: '" + namespace + "' is not allowed: S3 Tables "
                + "reserves the prefix aws");
          }
        }
      }
      default -> throw new IllegalArgumentException("iceberg.catalog: '" + catalog + "' is not allowed: glue or "
          + "s3-tables");
    }
  }

  /**
   * The Iceberg catalog of a deployment: {@code given}, or Glue when Iceberg tables are asked for without one; null
   * when no dataset is an Iceberg table. Refuses an {@code iceberg} or {@code maintenance} section that would do
   * nothing, and Hive datasets beside S3 Tables (the engine then keeps no Glue tables).
   */
  static IcebergCatalogSettings resolve(String tableFormat, List<DatasetConfig> datasets,
      IcebergCatalogSettings given, MaintenanceTaskSettings maintenance) {
    List<String> formats = datasets.stream().map(d -> Check.orDefault(d.tableFormat(), tableFormat)).toList();
    if (!tableFormat.equals(ICEBERG) && !formats.contains(ICEBERG)) {
      String section = given != null ? "iceberg" : maintenance != null ? "maintenance" : null;
      if (section != null) {
        throw new IllegalArgumentException(section + ": no dataset is an Iceberg table: set table-format (or a "
            + "dataset's table-format) to iceberg");
      }
      return null;
    }
    IcebergCatalogSettings catalog = Check.orDefault(given, new IcebergCatalogSettings(null, null, null, null));
    if (catalog.isS3Tables() && (!tableFormat.equals(ICEBERG) || formats.contains(HIVE))) {
      throw new IllegalArgumentException("iceberg.catalog: s3-tables needs every dataset to be an Iceberg table "
          + "(table-format iceberg, no dataset hive): with it the engine keeps no Glue tables for Hive datasets");
    }
    return catalog;
  }

  /** Checks a table format setting: {@code hive} or {@code iceberg}. */
  static String format(String value, String key) {
    if (!value.equals(HIVE) && !value.equals(ICEBERG)) {
      throw new IllegalArgumentException(key + ": '" + value + "' is not allowed: hive or iceberg");
    }
    return value;
  }

  /** Whether the tables are in an S3 Tables table bucket (else in the stack's Glue database). */
  public boolean isS3Tables() {
    return catalog.equals(S3_TABLES);
  }
}
