package io.tributary.iceberg.maintain;

import io.tributary.iceberg.ObjectStoreFileIO;
import io.tributary.layout.LakeLayout;
import io.tributary.parquet.WriteOptions;
import io.tributary.schema.DatasetSchema;
import io.tributary.store.ObjectStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maintenance of the Iceberg tables of a lake: every table of the namespace (or one dataset's), each with its
 * dataset's {@link MaintenanceSettings}, one after the other. A table whose run fails is logged and counted and
 * the others still run; the next run tries it again. One INFO line per run says what was done. What one runner at a
 * time means is the caller's ({@link MaintenanceLease}, {@link MaintenanceLoop}); {@code leader} is asked before
 * every change, so a runner that lost its lease stops changing tables.
 */
public final class LakeMaintenance {
  private static final Logger LOG = LoggerFactory.getLogger(LakeMaintenance.class);

  /** Where the lake is: its store, the FileIO the tables' files go through, and the engine's layout. */
  public record Lake(ObjectStore store, ObjectStoreFileIO io, LakeLayout layout) {
    public Lake {
      Objects.requireNonNull(store, "store may not be null");
      Objects.requireNonNull(io, "io may not be null");
      Objects.requireNonNull(layout, "layout may not be null");
    }
  }

  private final Supplier<Catalog> catalog;
  private final Namespace namespace;
  private final Function<String, List<DatasetSchema>> history;
  private final Function<String, MaintenanceSettings> settings;
  private final TableMaintenance tables;
  private final MaintenanceMetrics metrics;

  /**
   * @param namespace the catalog namespace of the tables (dotted levels)
   * @param history every version of a dataset's schema history, in order from version 1
   * @param settings each dataset's settings
   * @param options how rewritten files are written (compression)
   */
  public LakeMaintenance(Catalog catalog, String namespace, Lake lake, Function<String, List<DatasetSchema>> history,
      Function<String, MaintenanceSettings> settings, WriteOptions options, MaintenanceMetrics metrics, Clock clock) {
    this(constant(Objects.requireNonNull(catalog, "catalog may not be null")), namespace, lake, history, settings,
        options, metrics, clock);
  }

  /**
   * As above, with the catalog opened on first use ({@code IcebergCatalogs.lazy}): a service whose catalog is down
   * at start still starts, and a run fails (logged, retried at the next interval) until the catalog answers.
   */
  public LakeMaintenance(Supplier<Catalog> catalog, String namespace, Lake lake,
      Function<String, List<DatasetSchema>> history, Function<String, MaintenanceSettings> settings,
      WriteOptions options, MaintenanceMetrics metrics, Clock clock) {
    this.catalog = Objects.requireNonNull(catalog, "catalog may not be null");
    this.namespace = Namespace.of(namespace.split("\\."));
    this.history = Objects.requireNonNull(history, "history may not be null");
    this.settings = Objects.requireNonNull(settings, "settings may not be null");
    this.metrics = Objects.requireNonNull(metrics, "metrics may not be null");
    this.tables = new TableMaintenance(new OrphanFiles(lake.store(), lake.io(), lake.layout(), clock), options,
        clock);
  }

  /**
   * Maintains every table of the namespace, or only {@code dataset}'s.
   *
   * @param dryRun find what would be done and change nothing
   * @param leader whether this runner may still change tables (false once its lease is lost)
   * @return one report per table maintained (failed tables have none)
   * @throws IllegalArgumentException when {@code dataset} is given and has no table
   */
  public List<MaintenanceReport> run(Optional<String> dataset, boolean dryRun, BooleanSupplier leader) {
    long start = System.nanoTime();
    List<String> datasets = new ArrayList<>();
    for (TableIdentifier id : catalog.get().listTables(namespace)) {
      if (dataset.isEmpty() || dataset.get().equals(id.name())) {
        datasets.add(id.name());
      }
    }
    if (dataset.isPresent() && datasets.isEmpty()) {
      throw new IllegalArgumentException("Cannot maintain dataset " + dataset.get() + ": namespace " + namespace
          + " has no table of that name");
    }
    List<MaintenanceReport> reports = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (String name : datasets) {
      if (!dryRun && !leader.getAsBoolean()) {
        break;
      }
      try {
        Table table = catalog.get().loadTable(TableIdentifier.of(namespace, name));
        MaintenanceReport report = tables.run(table, name, history.apply(name), settings.apply(name), dryRun, leader);
        metrics.record(report);
        reports.add(report);
        LOG.debug("Maintained {}", report);
      } catch (RuntimeException e) {
        failed.add(name);
        metrics.failed(name);
        LOG.warn("Cannot maintain table {} of {}: {}", name, namespace, e.toString(), e);
      }
    }
    LOG.info("{}Maintained {} of {} tables in {} ms: data files {} -> {}, {} partitions compacted ({} bytes "
            + "rewritten), {} snapshots expired, {} orphans removed{}", dryRun ? "(dry run) " : "", reports.size(),
        datasets.size(), (System.nanoTime() - start) / 1_000_000,
        reports.stream().mapToLong(MaintenanceReport::dataFilesBefore).sum(),
        reports.stream().mapToLong(MaintenanceReport::dataFilesAfter).sum(),
        reports.stream().mapToInt(r -> r.partitions().size()).sum(),
        reports.stream().mapToLong(MaintenanceReport::bytesRewritten).sum(),
        reports.stream().mapToInt(MaintenanceReport::snapshotsExpired).sum(),
        reports.stream().mapToInt(MaintenanceReport::orphansRemoved).sum(),
        failed.isEmpty() ? "" : "; failed: " + String.join(", ", failed));
    return reports;
  }

  private static Supplier<Catalog> constant(Catalog catalog) {
    return () -> catalog;
  }
}
