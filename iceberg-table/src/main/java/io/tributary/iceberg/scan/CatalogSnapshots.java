package io.tributary.iceberg.scan;

import io.tributary.iceberg.IcebergSchemas;
import io.tributary.iceberg.ObjectStoreFileIO;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableScan;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;

/** {@link TableSnapshots} from an open catalog: each call loads the table afresh and plans its scan. */
final class CatalogSnapshots implements TableSnapshots {
  private final Catalog catalog;
  private final Namespace namespace;
  private final ObjectStoreFileIO storeIo;
  private final Predicate<String> datasets;

  CatalogSnapshots(Catalog catalog, String namespace, ObjectStoreFileIO storeIo, Predicate<String> datasets) {
    this.catalog = Objects.requireNonNull(catalog, "catalog may not be null");
    this.namespace = Namespace.of(namespace.split("\\."));
    this.storeIo = Objects.requireNonNull(storeIo, "storeIo may not be null");
    this.datasets = Objects.requireNonNull(datasets, "datasets may not be null");
  }

  @Override
  public List<String> tables() {
    return catalog.listTables(namespace).stream().map(TableIdentifier::name).filter(datasets).sorted().toList();
  }

  @Override
  public SnapshotFiles current(String dataset, Optional<Instant> since) {
    Table table = catalog.loadTable(TableIdentifier.of(namespace, dataset));
    Snapshot snapshot = table.currentSnapshot();
    if (snapshot == null) {
      return new SnapshotFiles(dataset, -1, List.of());
    }
    TableScan scan = table.newScan().useSnapshot(snapshot.snapshotId());
    if (since.isPresent()) {
      scan = scan.filter(Expressions.greaterThanOrEqual(IcebergSchemas.EVENT_TIME,
          ChronoUnit.MICROS.between(Instant.EPOCH, since.get())));
    }
    Set<String> keys = new LinkedHashSet<>();
    try (CloseableIterable<FileScanTask> tasks = scan.planFiles()) {
      for (FileScanTask task : tasks) {
        String location = task.file().location();
        if (!task.deletes().isEmpty()) {
          throw new IllegalStateException("Cannot read table " + table.name() + " as plain Parquet: its data file "
              + location + " has " + task.deletes().size() + " delete files (row-level deletes by another writer; "
              + "Tributary writes none): read it with an Iceberg engine (Spark, Trino, Athena)");
        }
        keys.add(key(table, location));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot plan the scan of table " + table.name(), e);
    }
    return new SnapshotFiles(dataset, snapshot.snapshotId(), List.copyOf(keys));
  }

  private String key(Table table, String location) {
    try {
      return storeIo.keyOf(location);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Cannot read table " + table.name() + ": its data file " + location
          + " is outside the lake's store (" + storeIo.root() + "; a REST catalog such as S3 Tables keeps its "
          + "tables' files itself): read it with an Iceberg engine (Spark, Trino, Athena)", e);
    }
  }

  @Override
  public void close() {
    if (catalog instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot close the Iceberg catalog", e);
      }
    }
  }
}
