package io.tributary.schema;

import java.util.Objects;

/**
 * One version of a dataset's schema. The root struct starts with the {@link MetadataColumns} and continues with the
 * data columns in the order they appeared.
 *
 * @param dataset the dataset (table) name
 * @param version the version number, from 1, allocated through the schema history
 * @param root the columns
 */
public record DatasetSchema(String dataset, int version, StructType root) {
  public DatasetSchema {
    Objects.requireNonNull(dataset, "dataset may not be null");
    Objects.requireNonNull(root, "root may not be null");
    if (version < 1) {
      throw new IllegalArgumentException("Invalid schema version: " + version + " (must be >= 1)");
    }
  }
}
