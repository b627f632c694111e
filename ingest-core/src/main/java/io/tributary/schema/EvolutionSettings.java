package io.tributary.schema;

import io.tributary.config.DatasetKeys;
import java.util.List;
import java.util.Objects;

/**
 * How one dataset's schema evolves.
 *
 * @param policy evolve (default) or strict
 * @param maxColumns the most leaf columns the dataset may have, metadata columns excluded; fields beyond it go to
 *     {@code _rescued}
 * @param overrides paths pinned to a type, to JSON text or to a map; configured timestamp fields are overrides to
 *     {@link PrimitiveType#TIMESTAMP}
 * @param mapDetection whether and when an object whose keys are data becomes a map by itself
 */
public record EvolutionSettings(SchemaPolicy policy, int maxColumns, List<PathOverride> overrides,
    MapDetection mapDetection) {

  /** Enough for any hand-designed event; far below where Parquet writers and Athena start to suffer. */
  public static final int DEFAULT_MAX_COLUMNS = DatasetKeys.MAX_COLUMNS.byDefault();

  public EvolutionSettings {
    Objects.requireNonNull(policy, "policy may not be null");
    if (maxColumns < 1) {
      throw new IllegalArgumentException("Invalid max columns " + maxColumns + ": must be at least 1");
    }
    overrides = List.copyOf(overrides);
    Objects.requireNonNull(mapDetection, "mapDetection may not be null");
  }

  /** The settings with map detection on, at its defaults. */
  public EvolutionSettings(SchemaPolicy policy, int maxColumns, List<PathOverride> overrides) {
    this(policy, maxColumns, overrides, MapDetection.defaults());
  }

  /** The keys' defaults: evolve, 1000 columns, no overrides; map detection on. */
  public static EvolutionSettings defaults() {
    return new EvolutionSettings(SchemaPolicy.fromConfig(DatasetKeys.POLICY.byDefault()), DEFAULT_MAX_COLUMNS,
        List.of());
  }

  public EvolutionSettings withPolicy(SchemaPolicy newPolicy) {
    return new EvolutionSettings(newPolicy, maxColumns, overrides, mapDetection);
  }

  public EvolutionSettings withMaxColumns(int newMaxColumns) {
    return new EvolutionSettings(policy, newMaxColumns, overrides, mapDetection);
  }

  public EvolutionSettings withOverrides(List<PathOverride> newOverrides) {
    return new EvolutionSettings(policy, maxColumns, newOverrides, mapDetection);
  }

  public EvolutionSettings withMapDetection(MapDetection newMapDetection) {
    return new EvolutionSettings(policy, maxColumns, overrides, newMapDetection);
  }

  /**
   * When an object whose keys are data (ids, SKUs, feature flags) becomes a {@code map<string, V>} by itself,
   * instead of a column per key: see docs/schema-evolution.md, "Objects whose keys are data".
   *
   * @param enabled false to keep every key a column (explicit {@code map} overrides still apply)
   * @param minKeys the fewest distinct keys (columns plus the event's new keys) an object must have before it can
   *     become a map, when most of its new keys look like data (digits, hex); keys that look like names need
   *     {@value #NAME_KEYS_FACTOR} times as many
   */
  public record MapDetection(boolean enabled, int minKeys) {
    /** Few enough that a map is decided after a few dozen columns at most. */
    public static final int DEFAULT_MIN_KEYS = DatasetKeys.MAP_DETECTION_MIN_KEYS.byDefault();
    /** How many times {@code minKeys} an object whose keys look like names needs. */
    public static final int NAME_KEYS_FACTOR = 3;

    public MapDetection {
      if (minKeys < 2) {
        throw new IllegalArgumentException("Invalid map detection min keys " + minKeys + ": must be at least 2");
      }
    }

    /** The keys' defaults: on, 16 keys. */
    public static MapDetection defaults() {
      return new MapDetection(DatasetKeys.MAP_DETECTION.byDefault(), DEFAULT_MIN_KEYS);
    }

    /** Off: every key of every object is a column, as far as the column cap allows. */
    public static MapDetection disabled() {
      return new MapDetection(false, DEFAULT_MIN_KEYS);
    }
  }
}
