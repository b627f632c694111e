package io.tributary.catalog.hive;

import io.tributary.schema.ColumnType;
import io.tributary.schema.internal.AthenaTypes;

/**
 * The Hive type of a column, as Glue, Athena and Spark spell it. The one place the catalog reads the engine's type
 * mapping, so that moving the mapping is a one-line change here.
 */
final class HiveColumnTypes {
  private HiveColumnTypes() {}

  /** {@code bigint}, {@code struct<a:bigint,b:array<string>>}, {@code map<string,double>}, {@code timestamp}... */
  static String of(ColumnType type) {
    return AthenaTypes.ddl(type);
  }
}
