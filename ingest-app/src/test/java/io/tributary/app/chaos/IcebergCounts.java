package io.tributary.app.chaos;

import io.tributary.app.iceberg.IcebergReader;
import io.tributary.iceberg.IcebergSchemas;
import io.tributary.iceberg.ObjectStoreFileIO;
import io.tributary.schema.MetadataColumns;
import io.tributary.testing.LakeCounts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;

/**
 * What an Iceberg lake holds, by source coordinates: the rows of each table's current snapshot in a namespace, read
 * with Iceberg's own API from the catalog's SQLite database ({@link IcebergReader}: files that no snapshot lists,
 * the orphans of failed or lost commits, are not counted), and the error files (Hive Parquet, {@link LakeCounts}).
 * Reads the catalog's database directly, so it counts while the catalog's server is down.
 */
final class IcebergCounts implements ExactlyOnce.Counts {
  private static final List<String> COORDINATES = List.of(MetadataColumns.SOURCE, IcebergSchemas.SOURCE_PARTITION,
      MetadataColumns.OFFSET);

  private final Path catalogDb;
  private final String catalogName;
  private final ObjectStoreFileIO io;
  private final String namespace;
  private final Path errorRoot;

  IcebergCounts(Path catalogDb, String catalogName, ObjectStoreFileIO io, String namespace, Path errorRoot) {
    this.catalogDb = catalogDb;
    this.catalogName = catalogName;
    this.io = io;
    this.namespace = namespace;
    this.errorRoot = errorRoot;
  }

  @Override
  public Map<String, Long> landed() throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    try (IcebergReader reader = reader()) {
      for (Table table : reader.tables(namespace)) {
        for (Record row : IcebergReader.rows(table, COORDINATES)) {
          counts.merge(row.getField(MetadataColumns.SOURCE) + "/" + row.getField(IcebergSchemas.SOURCE_PARTITION)
              + "/" + row.getField(MetadataColumns.OFFSET), 1L, Long::sum);
        }
      }
    }
    errors().forEach((coordinate, n) -> counts.merge(coordinate, n, Long::sum));
    return counts;
  }

  @Override
  public Map<String, Long> errors() throws Exception {
    return LakeCounts.errors(errorRoot);
  }

  /** Per table: rows, data files and snapshots of its current state. */
  @Override
  public String describe() throws Exception {
    List<String> tables = new ArrayList<>();
    try (IcebergReader reader = reader()) {
      for (Table table : reader.tables(namespace)) {
        Snapshot current = table.currentSnapshot();
        int snapshots = 0;
        for (Snapshot ignored : table.snapshots()) {
          snapshots++;
        }
        Map<String, String> summary = current == null ? Map.of() : current.summary();
        tables.add(table.name().substring(table.name().lastIndexOf('.') + 1) + ": rows="
            + summary.getOrDefault("total-records", "0") + " data-files=" + summary.getOrDefault("total-data-files",
            "0") + " snapshots=" + snapshots);
      }
    }
    return "tables " + String.join(", ", tables) + "; error files=" + LakeCounts.parquetFiles(errorRoot);
  }

  private IcebergReader reader() {
    return new IcebergReader(catalogDb, io, catalogName);
  }
}
