/**
 * Hive table definitions of the layout the engine writes (columns in schema order, partition keys, Athena partition
 * projection, Parquet SerDe) and their {@code CREATE} statements for Athena, Spark and Trino.
 */
package io.tributary.catalog.hive;
