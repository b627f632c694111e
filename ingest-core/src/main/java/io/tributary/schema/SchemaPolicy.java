package io.tributary.schema;

import java.util.Locale;

/** What a dataset does with a record that would change or break its schema. */
public enum SchemaPolicy {
  /**
   * New fields become new optional columns; values that do not fit their column go to {@code _rescued}. The default:
   * no record is refused for its shape.
   */
  EVOLVE,
  /**
   * The schema is fixed once its first version exists (version 1 is created by the first record): a record that
   * would add a column or that has a value that does not fit its column goes to the error prefix as
   * {@code SCHEMA}.
   */
  STRICT;

  /** The policy named in config: {@code evolve} or {@code strict}. */
  public static SchemaPolicy fromConfig(String value) {
    for (SchemaPolicy policy : values()) {
      if (policy.name().toLowerCase(Locale.ROOT).equals(value)) {
        return policy;
      }
    }
    throw new IllegalArgumentException("Invalid schema policy '" + value + "': allowed values are evolve, strict");
  }
}
