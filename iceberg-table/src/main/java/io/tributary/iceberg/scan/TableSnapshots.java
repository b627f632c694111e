package io.tributary.iceberg.scan;

import io.tributary.iceberg.IcebergCatalogSpec;
import io.tributary.iceberg.IcebergCatalogs;
import io.tributary.iceberg.ObjectStoreFileIO;
import io.tributary.store.ObjectStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The Iceberg tables of a lake as a reader outside Iceberg sees them: which datasets are tables, and the data files
 * of each one's current snapshot (what Iceberg's own scan reads: no file of a failed commit, none that compaction
 * replaced). Closing it closes the catalog.
 */
public interface TableSnapshots extends AutoCloseable {

  /** No Iceberg tables: a lake whose datasets are all Hive. */
  TableSnapshots NONE = new TableSnapshots() {
    @Override
    public List<String> tables() {
      return List.of();
    }

    @Override
    public SnapshotFiles current(String dataset, Optional<Instant> since) {
      throw new IllegalArgumentException("Cannot read dataset " + dataset + ": no Iceberg catalog");
    }

    @Override
    public void close() {}
  };

  /** The datasets that are Iceberg tables in the catalog's namespace, sorted. */
  List<String> tables();

  /**
   * The data files of {@code dataset}'s table at its current snapshot.
   *
   * @param since when present, only the files that may hold rows whose {@code _event_time} is at or after it
   *     (Iceberg prunes by partition and column bounds; a file kept may hold earlier rows too)
   * @throws IllegalStateException when the snapshot has delete files (Tributary writes none: another writer's
   *     row-level deletes, which a plain Parquet reader cannot apply), or a file outside the lake's store
   */
  SnapshotFiles current(String dataset, Optional<Instant> since);

  @Override
  void close();

  /**
   * The tables of the catalog {@code spec} named {@code catalogName}, in {@code namespace}, whose data files are in
   * {@code store} (its root at {@code storeRoot}: {@code file:/folder} or {@code s3://bucket}). The catalog is opened
   * at once (it creates the namespace if missing, as the service does).
   *
   * @param datasets which tables of the namespace are the lake's (the datasets whose {@code table-format} is
   *     {@code iceberg}): others in the namespace are not listed
   */
  static TableSnapshots open(String catalogName, IcebergCatalogSpec spec, String namespace, String storeRoot,
      ObjectStore store, Predicate<String> datasets) {
    ObjectStoreFileIO io = new ObjectStoreFileIO(store, storeRoot);
    return new CatalogSnapshots(IcebergCatalogs.open(catalogName, spec, io, namespace), namespace, io, datasets);
  }
}
