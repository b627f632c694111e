package io.tributary.deploy.catalog;

import io.tributary.schema.ColumnType;
import io.tributary.schema.ListType;
import io.tributary.schema.MapType;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import java.util.stream.Collectors;

/** The Glue (Hive) type of an engine column type, as Athena reads the Parquet the engine writes. */
final class HiveTypes {

  private HiveTypes() {}

  static String of(ColumnType type) {
    if (type instanceof PrimitiveType primitive) {
      return switch (primitive) {
        case LONG -> "bigint";
        case DOUBLE -> "double";
        case BOOLEAN -> "boolean";
        case TIMESTAMP -> "timestamp";
        case STRING, JSON -> "string";
      };
    }
    if (type instanceof ListType list) {
      return "array<" + of(list.element()) + ">";
    }
    if (type instanceof MapType map) {
      return "map<string," + of(map.value()) + ">";
    }
    if (type instanceof StructType struct) {
      return struct.fields().stream().map(f -> f.name() + ":" + of(f.type()))
          .collect(Collectors.joining(",", "struct<", ">"));
    }
    throw new IllegalArgumentException("Cannot map column type " + type + " to a Hive type");
  }
}
