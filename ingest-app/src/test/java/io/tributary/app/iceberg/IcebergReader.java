package io.tributary.app.iceberg;

import io.tributary.iceberg.ObjectStoreFileIO;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.jdbc.JdbcClientPool;

/**
 * The independent reader of the end-to-end tests: a JdbcCatalog client of its own on the writer's SQLite database
 * (with the writer's catalog name, which JdbcCatalog keys its rows by) and Iceberg's generic reader. What it reads
 * is a table's current snapshot: files of failed commits, which no snapshot lists, are never counted.
 */
public final class IcebergReader implements AutoCloseable {
  private final JdbcCatalog catalog;

  /** A reader of the tables of the service's JdbcCatalog (catalog name {@code tributary}). */
  public IcebergReader(Path db, ObjectStoreFileIO io) {
    this(db, io, "tributary");
  }

  /** A reader of the JdbcCatalog named {@code catalogName} (a REST catalog fixture's backing catalog). */
  public IcebergReader(Path db, ObjectStoreFileIO io, String catalogName) {
    catalog = new JdbcCatalog(props -> io, props -> new JdbcClientPool(props.get("uri"), props), false);
    catalog.initialize(catalogName, Map.of("uri", "jdbc:sqlite:" + db, "warehouse", io.root(),
        "jdbc.schema-version", "V1"));
  }

  /** Table {@code name} of namespace {@code tributary}. */
  public Table table(String name) {
    return catalog.loadTable(TableIdentifier.of("tributary", name));
  }

  /** The tables of {@code namespace}, loaded now (none while the namespace does not exist). */
  public List<Table> tables(String namespace) {
    Namespace ns = Namespace.of(namespace);
    if (!catalog.namespaceExists(ns)) {
      return List.of();
    }
    return catalog.listTables(ns).stream().map(catalog::loadTable).toList();
  }

  /** Every row of the table's current snapshot. */
  public static List<Record> rows(Table table) throws Exception {
    return rows(table, List.of());
  }

  /** The {@code columns} (all when empty) of every row of the table's current snapshot. */
  public static List<Record> rows(Table table, List<String> columns) throws Exception {
    List<Record> rows = new ArrayList<>();
    IcebergGenerics.ScanBuilder scan = IcebergGenerics.read(table);
    if (!columns.isEmpty()) {
      scan = scan.select(columns);
    }
    try (CloseableIterable<Record> all = scan.build()) {
      all.forEach(rows::add);
    }
    return rows;
  }

  /** How many times each value of the long column {@code column} occurs. */
  public static Map<Long, Integer> counts(List<Record> rows, String column) {
    Map<Long, Integer> counts = new HashMap<>();
    rows.forEach(r -> counts.merge((Long) r.getField(column), 1, Integer::sum));
    return counts;
  }

  @Override
  public void close() throws Exception {
    catalog.close();
  }
}
