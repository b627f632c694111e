/**
 * What a reader outside Iceberg (DuckDB in {@code tributary query}) needs to read an Iceberg table right: the data
 * files of its current snapshot, planned by Iceberg from the catalog, with no Iceberg type in the signatures (the
 * service module holds none). Reading the table's folder instead counts a row twice once compaction has rewritten
 * its file and the old one awaits expiry, and reads the files of commits that never happened.
 */
package io.tributary.iceberg.scan;
