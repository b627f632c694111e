package io.tributary.schema;

import io.tributary.decode.TapeEvent;
import io.tributary.schema.internal.ColumnCounts;
import io.tributary.schema.internal.Evolution;
import io.tributary.schema.internal.KeyMapDetector;
import io.tributary.schema.internal.OverrideTree;
import io.tributary.schema.internal.RowShaper;
import io.tributary.schema.internal.SchemaMerge;
import io.tributary.schema.internal.WaitingValues;
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
  private final boolean wholeNumbersWait;
  /** The most first values of waiting fields one dataset remembers (they only serve contradictions). */
  private static final int MAX_WAITING = 10_000;

  /**
   * Every new column is typed by the event that creates it.
   *
   * @param settings the evolution settings of each dataset (called once per dataset)
   */
  public DatasetSchemas(SchemaHistory history, Function<String, EvolutionSettings> settings) {
    this(history, settings, false);
  }

  /**
   * @param settings the evolution settings of each dataset (called once per dataset)
   * @param wholeNumbersWait true when a new field whose first value is a whole number that neither its name, its
   *     magnitude nor an override types waits, in {@code _rescued}, for the values after it: rows holding such
   *     values must go through {@link #decide} before they are written (what the landing does at every roll);
   *     false to type it LONG at once. Strict datasets never wait.
   */
  public DatasetSchemas(SchemaHistory history, Function<String, EvolutionSettings> settings,
      boolean wholeNumbersWait) {
    this.history = Objects.requireNonNull(history, "history may not be null");
    this.settings = Objects.requireNonNull(settings, "settings may not be null");
    this.wholeNumbersWait = wholeNumbersWait;
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
    DatasetState state = stateOf(dataset);
    RowShaper shaper = state.shaper;
    RowShaper.Shaping shaping = shaper.shape(event, ingestMicros, source, partition, offset);
    boolean strict = state.settings.policy() == SchemaPolicy.STRICT;
    if (!shaping.growable() && shaper.schema() != null) {
      if (strict && shaping.rescued() > 0) {
        return new ShapeResult.Rejected(shaping.firstProblem());
      }
      state.waiting(shaping.waiting());
      return new ShapeResult.Shaped(shaper.schema(), shaping.row(), shaping.rescued(), false,
          !shaping.waiting().isEmpty());
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
    state.waiting(shaping.waiting());
    return new ShapeResult.Shaped(shaper.schema(), shaping.row(), shaping.rescued(), published,
        !shaping.waiting().isEmpty());
  }

  /**
   * Shapes an event left in its tape ({@link TapeEvent}): when every value fits a column of the dataset's latest
   * version as it is, the row stays in the tape ({@link ShapeResult.Fitted}, {@code into} filled), else the event
   * is built and shaped as {@link #shape(String, Map, long, String, String, String)} does (new columns, rescued
   * values and the strict policy included).
   *
   * @param into the calling thread's row, reused event after event
   */
  public ShapeResult shape(String dataset, TapeEvent event, FittedRow into, long ingestMicros, String source,
      String partition, String offset) {
    RowShaper shaper = stateOf(dataset).shaper;
    if (shaper.fit(event.tape(), into, ingestMicros, source, partition, offset)) {
      return new ShapeResult.Fitted(shaper.schema(), into);
    }
    return shape(dataset, event.toJsonObject(), ingestMicros, source, partition, offset);
  }

  /**
   * Decides the type of every column the waiting values of {@code rows} (rows of {@code dataset}, read under one of
   * its versions) call for, and publishes them: LONG, since every waiting value is a whole number with an exact
   * double (a fraction publishes a DOUBLE column at once). A column another instance published first keeps that
   * instance's type. The rows are then to be re-homed under the newest version ({@link NumberDecision#rehome}): a
   * waiting value goes into its column when it fits (a whole number fits LONG and DOUBLE alike), else stays in
   * {@code _rescued}.
   *
   * <p>{@code rows} is read once, a row at a time, and no row is kept: each row's waiting values are folded at once
   * into the columns they call for, so the memory a decision takes grows with the columns, never with the rows.
   */
  public NumberDecision decide(String dataset, Iterable<Object[]> rows) {
    DatasetState state = stateOf(dataset);
    DatasetSchema base;
    synchronized (state) {
      base = state.refresh(dataset);
    }
    StructType grown = base == null ? MetadataColumns.emptyRoot() : base.root();
    for (Object[] row : rows) {
      Map<String, Object> event = WaitingValues.evidence(row);
      if (!event.isEmpty()) {
        // The lock only for the fold (the key-map detector is not thread-safe), not for reading the rows.
        synchronized (state) {
          grown = state.grow(grown, event);
        }
      }
    }
    boolean published;
    RowShaper newest;
    synchronized (state) {
      published = state.decide(dataset, base, grown);
      newest = state.shaper;
    }
    return new NumberDecision(newest.schema(), published, row -> WaitingValues.rehome(newest, row));
  }

  /** The latest version this instance knows for {@code dataset}, or null before its first event. */
  public DatasetSchema current(String dataset) {
    DatasetState state = datasets.get(dataset);
    return state == null ? null : state.shaper.schema();
  }

  /** The state of {@code dataset}, loaded on its first event (a lookup first: no function object per event). */
  private DatasetState stateOf(String dataset) {
    DatasetState state = datasets.get(dataset);
    return state != null ? state : datasets.computeIfAbsent(dataset, this::load);
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
    /**
     * The first value of each field waiting for its type, by JSON Pointer (at most {@value #MAX_WAITING}): an event
     * that contradicts one (text where a whole number waits) decides it at once, as the first value would have.
     */
    final Map<String, Object> waiting = new ConcurrentHashMap<>();

    DatasetState(EvolutionSettings settings) {
      this.settings = settings;
      this.overrides = OverrideTree.of(settings.overrides());
      this.keyMaps = new KeyMapDetector(settings.mapDetection());
    }

    void install(DatasetSchema schema) {
      StructType root = schema == null ? MetadataColumns.emptyRoot() : schema.root();
      boolean canGrow = ColumnCounts.dataLeaves(root) < settings.maxColumns();
      shaper = new RowShaper(schema, root, overrides, canGrow, defers());
    }

    /** Remembers the values a shaped row holds waiting for their type. */
    void waiting(Map<String, Object> values) {
      if (values.isEmpty()) {
        return;
      }
      if (waiting.size() < MAX_WAITING) {
        values.forEach(waiting::putIfAbsent);
      }
    }

    private boolean defers() {
      return wholeNumbersWait && settings.policy() != SchemaPolicy.STRICT;
    }

    /** Brings the schema up to date for {@code event}; true if this call published a version. Caller holds the lock. */
    boolean evolve(String dataset, Map<String, Object> event) {
      DatasetSchema known = refresh(dataset);
      StructType root = known == null ? MetadataColumns.emptyRoot() : known.root();
      StructType decided = root;
      if (!waiting.isEmpty()) {
        // The first value decides a waiting field that this event gives no number.
        Map<String, Object> contradicted = WaitingValues.contradicted(waiting, event);
        decided = Evolution.evolve(root, WaitingValues.event(contradicted), overrides, settings.maxColumns(), false);
        contradicted.keySet().forEach(waiting::remove);
      }
      StructType mapped = keyMaps.decide(decided, event, overrides, settings.maxColumns());
      StructType grown = Evolution.evolve(mapped, event, overrides, settings.maxColumns(), defers());
      return publish(dataset, known, root, grown);
    }

    /**
     * {@code grown} with the columns the waiting values of {@code event} (one row's) call for, nothing deferred, as
     * their event would have added them at once. Caller holds the lock.
     */
    StructType grow(StructType grown, Map<String, Object> event) {
      StructType mapped = keyMaps.decide(grown, event, overrides, settings.maxColumns());
      return Evolution.evolve(mapped, event, overrides, settings.maxColumns(), false);
    }

    /**
     * Publishes {@code grown}, the columns waiting values called for on top of {@code base}, merged into the
     * history's latest version if another was published since (its columns and types win); true if this call
     * published a version. Caller holds the lock.
     */
    boolean decide(String dataset, DatasetSchema base, StructType grown) {
      DatasetSchema known = refresh(dataset);
      StructType root = known == null ? MetadataColumns.emptyRoot() : known.root();
      StructType wanted = known == base ? grown : SchemaMerge.merge(root, grown, settings.maxColumns());
      boolean published = wanted != root && publish(dataset, known, root, wanted);
      // Decided (or, past the column cap, never to have a column): nothing left to contradict.
      waiting.clear();
      return published;
    }

    /** Installs the history's latest version if it is newer than the one known; returns the one now known. */
    DatasetSchema refresh(String dataset) {
      DatasetSchema known = shaper.schema();
      DatasetSchema latest = history.latest(dataset).orElse(null);
      if (latest != null && (known == null || latest.version() > known.version())) {
        install(latest);
        known = latest;
      }
      return known;
    }

    private boolean publish(String dataset, DatasetSchema known, StructType root, StructType grown) {
      if (grown == root && known != null) {
        return false;
      }
      DatasetSchema published = history.publish(dataset, known, grown, settings.maxColumns());
      install(published);
      return known == null || published.version() > known.version();
    }
  }
}
