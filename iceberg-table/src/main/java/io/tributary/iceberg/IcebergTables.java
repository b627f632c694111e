package io.tributary.iceberg;

import io.tributary.schema.DatasetSchema;
import io.tributary.store.StoreException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.UpdateSchema;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.types.TypeUtil;

/**
 * The tables of the Iceberg datasets: created on a dataset's first file (format v2, the partition spec of
 * {@link IcebergSettings}) and evolved, one {@link UpdateSchema} per schema version in history order, so that the
 * table's field ids are those of {@link IcebergSchemas}; checked after every change, so a file is never written
 * with ids the table does not have. A schema commit that conflicts or whose outcome is unknown is resolved by
 * reading the table again: the version's columns are in, or are added by the next attempt. Thread-safe.
 */
final class IcebergTables {
  /** Concurrent schema changes by other instances: each retry sees theirs, so a few are enough. */
  private static final int MAX_ATTEMPTS = 10;

  private final Supplier<Catalog> catalog;
  private final IcebergSettings settings;
  private final Function<String, List<DatasetSchema>> history;
  private final Map<String, List<Schema>> replayed = new HashMap<>();
  private final Map<String, List<DatasetSchema>> versions = new HashMap<>();

  /**
   * @param catalog the catalog, asked at each use (it may be opened lazily)
   * @param history every version of a dataset's schema history, in order from version 1
   */
  IcebergTables(Supplier<Catalog> catalog, IcebergSettings settings, Function<String, List<DatasetSchema>> history) {
    this.catalog = Objects.requireNonNull(catalog, "catalog may not be null");
    this.settings = Objects.requireNonNull(settings, "settings may not be null");
    this.history = Objects.requireNonNull(history, "history may not be null");
  }

  TableIdentifier id(String dataset) {
    return TableIdentifier.of(Namespace.of(settings.namespace().split("\\.")), dataset);
  }

  /** The Iceberg schemas of {@code dataset}'s versions 1 to at least {@code version}, with the rule's ids. */
  synchronized List<Schema> schemas(String dataset, int version) {
    List<Schema> known = replayed.get(dataset);
    if (known == null || known.size() < version) {
      List<DatasetSchema> read = List.copyOf(history.apply(dataset));
      if (read.size() < version) {
        throw new IllegalStateException("Cannot find version " + version + " of the schema of " + dataset
            + ": its history has " + read.size());
      }
      known = List.copyOf(IcebergSchemas.replay(read));
      replayed.put(dataset, known);
      versions.put(dataset, read);
    }
    return known;
  }

  /** Versions 1 to at least {@code version} of {@code dataset}'s schema history. */
  private synchronized List<DatasetSchema> versions(String dataset, int version) {
    schemas(dataset, version);
    return versions.get(dataset);
  }

  /** The Iceberg schema of {@code schema}'s version. */
  Schema schemaOf(DatasetSchema schema) {
    return schemas(schema.dataset(), schema.version()).get(schema.version() - 1);
  }

  /** The table of {@code dataset}, or null when it does not exist yet. */
  Table load(String dataset) {
    try {
      return catalog.get().loadTable(id(dataset));
    } catch (NoSuchTableException e) {
      return null;
    }
  }

  /**
   * The table of {@code schema}'s dataset with at least the columns of its version, with the rule's ids: created
   * or evolved as needed.
   *
   * @throws IllegalStateException when the table's ids differ from the rule's (a table changed by someone else)
   */
  Table ensure(DatasetSchema schema) {
    List<Schema> schemas = schemas(schema.dataset(), schema.version());
    List<DatasetSchema> versions = versions(schema.dataset(), schema.version());
    for (int attempt = 1; ; attempt++) {
      try {
        Table table = load(schema.dataset());
        if (table == null) {
          table = create(schema.dataset(), schemas.get(0));
        }
        for (int v = 2; v <= schema.version(); v++) {
          evolve(table, versions.get(v - 2), versions.get(v - 1));
        }
        check(table, schemas.get(schema.version() - 1));
        return table;
      } catch (CommitFailedException | CommitStateUnknownException | AlreadyExistsException e) {
        // Another instance's change came first, or the catalog's answer was lost: the next attempt loads the table
        // again and sees whether the version's columns are in (evolve adds only what is missing). Never guess.
        if (attempt >= MAX_ATTEMPTS) {
          throw new StoreException("Cannot create or evolve table " + id(schema.dataset()) + " to version "
              + schema.version() + " after " + attempt + " attempts: " + e.getMessage(), true, e);
        }
      }
    }
  }

  private Table create(String dataset, Schema first) {
    PartitionSpec.Builder spec = PartitionSpec.builderFor(first);
    IcebergSettings.TableLayout layout = settings.layout(dataset);
    switch (layout.granularity()) {
      case HOUR -> spec.hour(IcebergSchemas.EVENT_TIME);
      case DAY -> spec.day(IcebergSchemas.EVENT_TIME);
      case MONTH -> spec.month(IcebergSchemas.EVENT_TIME);
      case YEAR -> spec.year(IcebergSchemas.EVENT_TIME);
    }
    Map<String, String> properties = new HashMap<>(settings.tableProperties());
    properties.put(TableProperties.FORMAT_VERSION, "2");
    for (String column : layout.identityColumns()) {
      if (first.findField(column) != null) {
        spec.identity(column);
        // Full bounds: a file's partition value is read back from them (IcebergDataFiles.describe).
        properties.put(TableProperties.METRICS_MODE_COLUMN_CONF_PREFIX + column, "full");
      }
    }
    Catalog.TableBuilder builder = catalog.get().buildTable(id(dataset), first).withPartitionSpec(spec.build())
        .withProperties(properties);
    if (settings.locationRoot() != null) {
      builder.withLocation(settings.locationRoot() + "/" + dataset);
    }
    return builder.create();
  }

  /** Adds what {@code to} adds to {@code from}, unless the table has it already: one schema commit. */
  private static void evolve(Table table, DatasetSchema from, DatasetSchema to) {
    List<IcebergSchemas.Addition> additions = IcebergSchemas.additions(from, to,
        new AtomicInteger(table.schema().highestFieldId()));
    if (additions.stream().allMatch(addition -> table.schema().findField(name(addition)) != null)) {
      return; // in already: made by another instance, or by our own commit whose answer was lost
    }
    UpdateSchema update = table.updateSchema();
    for (IcebergSchemas.Addition addition : additions) {
      if (addition.parent() == null) {
        update.addColumn(addition.field().name(), addition.field().type());
      } else {
        update.addColumn(addition.parent(), addition.field().name(), addition.field().type());
      }
    }
    update.commit();
    table.refresh();
  }

  private static String name(IcebergSchemas.Addition addition) {
    return addition.parent() == null ? addition.field().name() : addition.parent() + "." + addition.field().name();
  }

  private static void check(Table table, Schema expected) {
    Map<String, Integer> ours = TypeUtil.indexByName(expected.asStruct());
    Map<String, Integer> theirs = TypeUtil.indexByName(table.schema().asStruct());
    for (Map.Entry<String, Integer> column : ours.entrySet()) {
      if (!column.getValue().equals(theirs.get(column.getKey()))) {
        throw new IllegalStateException("Invalid table " + table.name() + ": column " + column.getKey()
            + " has id " + theirs.get(column.getKey()) + ", the schema history gives " + column.getValue()
            + " (was the table changed by another writer?)");
      }
    }
  }
}
