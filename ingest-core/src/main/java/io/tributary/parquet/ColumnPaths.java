package io.tributary.parquet;

/**
 * Spells the path of a column for messages: fields joined by dots, {@code []} for the element of a list and
 * {@code {}} for the value of a map, e.g. {@code order.items[].sku}.
 */
final class ColumnPaths {
  static final String ROOT = "<root>";

  private ColumnPaths() {}

  static String child(String parent, String name) {
    return ROOT.equals(parent) ? name : parent + "." + name;
  }

  static String element(String list) {
    return list + "[]";
  }

  static String mapValue(String map) {
    return map + "{}";
  }
}
