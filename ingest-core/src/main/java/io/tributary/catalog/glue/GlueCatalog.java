package io.tributary.catalog.glue;

import io.tributary.catalog.CatalogLayout;
import io.tributary.catalog.CatalogSync;
import io.tributary.catalog.hive.HiveTable;
import io.tributary.catalog.hive.HiveTables;
import io.tributary.errors.ErrorRows;
import io.tributary.metrics.MetricTags;
import io.tributary.metrics.TributaryMeter;
import io.tributary.schema.DatasetSchema;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * The Glue tables of a lake, kept in step by one daemon thread. The calls only record what is wanted and wake the
 * thread; they never wait for Glue, so Glue being down, slow or refusing never holds up landing.
 *
 * <p>Per table, the thread makes the newest wanted version true: it reads the table, creates it (only once files
 * were committed), or updates it with the {@code VersionId} it read, unless the table already declares that
 * version or a newer one ({@value HiveTables#SCHEMA_VERSION_PARAMETER}): a table's version is never lowered, and
 * when two instances race, the loser reads again and finds the newer version or makes it. Calls that arrive while
 * a table waits are coalesced: only the newest version matters. A failed request is counted
 * ({@code tributary.catalog.errors}), logged in one line naming the table and the reason, and retried after
 * {@link RetryDelays}; {@code tributary.catalog.versions.behind} says how far each table lags meanwhile.
 *
 * <p>The errors table enumerates, in its projection, every dataset this instance has seen and every one the table
 * already lists, so instances only ever add to it.
 */
public final class GlueCatalog implements CatalogSync {
  private static final Logger LOG = LoggerFactory.getLogger(GlueCatalog.class);

  private final GlueClient client;
  private final GlueTables tables;
  private final CatalogLayout layout;
  private final MeterRegistry registry;
  private final RetryDelays delays;
  private final ScheduledExecutorService worker;
  private final Map<String, TableState> states = new ConcurrentHashMap<>();
  private final Set<String> datasets = ConcurrentHashMap.newKeySet();
  private volatile boolean databaseChecked;

  /**
   * Starts the catalog's thread.
   *
   * @param client the Glue client, owned from now on: closed by {@link #close()}
   * @param database the Glue database of the tables
   * @param layout where and how the engine writes
   * @param registry where the catalog's meters go
   * @param delays the pauses between attempts
   */
  public GlueCatalog(GlueClient client, String database, CatalogLayout layout, MeterRegistry registry,
      RetryDelays delays) {
    this.client = Objects.requireNonNull(client, "client may not be null");
    this.tables = new GlueTables(client, Objects.requireNonNull(database, "database may not be null"));
    this.layout = Objects.requireNonNull(layout, "layout may not be null");
    this.registry = Objects.requireNonNull(registry, "registry may not be null");
    this.delays = Objects.requireNonNull(delays, "delays may not be null");
    this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "tributary-catalog");
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  public void schemaPublished(DatasetSchema schema) {
    want(schema, false);
  }

  @Override
  public void filesCommitted(DatasetSchema schema) {
    want(schema, true);
  }

  /** {@inheritDoc} Asks for it as a committed file does (creating the table), then reads what Glue was seen to hold. */
  @Override
  public boolean holds(DatasetSchema schema) {
    want(schema, true);
    return states.get(schema.dataset()).holds(schema.version());
  }

  /**
   * Why the last request for the table of {@code dataset} failed, as logged, while it has not succeeded since;
   * empty when it is in step or in progress.
   */
  public Optional<String> lastFailure(String dataset) {
    TableState state = states.get(dataset);
    return state == null ? Optional.empty() : state.lastFailure();
  }

  /** How many schema versions the table of {@code dataset} is behind what this instance wants; 0 when in step. */
  public int versionsBehind(String dataset) {
    TableState state = states.get(dataset);
    return state == null ? 0 : state.behind();
  }

  @Override
  public void close() {
    worker.shutdownNow();
    try {
      worker.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    client.close();
  }

  private void want(DatasetSchema schema, boolean filesCommitted) {
    Objects.requireNonNull(schema, "schema may not be null");
    String dataset = schema.dataset();
    TableState state = states.computeIfAbsent(dataset, this::newState);
    if (state.want(schema, filesCommitted)) {
      schedule(state, Duration.ZERO);
    }
    if (!dataset.equals(ErrorRows.DATASET) && datasets.add(dataset)) {
      TableState errors = states.get(ErrorRows.DATASET);
      if (errors != null && errors.wantDatasets()) {
        schedule(errors, Duration.ZERO);
      }
    }
  }

  private TableState newState(String dataset) {
    TableState state = new TableState(dataset);
    TributaryMeter.CATALOG_VERSIONS_BEHIND.gauge(state::behind).tag(MetricTags.DATASET, dataset).register(registry);
    return state;
  }

  private void schedule(TableState state, Duration delay) {
    if (state.markScheduled()) {
      try {
        worker.schedule(() -> run(state), delay.toMillis(), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // closed: the next start makes the update
      }
    }
  }

  private void run(TableState state) {
    TableState.Wanted wanted = state.startRun();
    try {
      if (!databaseChecked) {
        tables.checkDatabase();
        databaseChecked = true;
      }
      int synced = state.dataset.equals(ErrorRows.DATASET) ? syncErrors(wanted) : syncDataset(wanted);
      state.succeeded(synced);
    } catch (GlueTables.Failed e) {
      GlueFailure failure = e.failure();
      String message = "Cannot sync Glue " + tables.resource(layout.tableName(state.dataset)) + " to schema version "
          + wanted.schema().version() + ": " + failure.reason().word() + ": " + failure.detail();
      int attempt = state.failed(message);
      Duration delay = delays.after(attempt, failure.reason() == GlueFailure.Reason.CONFLICT);
      TributaryMeter.CATALOG_ERRORS.counter()
          .tags(MetricTags.DATASET, state.dataset, MetricTags.REASON, failure.reason().word())
          .register(registry).increment();
      LOG.warn("{}; attempt {}, retrying in {} ms", message, attempt, delay.toMillis());
      state.unmarkScheduled();
      schedule(state, delay);
      return;
    } catch (RuntimeException e) {
      String message = "Cannot sync Glue " + tables.resource(layout.tableName(state.dataset)) + ": " + e;
      LOG.error(message, e);
      state.unmarkScheduled();
      schedule(state, delays.after(state.failed(message), false));
      return;
    }
    state.unmarkScheduled();
    if (state.stillWanted()) {
      schedule(state, Duration.ZERO);
    }
  }

  /** Makes the dataset's table declare the wanted version; returns the version Glue then holds (0: no table). */
  private int syncDataset(TableState.Wanted wanted) {
    HiveTable table = layout.datasetTable(wanted.schema());
    Optional<Table> current = tables.get(table.name());
    if (current.isEmpty()) {
      if (!wanted.mayCreate()) {
        return 0;
      }
      tables.create(table);
      return table.schemaVersion();
    }
    int version = GlueTables.schemaVersion(current.get());
    if (version >= table.schemaVersion()) {
      return version;
    }
    tables.update(table, current.get().versionId());
    return table.schemaVersion();
  }

  /** Makes the errors table exist and enumerate every dataset seen. */
  private int syncErrors(TableState.Wanted wanted) {
    Set<String> seen = new TreeSet<>(datasets);
    String name = layout.tableName(ErrorRows.DATASET);
    Optional<Table> current = tables.get(name);
    if (current.isEmpty()) {
      if (!wanted.mayCreate()) {
        return 0;
      }
      tables.create(layout.errorsTable(seen));
      return ErrorRows.SCHEMA_VERSION;
    }
    Set<String> listed = HiveTables.errorDatasets(current.get().parameters());
    int version = GlueTables.schemaVersion(current.get());
    if (version >= ErrorRows.SCHEMA_VERSION && listed.containsAll(seen)) {
      return version;
    }
    seen.addAll(listed);
    tables.update(layout.errorsTable(seen), current.get().versionId());
    return ErrorRows.SCHEMA_VERSION;
  }
}
