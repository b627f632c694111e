package io.tributary.catalog;

import io.tributary.schema.DatasetSchema;

/**
 * Keeps a catalog's table of each dataset (and of the error files) in step with what the engine writes. Both calls
 * return at once and never fail: a catalog is never on the landing path. Thread-safe.
 *
 * <p>The table of a dataset is created when its first file is committed and updated whenever a schema version is
 * published. An implementation never lowers the schema version a table declares, so instances that publish in any
 * order converge on the newest one.
 */
public interface CatalogSync extends AutoCloseable {

  /**
   * Schema version {@code schema.version()} of dataset {@code schema.dataset()} was published. Call it before, or
   * together with, the commit of the first file written under it; it updates an existing table and never creates
   * one.
   *
   * @param schema the published schema; may not be null
   */
  void schemaPublished(DatasetSchema schema);

  /**
   * Files of dataset {@code schema.dataset()} were committed, written under {@code schema}. Creates the table when
   * it is missing; otherwise does nothing unless the table is behind {@code schema}. For error files pass
   * {@link io.tributary.errors.ErrorRows#schema()}.
   *
   * @param schema the schema the committed files were written under; may not be null
   */
  void filesCommitted(DatasetSchema schema);

  /**
   * Asks for the table of {@code schema.dataset()} at {@code schema.version()} or newer, created when missing, and
   * says whether the catalog holds it now. For a destination that drops what its table lacks (Firehose's format
   * conversion reads the Glue table): its rows are sent only once this is true. Returns at once, never fails.
   *
   * @return true when the table has the version (always, for a catalog that keeps no tables)
   */
  default boolean holds(DatasetSchema schema) {
    return true;
  }

  /** Stops the background work; updates not yet made are dropped (the next start makes them). */
  @Override
  void close();

  /** No catalog: both calls do nothing ({@code catalog.type: none}). */
  static CatalogSync none() {
    return NoCatalog.INSTANCE;
  }
}
