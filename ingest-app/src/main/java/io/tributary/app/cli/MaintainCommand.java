package io.tributary.app.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.app.config.ConfigLoader;
import io.tributary.app.config.IcebergWiring;
import io.tributary.app.config.MaintenanceConfig;
import io.tributary.app.config.ServiceConfig;
import io.tributary.app.service.ServiceMaintenanceLoop;
import io.tributary.iceberg.maintain.LakeMaintenance;
import io.tributary.iceberg.maintain.MaintenanceLease;
import io.tributary.iceberg.maintain.MaintenanceReport;
import io.tributary.landing.LandingSettings;
import io.tributary.layout.LakeLayout;
import io.tributary.store.ObjectStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tributary maintain}: one maintenance run over the Iceberg tables of a configuration (what the service's
 * loop does), for a scheduled task. Takes the maintenance lease first, so it never runs beside the service's loop
 * or another scheduled run; a dry run needs no lease and changes nothing.
 */
@Command(name = "maintain", mixinStandardHelpOptions = true, description = {"Compact the small files of the Iceberg "
    + "tables, rewrite piled-up manifests, expire old snapshots and remove orphan files, once (docs/operations.md)."})
final class MaintainCommand implements Callable<Integer> {

  @Option(names = {"-c", "--config"}, paramLabel = "FILE", required = true,
      description = "The service's configuration: its store, prefix, catalog and maintenance settings.")
  Path config;

  @Option(names = "--dataset", paramLabel = "NAME", description = "Maintain only this dataset's table.")
  String dataset;

  @Option(names = "--dry-run", description = "Report what would be done; change and delete nothing.")
  boolean dryRun;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var loaded = ConfigLoader.standard().load(config);
    ServiceConfig service = ServiceConfig.withoutSource(loaded);
    MaintenanceConfig maintenance = MaintenanceConfig.of(loaded);
    LandingSettings landing = service.landingSettings();
    ObjectStore store = service.openStore();
    LakeLayout layout = new LakeLayout(landing.prefix(), landing.errorPrefix());
    IcebergWiring iceberg = service.iceberg().orElseThrow(() -> new CommandFailure("Cannot maintain: "
        + loaded.origin() + " configures no Iceberg catalog"));
    LakeMaintenance lake = ServiceMaintenanceLoop.lake(service, iceberg, store, new SimpleMeterRegistry());
    PrintWriter out = spec.commandLine().getOut();
    if (dryRun) {
      print(out, lake.run(Optional.ofNullable(dataset), true, () -> true));
      return 0;
    }
    MaintenanceLease lease = new MaintenanceLease(store, layout, service.instanceId(), maintenance.lease(),
        Clock.systemUTC());
    if (!lease.acquire()) {
      out.println("Another task holds the maintenance lease: nothing done.");
      out.flush();
      return 0;
    }
    ScheduledExecutorService renewal = Executors.newSingleThreadScheduledExecutor();
    long third = Math.max(1, maintenance.lease().toMillis() / 3);
    renewal.scheduleWithFixedDelay(lease::acquire, third, third, TimeUnit.MILLISECONDS);
    try {
      print(out, lake.run(Optional.ofNullable(dataset), false, lease::held));
      return 0;
    } finally {
      renewal.shutdownNow();
      lease.release();
    }
  }

  private static void print(PrintWriter out, List<MaintenanceReport> reports) {
    reports.forEach(out::println);
    out.flush();
  }
}
