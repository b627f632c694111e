package io.tributary.schema;

import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Column types spelled as Hive DDL spells them, which is how Athena and the Glue Data Catalog declare them and how
 * they read the Parquet Tributary writes: what operators see in the schema history, and the column types of the
 * tables deploy declares.
 */
public final class HiveTypes {
  private HiveTypes() {}

  /**
   * The Hive type of a column type: {@code bigint}, {@code double}, {@code boolean}, {@code string} (also for
   * {@link PrimitiveType#JSON}, which holds JSON text), {@code timestamp}, {@code array<string>},
   * {@code map<string,double>}, {@code struct<a:bigint,b:array<string>>}.
   *
   * @param type the column type; may not be null
   */
  public static String of(ColumnType type) {
    Objects.requireNonNull(type, "type may not be null");
    if (type instanceof PrimitiveType primitive) {
      return switch (primitive) {
        case LONG -> "bigint";
        case DOUBLE -> "double";
        case BOOLEAN -> "boolean";
        case STRING, JSON -> "string";
        case TIMESTAMP -> "timestamp";
      };
    }
    if (type instanceof ListType list) {
      return "array<" + of(list.element()) + ">";
    }
    if (type instanceof MapType map) {
      return "map<string," + of(map.value()) + ">";
    }
    return ((StructType) type).fields().stream()
        .map(field -> field.name() + ":" + of(field.type()))
        .collect(Collectors.joining(",", "struct<", ">"));
  }
}
