package io.tributary.iceberg.maintain;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.iceberg.IcebergCatalogSpec;
import io.tributary.iceberg.IcebergCatalogs;
import io.tributary.iceberg.ObjectStoreFileIO;
import io.tributary.layout.LakeLayout;
import io.tributary.parquet.WriteOptions;
import io.tributary.schema.DatasetSchema;
import io.tributary.store.ObjectStore;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * The maintenance of a configuration's Iceberg tables, built from what the service knows, with no Iceberg type in its
 * signature (the service module holds none): the catalog opened on the first run, the lake's store and layout, the
 * schema history, the per-dataset settings. The service's loop and {@code tributary maintain} both run it.
 */
public final class ServiceMaintenance {
  private ServiceMaintenance() {}

  /**
   * @param catalogName the Iceberg catalog's name ({@code catalog.name})
   * @param storeRoot the location of the store's root ({@code file:/folder} or {@code s3://bucket})
   */
  public static LakeMaintenance lake(String catalogName, IcebergCatalogSpec catalog, String namespace,
      String storeRoot, ObjectStore store, LakeLayout layout, Function<String, List<DatasetSchema>> history,
      Function<String, MaintenanceSettings> settings, WriteOptions options, MeterRegistry registry, Clock clock) {
    ObjectStoreFileIO io = new ObjectStoreFileIO(store, storeRoot);
    return new LakeMaintenance(IcebergCatalogs.lazy(catalogName, catalog, io, namespace), namespace,
        new LakeMaintenance.Lake(store, io, layout), history, settings, options, new MaintenanceMetrics(registry),
        clock);
  }
}
