package io.tributary.catalog;

import static io.tributary.config.ValueType.STRING;
import static io.tributary.config.ValueType.oneOf;

import io.tributary.config.ConfigKey;
import java.util.List;

/** The catalog's keys: the Glue table of each dataset (and of the error files), kept in step with the schema. */
public final class CatalogKeys {

  private CatalogKeys() {}

  public static final ConfigKey<String> TYPE = ConfigKey.of("catalog.type", oneOf("none", "glue", "rest", "jdbc"),
      "none", "`none`: no catalog (create tables from `tributary ddl`); `glue`: the engine creates each Hive "
          + "dataset's Glue table when its first file is committed and updates it whenever the schema grows, off the "
          + "landing path, and `table-format: iceberg` datasets are Iceberg tables in the same Glue database "
          + "(Iceberg's GlueCatalog; needs `store.type: s3`); `rest`: Iceberg tables through an Iceberg REST catalog "
          + "(`catalog.rest.*`: the Glue Iceberg REST endpoint, S3 Tables, Polaris, Nessie, Lakekeeper); `jdbc`: "
          + "Iceberg tables in a JDBC catalog (`catalog.jdbc.*`, e.g. SQLite for a laptop). With `rest` and `jdbc` "
          + "the Hive datasets have no catalog (`tributary ddl`).");
  public static final ConfigKey<String> DATABASE = ConfigKey.optional("catalog.database", STRING,
      "The Glue database of the tables, with `catalog.type: glue`; it must exist (the CDK app creates it).");
  public static final ConfigKey<String> REGION = ConfigKey.optional("catalog.region", STRING,
      "Glue's region. Default: `store.s3.region`, else from the environment (AWS_REGION).");
  public static final ConfigKey<String> ENDPOINT = ConfigKey.optional("catalog.endpoint", STRING,
      "An endpoint override for Glue (a VPC endpoint URL); absent for AWS.");
  public static final ConfigKey<String> TABLE_PREFIX = ConfigKey.of("catalog.table-prefix", STRING, "",
      "Prepended to every table name (`raw_` makes `raw_orders`): lowercase letters, digits and `_`. The errors "
          + "table is `<prefix>tributary_errors`.");

  /** The catalog keys, in the order the documentation lists them. */
  public static List<ConfigKey<?>> all() {
    return List.of(TYPE, DATABASE, REGION, ENDPOINT, TABLE_PREFIX);
  }
}
