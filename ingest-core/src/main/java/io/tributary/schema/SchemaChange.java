package io.tributary.schema;

import java.util.Objects;

/**
 * One column a schema version added.
 *
 * @param path the column's path: column names joined by dots, {@code []} for list elements and map values
 * @param originalName the JSON field name that created it
 * @param type its type as Athena DDL spells it ({@code bigint}, {@code struct<...>})
 */
public record SchemaChange(String path, String originalName, String type) {
  public SchemaChange {
    Objects.requireNonNull(path, "path may not be null");
    Objects.requireNonNull(originalName, "originalName may not be null");
    Objects.requireNonNull(type, "type may not be null");
  }
}
