package io.tributary.schema;

import java.util.Objects;

/** A JSON array: a Parquet LIST of optional elements, all of one type. */
public record ListType(ColumnType element) implements ColumnType {
  public ListType {
    Objects.requireNonNull(element, "element may not be null");
  }

  @Override
  public String typeName() {
    return "list";
  }
}
