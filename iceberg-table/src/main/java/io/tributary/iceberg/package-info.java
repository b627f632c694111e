/**
 * Apache Iceberg tables behind the table-format seam ({@link io.tributary.commit.TableFormat}): the schema mapping
 * with stable field ids ({@link io.tributary.iceberg.IcebergSchemas}), a FileIO over Tributary's object stores
 * ({@link io.tributary.iceberg.ObjectStoreFileIO}), data files with Iceberg field ids and metrics
 * ({@link io.tributary.iceberg.IcebergDataFiles}), and the format itself
 * ({@link io.tributary.iceberg.IcebergTableFormat}). No Iceberg or Hadoop type leaves this module. See
 * docs/design/iceberg.md.
 */
package io.tributary.iceberg;
