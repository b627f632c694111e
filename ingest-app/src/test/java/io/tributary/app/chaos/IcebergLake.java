package io.tributary.app.chaos;

import io.tributary.iceberg.ObjectStoreFileIO;
import io.tributary.iceberg.testing.RestCatalogServer;
import io.tributary.store.LocalFileStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A chaos scenario's Iceberg lake, whatever the source: a local folder that the services and the catalog share, and a
 * REST catalog of its own (the fixture: Iceberg's REST server over a JdbcCatalog on SQLite, in the test JVM), which
 * an outage stops and starts again on the same port. Chosen over a JdbcCatalog whose SQLite file is made unavailable:
 * a stopped server refuses connections as a catalog that is down does, while an open SQLite connection keeps working
 * on a moved or unreadable file (and the test runs as root, whom permissions do not stop).
 */
final class IcebergLake implements AutoCloseable {
  private final Path folder;
  private final ObjectStoreFileIO io;
  private final RestCatalogServer catalog;

  private IcebergLake(Path folder, ObjectStoreFileIO io, RestCatalogServer catalog) {
    this.folder = folder;
    this.io = io;
    this.catalog = catalog;
  }

  /** Creates {@code folder} and starts the lake's catalog, whose tables are created under {@code lake/}. */
  static IcebergLake open(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ObjectStoreFileIO io = new ObjectStoreFileIO(new LocalFileStore(folder),
        "file:" + folder.toAbsolutePath().normalize());
    return new IcebergLake(folder, io, RestCatalogServer.launch(folder, io, io.root() + "/lake"));
  }

  RestCatalogServer catalog() {
    return catalog;
  }

  /** The store, lake and catalog part of a service's configuration: every dataset an Iceberg table. */
  String config() {
    return String.join("\n",
        "store:",
        "  type: local",
        "  path: " + folder,
        Lake.lakeConfig("  table-format: iceberg"),
        "catalog:",
        "  type: rest",
        "  rest:",
        "    uri: " + catalog.uri());
  }

  /** Counted from the tables' current snapshots (namespace {@code tributary}) and the error files. */
  ExactlyOnce.Counts counts() {
    return new IcebergCounts(folder.resolve("rest-catalog.db"), RestCatalogServer.BACKING_CATALOG, io, "tributary",
        folder.resolve("errors"));
  }

  @Override
  public void close() {
    catalog.close();
  }
}
