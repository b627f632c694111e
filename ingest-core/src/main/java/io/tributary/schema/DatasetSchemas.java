package io.tributary.schema;

import io.tributary.schema.internal.ColumnCounts;
import io.tributary.schema.internal.Evolution;
import io.tributary.schema.internal.KeyMapDetector;
import io.tributary.schema.internal.OverrideTree;
import io.tributary.schema.internal.RowShaper;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The schema layer of the engine: shapes each event into a row of its dataset's latest schema, evolving the schema
 * when an event brings a column it lacks. Thread-safe: events of one dataset may come from many threads; the common
 * case (the event fits) takes no lock.
 */
public final class DatasetSchemas {
  private final SchemaHistory history;
  private final Function<String, EvolutionSettings> settings;
  private final ConcurrentHashMap<String, DatasetState> datasets = new ConcurrentHashMap<>();

  /**
   * @param settings the evolution settings of each dataset (called once per dataset)
   */
  public DatasetSchemas(SchemaHistory history, Function<String, EvolutionSettings> settings) {
    this.history = Objects.requireNonNull(history, "history may not be null");
    this.settings = Objects.requireNonNull(settings, "settings may not be null");
  }

  /**
   * Shapes {@code event} for {@code dataset}.
   *
   * @param event the decoded JSON object
   * @param ingestMicros the ingest time, microseconds since the epoch
   * @param source the topic or stream, for the metadata columns
   * @param partition the partition or shard
   * @param offset the offset or sequence number
   */
  public ShapeResult shape(String dataset, Map<String, Object> event, long ingestMicros, String source,
      String partition, String offset) {
    DatasetState state = datasets.computeIfAbsent(dataset, this::load);
    RowShaper shaper = state.shaper;
    RowShaper.Shaping shaping = shaper.shape(event, ingestMicros, source, partition, offset);
    boolean strict = state.settings.policy() == SchemaPolicy.STRICT;
    if (!shaping.growable() && shaper.schema() != null) {
      if (strict && shaping.rescued() > 0) {
        return new ShapeResult.Rejected(shaping.firstProblem());
      }
      return new ShapeResult.Shaped(shaper.schema(), shaping.row(), shaping.rescued(), false);
    }
    if (strict && shaper.schema() != null) {
      return new ShapeResult.Rejected(shaping.firstProblem());
    }
    boolean published;
    synchronized (state) {
      published = state.evolve(dataset, event);
      shaper = state.shaper;
    }
    shaping = shaper.shape(event, ingestMicros, source, partition, offset);
    if (strict && shaping.rescued() > 0) {
      return new ShapeResult.Rejected(shaping.firstProblem());
    }
    return new ShapeResult.Shaped(shaper.schema(), shaping.row(), shaping.rescued(), published);
  }

  /** The latest version this instance knows for {@code dataset}, or null before its first event. */
  public DatasetSchema current(String dataset) {
    DatasetState state = datasets.get(dataset);
    return state == null ? null : state.shaper.schema();
  }

  private DatasetState load(String dataset) {
    EvolutionSettings datasetSettings = Objects.requireNonNull(settings.apply(dataset),
        () -> "no evolution settings for dataset " + dataset);
    DatasetState state = new DatasetState(datasetSettings);
    state.install(history.latest(dataset).orElse(null));
    return state;
  }

  /** One dataset's settings and the shaper of its latest known version. */
  private final class DatasetState {
    final EvolutionSettings settings;
    final OverrideTree overrides;
    final KeyMapDetector keyMaps;
    volatile RowShaper shaper;

    DatasetState(EvolutionSettings settings) {
      this.settings = settings;
      this.overrides = OverrideTree.of(settings.overrides());
      this.keyMaps = new KeyMapDetector(settings.mapDetection());
    }

    void install(DatasetSchema schema) {
      StructType root = schema == null ? MetadataColumns.emptyRoot() : schema.root();
      boolean canGrow = ColumnCounts.dataLeaves(root) < settings.maxColumns();
      shaper = new RowShaper(schema, root, overrides, canGrow);
    }

    /** Brings the schema up to date for {@code event}; true if this call published a version. Caller holds the lock. */
    boolean evolve(String dataset, Map<String, Object> event) {
      DatasetSchema known = shaper.schema();
      DatasetSchema latest = history.latest(dataset).orElse(null);
      if (latest != null && (known == null || latest.version() > known.version())) {
        install(latest);
        known = latest;
      }
      StructType root = known == null ? MetadataColumns.emptyRoot() : known.root();
      StructType mapped = keyMaps.decide(root, event, overrides, settings.maxColumns());
      StructType grown = Evolution.evolve(mapped, event, overrides, settings.maxColumns());
      if (grown == root && known != null) {
        return false;
      }
      DatasetSchema published = history.publish(dataset, known, grown, settings.maxColumns());
      install(published);
      return known == null || published.version() > known.version();
    }
  }
}
