package io.tributary.catalog.hive;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code CREATE} statement of a {@link HiveTable} in one {@link DdlDialect}, followed (Spark, Trino) by the
 * statement that registers the partitions already written, which must be run again when new ones appear. Column and
 * struct field names are quoted: they may start with {@code _}, which unquoted Hive identifiers may not.
 */
public final class HiveDdl {
  // Struct field names in a Hive type string: sanitized column names ([a-z0-9_]) followed by ':'.
  private static final Pattern FIELD_NAME = Pattern.compile("([A-Za-z0-9_]+):");

  private HiveDdl() {}

  /** The statements, each ending with {@code ;}, separated by newlines. */
  public static String of(HiveTable table, DdlDialect dialect) {
    return switch (dialect) {
      case ATHENA -> athena(table);
      case SPARK -> spark(table);
      case TRINO -> trino(table);
    };
  }

  private static String athena(HiveTable table) {
    return "CREATE EXTERNAL TABLE IF NOT EXISTS `" + table.name() + "` (\n"
        + hiveColumns(table.columns()) + "\n)\n"
        + partitionedBy(table)
        + "ROW FORMAT SERDE '" + HiveTable.SERDE + "'\n"
        + "STORED AS INPUTFORMAT '" + HiveTable.INPUT_FORMAT + "'\n"
        + "OUTPUTFORMAT '" + HiveTable.OUTPUT_FORMAT + "'\n"
        + "LOCATION '" + quote(table.location()) + "'\n"
        + "TBLPROPERTIES (\n" + properties(table.parameters()) + "\n);\n";
  }

  private static String spark(HiveTable table) {
    return "CREATE EXTERNAL TABLE IF NOT EXISTS `" + table.name() + "` (\n"
        + hiveColumns(table.columns()) + "\n)\n"
        + partitionedBy(table)
        + "STORED AS PARQUET\n"
        + "LOCATION '" + quote(table.location()) + "'\n"
        + "TBLPROPERTIES (\n" + properties(Map.of(HiveTables.SCHEMA_VERSION_PARAMETER,
            Integer.toString(table.schemaVersion()))) + "\n);\n"
        + (table.partitionKeys().isEmpty() ? ""
            : "-- registers the partitions written so far: run it again to see new ones\n"
                + "MSCK REPAIR TABLE `" + table.name() + "`;\n");
  }

  private static String trino(HiveTable table) {
    String columns = table.columns().stream()
        .map(c -> "  \"" + c.name() + "\" " + TrinoTypes.of(c.type()))
        .collect(Collectors.joining(",\n"));
    String keys = table.partitionKeys().stream()
        .map(c -> ",\n  \"" + c.name() + "\" " + TrinoTypes.of(c.type()))
        .collect(Collectors.joining());
    String partitionedBy = table.partitionKeys().stream().map(c -> "'" + c.name() + "'")
        .collect(Collectors.joining(", ", "ARRAY[", "]"));
    return "CREATE TABLE IF NOT EXISTS \"" + table.name() + "\" (\n" + columns + keys + "\n)\n"
        + "WITH (\n  format = 'PARQUET',\n  external_location = '" + quote(table.location()) + "'"
        + (table.partitionKeys().isEmpty() ? "" : ",\n  partitioned_by = " + partitionedBy) + "\n);\n"
        + (table.partitionKeys().isEmpty() ? ""
            : "-- registers the partitions written so far: run it again to see new ones (schema_name: the schema "
                + "the table was created in)\nCALL system.sync_partition_metadata(schema_name => 'default', "
                + "table_name => '"
                + table.name() + "', mode => 'ADD');\n");
  }

  private static String hiveColumns(List<HiveColumn> columns) {
    return columns.stream().map(c -> "  `" + c.name() + "` " + quotedFields(c.type()))
        .collect(Collectors.joining(",\n"));
  }

  private static String partitionedBy(HiveTable table) {
    if (table.partitionKeys().isEmpty()) {
      return "";
    }
    return table.partitionKeys().stream().map(c -> "`" + c.name() + "` " + c.type())
        .collect(Collectors.joining(", ", "PARTITIONED BY (", ")\n"));
  }

  /** {@code struct<a:bigint>} becomes {@code struct<`a`:bigint>}. */
  static String quotedFields(String hiveType) {
    return FIELD_NAME.matcher(hiveType).replaceAll(m -> Matcher.quoteReplacement("`" + m.group(1) + "`:"));
  }

  private static String properties(Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .map(e -> "  '" + quote(e.getKey()) + "'='" + quote(e.getValue()) + "'")
        .collect(Collectors.joining(",\n"));
  }

  private static String quote(String text) {
    return text.replace("'", "''");
  }
}
