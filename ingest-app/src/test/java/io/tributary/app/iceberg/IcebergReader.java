package io.tributary.app.iceberg;

import io.tributary.iceberg.ObjectStoreFileIO;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.jdbc.JdbcClientPool;

/**
 * The independent reader of the end-to-end tests: a JdbcCatalog client of its own on the writer's SQLite database
 * (with the writer's catalog name, which JdbcCatalog keys its rows by) and Iceberg's generic reader.
 */
final class IcebergReader implements AutoCloseable {
  private final JdbcCatalog catalog;

  IcebergReader(Path db, ObjectStoreFileIO io) {
    catalog = new JdbcCatalog(props -> io, props -> new JdbcClientPool(props.get("uri"), props), false);
    catalog.initialize("tributary", Map.of("uri", "jdbc:sqlite:" + db, "warehouse", io.root(),
        "jdbc.schema-version", "V1"));
  }

  Table table(String name) {
    return catalog.loadTable(TableIdentifier.of("tributary", name));
  }

  static List<Record> rows(Table table) throws Exception {
    List<Record> rows = new ArrayList<>();
    try (CloseableIterable<Record> all = IcebergGenerics.read(table).build()) {
      all.forEach(rows::add);
    }
    return rows;
  }

  /** How many times each value of the long column {@code column} occurs. */
  static Map<Long, Integer> counts(List<Record> rows, String column) {
    Map<Long, Integer> counts = new HashMap<>();
    rows.forEach(r -> counts.merge((Long) r.getField(column), 1, Integer::sum));
    return counts;
  }

  @Override
  public void close() throws Exception {
    catalog.close();
  }
}
