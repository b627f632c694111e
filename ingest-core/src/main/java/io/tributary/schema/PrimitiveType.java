package io.tributary.schema;

import java.util.Locale;

/** A leaf column type. See {@link ColumnType} for the Java value each one holds. */
public enum PrimitiveType implements ColumnType {
  /** Every JSON integer that fits in 64 bits. Parquet INT64. */
  LONG,
  /** Every other JSON number. Parquet DOUBLE. */
  DOUBLE,
  /** JSON true and false. Parquet BOOLEAN. */
  BOOLEAN,
  /** JSON strings. Parquet BINARY (STRING). */
  STRING,
  /** A configured timestamp field: Parquet INT64 TIMESTAMP(MICROS, adjusted to UTC). */
  TIMESTAMP,
  /** Any JSON value kept as its JSON text, for a path pinned to JSON in config. Parquet BINARY (STRING). */
  JSON;

  @Override
  public String typeName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type named {@code name} as {@link #typeName()} spells it. */
  public static PrimitiveType fromTypeName(String name) {
    for (PrimitiveType type : values()) {
      if (type.typeName().equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException("Unknown column type: " + name);
  }
}
