package io.tributary.schema.internal;

import io.tributary.schema.ColumnNames;
import io.tributary.schema.ColumnType;
import io.tributary.schema.EvolutionSettings.MapDetection;
import io.tributary.schema.Field;
import io.tributary.schema.MetadataColumns;
import io.tributary.schema.StructType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the objects of a dataset whose keys are data (user ids, SKUs, feature flags) before they explode into
 * columns, and gives each a {@link KeyMaps} map field. The evidence, gathered from the events that add keys to an
 * object path (the only events that reach here, on the schema's slow path):
 * <ul>
 *   <li>many distinct keys across records: the struct's columns plus the event's new keys reach
 *       {@link MapDetection#minKeys()} (that many times {@value MapDetection#NAME_KEYS_FACTOR} when most new keys
 *       look like names rather than data);</li>
 *   <li>few per record: those distinct keys are at least {@value #KEYS_PER_RECORD_RATIO} times the keys an event
 *       carries on average, over at least {@value #MIN_EVENTS} events; a schema that grows by releases carries its
 *       old fields in every event, so it never qualifies.</li>
 * </ul>
 * The decision becomes a schema version like any column, so every instance agrees through the history; the values'
 * type is the map's value type (JSON text when they differ). Objects with an override at or below them are left
 * alone: the configuration knows them. Not thread-safe: one per dataset, used under its lock.
 */
public final class KeyMapDetector {
  /** Distinct keys per keys-in-one-event above which an object looks like a bag of data keys. */
  static final int KEYS_PER_RECORD_RATIO = 4;
  /** Events that added keys to an object path before it can be judged. */
  static final int MIN_EVENTS = 4;

  private final MapDetection settings;
  private final Map<String, PathStats> stats = new HashMap<>();

  public KeyMapDetector(MapDetection settings) {
    this.settings = settings;
  }

  /**
   * {@code root} with a map field added to each object of {@code event} found to hold data keys; {@code root} itself
   * when none is.
   */
  public StructType decide(StructType root, Map<String, Object> event, OverrideTree overrides, int maxColumns) {
    if (!settings.enabled()) {
      return root;
    }
    ColumnBudget budget = new ColumnBudget(maxColumns - ColumnCounts.dataLeaves(root));
    return struct(root, event, "", overrides, budget, true);
  }

  private StructType struct(StructType struct, Map<String, Object> object, String path, OverrideTree overrides,
      ColumnBudget budget, boolean isRoot) {
    StructType result = struct;
    for (Map.Entry<String, Object> entry : object.entrySet()) {
      if (!(entry.getValue() instanceof Map<?, ?> value) || value.isEmpty()) {
        continue;
      }
      String name = ColumnNames.sanitize(entry.getKey());
      int index = result.indexOf(name);
      if (index < 0 || (isRoot && index < MetadataColumns.COUNT)
          || !(result.fields().get(index).type() instanceof StructType child)
          || OverrideTree.child(overrides, name) != null || KeyMaps.indexIn(child) >= 0) {
        continue;
      }
      String childPath = path.isEmpty() ? name : path + "." + name;
      Map<String, Object> childObject = Evolution.asObject(value);
      StructType decided = judge(child, childObject, childPath, budget);
      if (decided == child) {
        decided = struct(child, childObject, childPath, null, budget, false);
      }
      if (decided != child) {
        result = result.withReplaced(index, result.fields().get(index).withType(decided));
      }
    }
    return result;
  }

  private StructType judge(StructType struct, Map<String, Object> object, String path, ColumnBudget budget) {
    Set<String> newKeys = new LinkedHashSet<>();
    List<ColumnType> newTypes = new ArrayList<>();
    int keys = 0;
    int dataKeys = 0;
    for (Map.Entry<String, Object> entry : object.entrySet()) {
      if (entry.getValue() == null) {
        continue;
      }
      keys++;
      if (struct.indexOf(ColumnNames.sanitize(entry.getKey())) < 0 && newKeys.add(entry.getKey())) {
        newTypes.add(Evolution.inferUnbounded(entry.getValue(), null));
        dataKeys += KeyMaps.looksLikeData(entry.getKey()) ? 1 : 0;
      }
    }
    if (newKeys.isEmpty()) {
      return struct;
    }
    PathStats seen = stats.computeIfAbsent(path, p -> new PathStats());
    seen.add(keys, newKeys.size(), dataKeys);
    int distinct = struct.fields().size() + newKeys.size();
    int needed = seen.mostlyData() ? settings.minKeys() : settings.minKeys() * MapDetection.NAME_KEYS_FACTOR;
    if (seen.events < MIN_EVENTS || distinct < needed
        || distinct * seen.events < (long) KEYS_PER_RECORD_RATIO * seen.keys) {
      return struct;
    }
    List<ColumnType> types = new ArrayList<>(newTypes);
    for (Field field : struct.fields()) {
      types.add(field.type());
    }
    ColumnType valueType = KeyMaps.valueType(types);
    if (!budget.take(1 + ColumnCounts.leaves(valueType))) {
      return struct;
    }
    return KeyMaps.withMap(struct, valueType);
  }

  /** What the events that added keys to one object path looked like. */
  private static final class PathStats {
    long events;
    long keys;
    long newKeys;
    long dataKeys;

    void add(int eventKeys, int eventNewKeys, int eventDataKeys) {
      events++;
      keys += eventKeys;
      newKeys += eventNewKeys;
      dataKeys += eventDataKeys;
    }

    boolean mostlyData() {
      return dataKeys * 2 > newKeys;
    }
  }
}
