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
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The service's own maintenance loop, built from what the service knows, with no Iceberg type in its signature (the
 * service module holds none): the configuration's Iceberg catalog opened on the first run, the lake's store and
 * layout, the schema history, the per-dataset settings; the lease and the loop of {@link MaintenanceLoop}.
 */
public final class ServiceMaintenance {
  private ServiceMaintenance() {}

  /**
   * @param catalogName the Iceberg catalog's name ({@code catalog.name})
   * @param storeRoot the location of the store's root ({@code file:/folder} or {@code s3://bucket})
   * @param owner this instance, named in the lease
   */
  public static MaintenanceLoop loop(String catalogName, IcebergCatalogSpec catalog, String namespace,
      String storeRoot, ObjectStore store, LakeLayout layout, Function<String, List<DatasetSchema>> history,
      Function<String, MaintenanceSettings> settings, WriteOptions options, MeterRegistry registry, String owner,
      Duration lease, Duration interval, Clock clock) {
    ObjectStoreFileIO io = new ObjectStoreFileIO(store, storeRoot);
    LakeMaintenance maintenance = new LakeMaintenance(IcebergCatalogs.lazy(catalogName, catalog, io, namespace),
        namespace, new LakeMaintenance.Lake(store, io, layout), history, settings, options,
        new MaintenanceMetrics(registry), clock);
    return new MaintenanceLoop(maintenance, new MaintenanceLease(store, layout, owner, lease, clock), interval);
  }
}
