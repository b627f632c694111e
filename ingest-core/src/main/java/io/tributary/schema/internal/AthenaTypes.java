package io.tributary.schema.internal;

import io.tributary.schema.ColumnType;
import io.tributary.schema.Field;
import io.tributary.schema.ListType;
import io.tributary.schema.MapType;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;

/** Column types spelled as Athena and Glue DDL spell them: what operators see in schema history and tables. */
public final class AthenaTypes {
  private AthenaTypes() {}

  /** {@code bigint}, {@code struct<a:bigint,b:array<string>>}, {@code map<string,double>}, ... */
  public static String ddl(ColumnType type) {
    if (type instanceof PrimitiveType p) {
      return switch (p) {
        case LONG -> "bigint";
        case DOUBLE -> "double";
        case BOOLEAN -> "boolean";
        case STRING, JSON -> "string";
        case TIMESTAMP -> "timestamp";
      };
    }
    if (type instanceof ListType l) {
      return "array<" + ddl(l.element()) + ">";
    }
    if (type instanceof MapType m) {
      return "map<string," + ddl(m.value()) + ">";
    }
    StringBuilder out = new StringBuilder("struct<");
    boolean first = true;
    for (Field f : ((StructType) type).fields()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      out.append(f.name()).append(':').append(ddl(f.type()));
    }
    return out.append('>').toString();
  }
}
