package io.tributary.schema;

import java.util.Objects;

/**
 * A named column inside a struct.
 *
 * @param name the column name as written to Parquet: already sanitized, see {@code ColumnNames}
 * @param originalName the JSON field name that first created the column, kept for operators and the schema history
 * @param type the column type, which never changes once written
 */
public record Field(String name, String originalName, ColumnType type) {
  public Field {
    Objects.requireNonNull(name, "name may not be null");
    Objects.requireNonNull(originalName, "originalName may not be null");
    Objects.requireNonNull(type, "type may not be null");
  }

  public Field withType(ColumnType newType) {
    return new Field(name, originalName, newType);
  }
}
