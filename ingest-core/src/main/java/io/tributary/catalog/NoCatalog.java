package io.tributary.catalog;

import io.tributary.schema.DatasetSchema;

/** {@code catalog.type: none}: tables are created by hand, from {@code tributary ddl}. */
enum NoCatalog implements CatalogSync {
  INSTANCE;

  @Override
  public void schemaPublished(DatasetSchema schema) {}

  @Override
  public void filesCommitted(DatasetSchema schema) {}

  @Override
  public void close() {}
}
