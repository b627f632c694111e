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
 */
public record EvolutionSettings(SchemaPolicy policy, int maxColumns, List<PathOverride> overrides) {

  /** Enough for any hand-designed event; far below where Parquet writers and Athena start to suffer. */
  public static final int DEFAULT_MAX_COLUMNS = DatasetKeys.MAX_COLUMNS.byDefault();

  public EvolutionSettings {
    Objects.requireNonNull(policy, "policy may not be null");
    if (maxColumns < 1) {
      throw new IllegalArgumentException("Invalid max columns " + maxColumns + ": must be at least 1");
    }
    overrides = List.copyOf(overrides);
  }

  /** The keys' defaults: evolve, 1000 columns, no overrides. */
  public static EvolutionSettings defaults() {
    return new EvolutionSettings(SchemaPolicy.fromConfig(DatasetKeys.POLICY.byDefault()), DEFAULT_MAX_COLUMNS,
        List.of());
  }

  public EvolutionSettings withPolicy(SchemaPolicy newPolicy) {
    return new EvolutionSettings(newPolicy, maxColumns, overrides);
  }

  public EvolutionSettings withMaxColumns(int newMaxColumns) {
    return new EvolutionSettings(policy, newMaxColumns, overrides);
  }

  public EvolutionSettings withOverrides(List<PathOverride> newOverrides) {
    return new EvolutionSettings(policy, maxColumns, newOverrides);
  }
}
