package io.tributary.iceberg.testing;

import io.tributary.testing.DuckDb;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.io.CloseableIterable;

/**
 * What the Iceberg tables of a namespace hold, counted by source coordinates {@code stream/partition/position} as
 * {@code LakeCounts} counts Hive files: the data files of each table's current snapshot, as Iceberg's scan plans them
 * (files of failed or lost commits, which no snapshot lists, are never counted), read with DuckDB. For tables in a
 * local folder ({@code file:} locations).
 */
public final class IcebergLakeCounts {

  private IcebergLakeCounts() {}

  /** Every coordinate in the current snapshots of {@code namespace}'s tables, with how many times. */
  public static Map<String, Long> data(Catalog catalog, String namespace) throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    Namespace ns = Namespace.of(namespace.split("\\."));
    if (catalog instanceof SupportsNamespaces namespaces && !namespaces.namespaceExists(ns)) {
      return counts;
    }
    for (TableIdentifier id : catalog.listTables(ns)) {
      List<Path> files = files(catalog.loadTable(id));
      if (files.isEmpty()) {
        continue;
      }
      try (DuckDb duck = DuckDb.open()) {
        String list = files.stream().map(DuckDb::literal).collect(Collectors.joining(", ", "[", "]"));
        for (List<Object> row : duck.rows("SELECT _source || '/' || _partition || '/' || _offset, count(*) FROM "
            + "read_parquet(" + list + ", union_by_name=true) GROUP BY 1")) {
          counts.merge((String) row.get(0), ((Number) row.get(1)).longValue(), Long::sum);
        }
      }
    }
    return counts;
  }

  /** The local data files of the table's current snapshot. */
  private static List<Path> files(Table table) throws Exception {
    List<Path> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      for (FileScanTask task : tasks) {
        files.add(Path.of(URI.create(task.file().location())));
      }
    }
    return files;
  }
}
