package io.tributary.schema;

import java.util.Objects;

/**
 * A JSON object pinned to a map in config: string keys, values of one type. For objects whose keys are data (ids,
 * SKUs) rather than field names, so they do not become thousands of columns.
 */
public record MapType(ColumnType value) implements ColumnType {
  public MapType {
    Objects.requireNonNull(value, "value may not be null");
  }

  @Override
  public String typeName() {
    return "map";
  }
}
