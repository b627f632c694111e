package io.tributary.catalog.hive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The definition of an external Hive table over Parquet files: what a Glue table holds and what {@link HiveDdl}
 * prints. Immutable.
 *
 * @param name the table name (without database)
 * @param location the table's root, ending with {@code /} ({@code s3://bucket/prefix/orders/})
 * @param columns the data columns, in schema order
 * @param partitionKeys the partition keys, outermost first; every key is a {@code string}
 * @param parameters the table parameters in a stable order: the Parquet classification, the schema version
 *     ({@value HiveTables#SCHEMA_VERSION_PARAMETER}) and the Athena partition projection
 * @param schemaVersion the schema version the columns come from
 */
public record HiveTable(String name, String location, List<HiveColumn> columns, List<HiveColumn> partitionKeys,
    Map<String, String> parameters, int schemaVersion) {

  /** The Hive SerDe of Parquet files. */
  public static final String SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";
  /** The input format of Parquet files. */
  public static final String INPUT_FORMAT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
  /** The output format of Parquet files. */
  public static final String OUTPUT_FORMAT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";

  public HiveTable {
    Objects.requireNonNull(name, "name may not be null");
    Objects.requireNonNull(location, "location may not be null");
    columns = List.copyOf(columns);
    partitionKeys = List.copyOf(partitionKeys);
    parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** A copy with another name, for a table name prefix. */
  public HiveTable withName(String newName) {
    return new HiveTable(newName, location, columns, partitionKeys, parameters, schemaVersion);
  }
}
