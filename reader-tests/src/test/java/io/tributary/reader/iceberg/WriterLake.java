package io.tributary.reader.iceberg;

import io.tributary.iceberg.IcebergSettings;
import io.tributary.iceberg.IcebergTableFormat;
import io.tributary.iceberg.ObjectStoreFileIO;
import io.tributary.iceberg.testing.EvolvingOrders;
import io.tributary.layout.LakeLayout;
import io.tributary.schema.DatasetSchema;
import io.tributary.store.LocalFileStore;
import io.tributary.store.ObjectStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.jdbc.JdbcClientPool;

/**
 * The writer side's lake (loaded by {@link IsolatedWriter}'s class loader only): a local folder as the object
 * store, a JdbcCatalog on SQLite named like Spark's ({@value SparkIceberg#CATALOG}: JdbcCatalog rows are keyed by
 * the catalog name), one namespace per scenario with a ledger of its own, and IcebergTableFormat instances over it.
 */
final class WriterLake implements AutoCloseable {
  private final Map<String, String> arguments;
  private final ObjectStore store;
  private final ObjectStoreFileIO io;
  private final String namespace;
  private final LakeLayout layout;
  private final List<JdbcCatalog> catalogs = new ArrayList<>();

  /** Arguments: {@code folder} (the store's root folder), {@code catalog-uri} (JDBC), {@code namespace}. */
  WriterLake(Map<String, String> arguments) {
    this.arguments = arguments;
    SparkIceberg.registerSqliteDriver();
    Path folder = Path.of(arguments.get("folder"));
    store = new LocalFileStore(folder);
    io = new ObjectStoreFileIO(store, folder.toUri().toString());
    namespace = arguments.get("namespace");
    layout = new LakeLayout("ledgers/" + namespace, "errors/" + namespace);
    JdbcCatalog first = catalog();
    if (!first.namespaceExists(Namespace.of(namespace))) {
      first.createNamespace(Namespace.of(namespace));
    }
  }

  ObjectStore store() {
    return store;
  }

  String namespace() {
    return namespace;
  }

  LakeLayout layout() {
    return layout;
  }

  /** A catalog client of its own, as another instance would have. */
  JdbcCatalog catalog() {
    JdbcCatalog catalog = new JdbcCatalog(props -> io, props -> new JdbcClientPool(props.get("uri"), props), true);
    catalog.initialize(SparkIceberg.CATALOG, Map.of("uri", arguments.get("catalog-uri"),
        "warehouse", io.location("warehouse"), "jdbc.schema-version", "V1"));
    catalogs.add(catalog);
    return catalog;
  }

  /** An instance named {@code owner} on its own catalog client, writing through {@code on}. */
  IcebergTableFormat format(String owner, ObjectStore on) {
    return format(owner, on, catalog());
  }

  IcebergTableFormat format(String owner, ObjectStore on, Catalog catalog) {
    return format(owner, on, catalog, EvolvingOrders.versions());
  }

  /** An instance named {@code owner} whose datasets all have the schema history {@code versions}. */
  IcebergTableFormat format(String owner, ObjectStore on, Catalog catalog, List<DatasetSchema> versions) {
    return new IcebergTableFormat(catalog, on, io, layout, IcebergSettings.allDatasets(namespace),
        d -> versions, owner, Clock.systemUTC());
  }

  @Override
  public void close() throws Exception {
    for (JdbcCatalog catalog : catalogs) {
      catalog.close();
    }
  }
}
