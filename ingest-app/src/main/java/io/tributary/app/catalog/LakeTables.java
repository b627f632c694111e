package io.tributary.app.catalog;

import io.tributary.catalog.CatalogLayout;
import io.tributary.catalog.hive.HiveTable;
import io.tributary.schema.SchemaHistory;
import io.tributary.store.ObjectKeys;
import io.tributary.store.ObjectStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** The tables of a lake, from its schema history: what {@code tributary ddl} prints. */
public final class LakeTables {
  private final ObjectStore store;
  private final String prefix;
  private final CatalogLayout layout;

  /**
   * @param store the lake's store
   * @param prefix the data prefix (where {@code _schemas/} lives); may be empty
   * @param layout the lake's layout
   */
  public LakeTables(ObjectStore store, String prefix, CatalogLayout layout) {
    this.store = store;
    this.prefix = prefix;
    this.layout = layout;
  }

  /** Every dataset with a schema history, in name order. */
  public List<String> datasets() {
    String schemas = ObjectKeys.join(prefix, "_schemas") + "/";
    TreeSet<String> names = new TreeSet<>();
    for (String key : store.list(schemas)) {
      String rest = key.substring(schemas.length());
      if (rest.contains("/")) {
        names.add(rest.substring(0, rest.indexOf('/')));
      }
    }
    return new ArrayList<>(names);
  }

  /** The table of {@code dataset} at its latest schema version, or empty when it has no schema history. */
  public Optional<HiveTable> table(String dataset) {
    return new SchemaHistory(store, prefix, "cli", Clock.systemUTC()).latest(dataset).map(layout::datasetTable);
  }

  /** The table of the error files, enumerating every dataset. */
  public HiveTable errorsTable() {
    return layout.errorsTable(datasets());
  }
}
