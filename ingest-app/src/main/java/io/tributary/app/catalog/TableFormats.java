package io.tributary.app.catalog;

import io.tributary.app.config.IcebergWiring;
import io.tributary.app.config.ServiceConfig;
import io.tributary.commit.TableFormatFactory;
import io.tributary.iceberg.IcebergCatalogs;
import io.tributary.iceberg.IcebergFormats;
import io.tributary.iceberg.ObjectStoreFileIO;
import io.tributary.store.ObjectStore;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The table format of a checked configuration: Hive Parquet for every dataset, or, when some datasets are
 * {@code table-format: iceberg}, an {@link IcebergFormats} over the configured Iceberg catalog (opened on first use,
 * its files written through {@code store} where the catalog allows).
 */
public final class TableFormats {
  private static final Logger LOG = LoggerFactory.getLogger(TableFormats.class);

  private TableFormats() {}

  /** The factory the landing builds its format with. */
  public static TableFormatFactory open(ServiceConfig service, ObjectStore store) {
    Optional<IcebergWiring> iceberg = service.iceberg();
    if (iceberg.isEmpty()) {
      return TableFormatFactory.hive();
    }
    IcebergWiring wiring = iceberg.get();
    ObjectStoreFileIO io = new ObjectStoreFileIO(store, wiring.storeRoot());
    LOG.info("Iceberg datasets land in catalog {} ({}), namespace {}", wiring.catalogName(),
        wiring.catalog().description(), wiring.namespace());
    return new IcebergFormats(IcebergCatalogs.lazy(wiring.catalogName(), wiring.catalog(), io, wiring.namespace()),
        wiring.settings(), wiring.catalog().description());
  }

  /** Why the table format cannot work now (the Iceberg catalog unreachable), empty when it can. */
  public static Optional<String> problem(TableFormatFactory formats) {
    return formats instanceof IcebergFormats iceberg ? iceberg.problem() : Optional.empty();
  }
}
