/**
 * The catalog of the lake's tables: {@link io.tributary.catalog.CatalogSync} is what the landing layer tells when a
 * schema version is published and when files are committed; {@code none} does nothing, {@code glue} keeps Glue
 * tables in step ({@link io.tributary.catalog.glue}). {@link io.tributary.catalog.CatalogLayout} says where and how
 * the engine writes, and {@link io.tributary.catalog.hive} turns that and a schema into a Hive table definition and
 * its DDL.
 */
package io.tributary.catalog;
