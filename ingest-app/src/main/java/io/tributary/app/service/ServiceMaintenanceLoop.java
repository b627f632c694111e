package io.tributary.app.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.app.config.IcebergWiring;
import io.tributary.app.config.MaintenanceConfig;
import io.tributary.app.config.ServiceConfig;
import io.tributary.iceberg.IcebergCatalogSpec;
import io.tributary.iceberg.maintain.LakeMaintenance;
import io.tributary.iceberg.maintain.MaintenanceLease;
import io.tributary.iceberg.maintain.MaintenanceLoop;
import io.tributary.iceberg.maintain.ServiceMaintenance;
import io.tributary.landing.LandingSettings;
import io.tributary.layout.LakeLayout;
import io.tributary.schema.HistoryEntry;
import io.tributary.schema.SchemaHistory;
import io.tributary.store.ObjectStore;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the table maintenance loop of a service that lands Iceberg datasets, unless {@code maintenance.enabled}
 * is false (the deploy's scheduled task maintains instead): every task runs the loop, one at a time holds the lease
 * and maintains (docs/operations.md, "Table maintenance").
 */
public final class ServiceMaintenanceLoop {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceMaintenanceLoop.class);

  private ServiceMaintenanceLoop() {}

  /** The started loop, or empty without Iceberg datasets or with maintenance off. */
  static Optional<MaintenanceLoop> start(ServiceConfig config, ObjectStore store, MeterRegistry registry) {
    Optional<IcebergWiring> iceberg = config.iceberg();
    MaintenanceConfig maintenance = MaintenanceConfig.of(config.config());
    if (iceberg.isEmpty() || !maintenance.enabled()) {
      return Optional.empty();
    }
    IcebergWiring wiring = iceberg.get();
    if (wiring.catalog() instanceof IcebergCatalogSpec.Rest && wiring.storeRoot().startsWith("s3://")) {
      // A REST catalog over S3 (S3 Tables, Polaris...) keeps the table files in its own storage, which the lake's
      // store does not reach; S3 Tables compacts and expires by itself.
      LOG.info("Table maintenance left to the REST catalog: its tables' files are outside the lake's store");
      return Optional.empty();
    }
    LandingSettings landing = config.landingSettings();
    MaintenanceLoop loop = new MaintenanceLoop(lake(config, wiring, store, registry), new MaintenanceLease(store,
        new LakeLayout(landing.prefix(), landing.errorPrefix()), config.instanceId(), maintenance.lease(),
        Clock.systemUTC()), maintenance.interval());
    loop.start();
    return Optional.of(loop);
  }

  /** The maintenance of {@code config}'s Iceberg tables: what the loop runs, and {@code tributary maintain} once. */
  public static LakeMaintenance lake(ServiceConfig config, IcebergWiring wiring, ObjectStore store,
      MeterRegistry registry) {
    LandingSettings landing = config.landingSettings();
    MaintenanceConfig maintenance = MaintenanceConfig.of(config.config());
    Clock clock = Clock.systemUTC();
    SchemaHistory history = new SchemaHistory(store, landing.prefix(), config.instanceId(), clock);
    return ServiceMaintenance.lake(wiring.catalogName(), wiring.catalog(), wiring.namespace(), wiring.storeRoot(),
        store, new LakeLayout(landing.prefix(), landing.errorPrefix()),
        dataset -> history.entries(dataset).stream().map(HistoryEntry::schema).toList(), maintenance::settings,
        landing.parquet(), registry, clock);
  }
}
