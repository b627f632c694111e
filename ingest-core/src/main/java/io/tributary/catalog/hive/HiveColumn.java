package io.tributary.catalog.hive;

import java.util.Objects;

/**
 * A column of a Hive table: a name and a Hive type ({@code bigint}, {@code struct<a:string>}, ...).
 *
 * @param name the column name; may not be null
 * @param type the Hive type; may not be null
 */
public record HiveColumn(String name, String type) {
  public HiveColumn {
    Objects.requireNonNull(name, "name may not be null");
    Objects.requireNonNull(type, "type may not be null");
  }
}
