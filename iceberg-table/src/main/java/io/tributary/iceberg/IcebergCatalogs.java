package io.tributary.iceberg;

import io.tributary.store.StoreException;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.RESTException;
import org.apache.iceberg.exceptions.RuntimeIOException;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.jdbc.JdbcClientPool;
import org.apache.iceberg.jdbc.UncheckedSQLException;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.iceberg.rest.RESTClient;
import org.apache.iceberg.rest.RESTSessionCatalog;

/**
 * Opens the Iceberg catalog of an {@link IcebergCatalogSpec} and makes sure its namespace exists. JDBC catalogs
 * (and REST catalogs of a local lake) write their files through the lake's store ({@link ObjectStoreFileIO}: no
 * Hadoop, the store's retries); Glue and REST catalogs of an S3 lake use Iceberg's S3 FileIO, since their tables
 * may live outside the lake's bucket (S3 Tables) and their credentials may be vended per table.
 */
public final class IcebergCatalogs {
  /** Iceberg's Glue catalog, loaded by name so that nothing here links to it unless it is used. */
  static final String GLUE_CATALOG = "org.apache.iceberg.aws.glue.GlueCatalog";

  private IcebergCatalogs() {}

  /**
   * Opens the catalog named {@code name} and creates {@code namespace} in it if missing.
   *
   * @param storeIo the FileIO over the lake's store, for the catalogs that write through it
   * @throws StoreException (retryable) when the catalog cannot be reached: the service retries its start
   */
  public static Catalog open(String name, IcebergCatalogSpec spec, ObjectStoreFileIO storeIo, String namespace) {
    Objects.requireNonNull(storeIo, "storeIo may not be null");
    try {
      Catalog catalog;
      if (spec instanceof IcebergCatalogSpec.Jdbc jdbc) {
        catalog = jdbc(name, jdbc, storeIo);
      } else if (spec instanceof IcebergCatalogSpec.Rest rest) {
        catalog = rest(name, rest, storeIo);
      } else {
        catalog = CatalogUtil.loadCatalog(GLUE_CATALOG, name, spec.properties(), null);
      }
      ensureNamespace(catalog, namespace);
      return catalog;
    } catch (UncheckedSQLException | RuntimeIOException | RESTException e) {
      throw new StoreException("iceberg catalog unreachable: " + spec.description() + ": " + e.getMessage(), true,
          e);
    }
  }

  /**
   * The catalog of {@code spec}, opened on first use ({@link #open}) and kept: until it opens, each use throws the
   * retryable {@link StoreException} of a catalog that cannot be reached, which the landing turns into
   * back-pressure. Thread-safe.
   */
  public static Supplier<Catalog> lazy(String name, IcebergCatalogSpec spec, ObjectStoreFileIO storeIo,
      String namespace) {
    return new Supplier<>() {
      private Catalog opened;

      @Override
      public synchronized Catalog get() {
        if (opened == null) {
          opened = open(name, spec, storeIo, namespace);
        }
        return opened;
      }
    };
  }

  private static Catalog jdbc(String name, IcebergCatalogSpec.Jdbc spec, FileIO io) {
    JdbcCatalog catalog = new JdbcCatalog(properties -> io,
        properties -> new JdbcClientPool(properties.get("uri"), properties), true);
    catalog.initialize(name, spec.properties());
    return catalog;
  }

  private static Catalog rest(String name, IcebergCatalogSpec.Rest spec, FileIO storeIo) {
    Map<String, String> properties = spec.properties();
    if (!spec.fileIo().isEmpty()) {
      RESTCatalog catalog = new RESTCatalog();
      catalog.initialize(name, properties);
      return catalog;
    }
    // Iceberg's own HTTP client, with a session catalog whose FileIO is the lake's store.
    RESTCatalog catalog = new RESTCatalog() {
      @Override
      protected RESTSessionCatalog newSessionCatalog(Function<Map<String, String>, RESTClient> clients) {
        return new RESTSessionCatalog(clients, (context, config) -> storeIo);
      }
    };
    catalog.initialize(name, properties);
    return catalog;
  }

  private static void ensureNamespace(Catalog catalog, String namespace) {
    if (!(catalog instanceof SupportsNamespaces namespaces)) {
      return;
    }
    Namespace ns = Namespace.of(namespace.split("\\."));
    if (!namespaces.namespaceExists(ns)) {
      try {
        namespaces.createNamespace(ns);
      } catch (AlreadyExistsException e) {
        // Another instance created it first.
      }
    }
  }
}
