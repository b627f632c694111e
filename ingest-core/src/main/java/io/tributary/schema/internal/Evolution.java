package io.tributary.schema.internal;

import io.tributary.decode.BigNumber;
import io.tributary.schema.ColumnNames;
import io.tributary.schema.ColumnType;
import io.tributary.schema.Field;
import io.tributary.schema.ListType;
import io.tributary.schema.MapType;
import io.tributary.schema.PathOverride;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import java.util.List;
import java.util.Map;

/**
 * Grows a schema to hold an event: new fields become new optional columns, at any depth, inside arrays of objects
 * and map values too. It never changes an existing column's type: a value that does not fit is left for the shaper
 * to rescue. Deterministic: the same schema and event give the same result on every instance.
 *
 * <p>Inference: integers are LONG (but see {@link NumberTyping} for measures and lists with fractions), every
 * other number DOUBLE, booleans BOOLEAN, strings STRING, objects structs,
 * arrays lists whose element type is that of the first typed element (struct elements contribute the union of
 * their fields). Nulls, empty objects and empty arrays infer nothing: their column waits for a typed value.
 */
public final class Evolution {
  private final ColumnBudget budget;
  /** Whether a whole number that only the values to come can type waits for them ({@link NumberTyping#undecided}). */
  private final boolean deferWhole;
  /** How many lists and maps the walk is inside: their numbers are typed at once, from all their elements. */
  private int collections;

  private Evolution(int remainingColumns, boolean deferWhole) {
    this.budget = new ColumnBudget(remainingColumns);
    this.deferWhole = deferWhole;
  }

  /**
   * The root struct grown to hold {@code event}, or {@code root} itself (same instance) when nothing was added.
   *
   * @param maxColumns the cap on data leaf columns
   */
  public static StructType evolve(StructType root, Map<String, Object> event, OverrideTree overrides, int maxColumns) {
    return evolve(root, event, overrides, maxColumns, false);
  }

  /**
   * As {@link #evolve(StructType, Map, OverrideTree, int)}; with {@code deferWhole}, a new field of plain objects
   * whose value is an undecided whole number ({@link NumberTyping#undecided}) gets no column yet: its value waits
   * in {@code _rescued} for the decision ({@code UndecidedNumbers}).
   */
  public static StructType evolve(StructType root, Map<String, Object> event, OverrideTree overrides, int maxColumns,
      boolean deferWhole) {
    Evolution evolution = new Evolution(maxColumns - ColumnCounts.dataLeaves(root), deferWhole);
    return evolution.evolveStruct(root, event, overrides);
  }

  /** The type a brand-new value would get, or null when it is deferred (null, empty, or no budget). */
  public static ColumnType inferUnbounded(Object value, OverrideTree overrides) {
    return new Evolution(Integer.MAX_VALUE, false).infer(null, value, overrides);
  }

  /**
   * The type a brand-new field {@code name} of a plain object would get for {@code value}, or null when it is
   * deferred: null, empty, or (with {@code deferWhole}) an undecided whole number, alone or in new objects.
   */
  public static ColumnType inferField(String name, Object value, OverrideTree overrides, boolean deferWhole) {
    if (deferWhole && NumberTyping.undecided(name, value, overrides)) {
      return null;
    }
    return new Evolution(Integer.MAX_VALUE, deferWhole).infer(name, value, overrides);
  }

  private StructType evolveStruct(StructType struct, Map<String, Object> object, OverrideTree overrides) {
    StructType result = struct;
    for (Map.Entry<String, Object> entry : object.entrySet()) {
      Object value = entry.getValue();
      if (value == null) {
        continue;
      }
      String name = ColumnNames.sanitize(entry.getKey());
      OverrideTree child = OverrideTree.child(overrides, name);
      int index = result.indexOf(name);
      int keys = KeyMaps.indexIn(result);
      if (keys >= 0 && (index < 0 || index == keys)) {
        // An object whose keys are data: a key without a column is a map entry, whose value may grow the map's type.
        Field map = result.fields().get(keys);
        ColumnType grown = evolveType(map.type(), Map.of(entry.getKey(), value), null);
        if (grown != map.type()) {
          result = result.withReplaced(keys, map.withType(grown));
        }
      } else if (index < 0) {
        if (deferWhole && collections == 0 && NumberTyping.undecided(entry.getKey(), value, child)) {
          continue;
        }
        ColumnType type = infer(entry.getKey(), value, child);
        if (type != null) {
          result = result.withAppended(new Field(name, entry.getKey(), type));
        }
      } else {
        Field field = result.fields().get(index);
        ColumnType grown = evolveType(field.type(), value, child);
        if (grown != field.type()) {
          result = result.withReplaced(index, field.withType(grown));
        }
      }
    }
    return result;
  }

  private ColumnType evolveType(ColumnType type, Object value, OverrideTree overrides) {
    if (type instanceof StructType s && value instanceof Map<?, ?> m) {
      return evolveStruct(s, asObject(m), overrides);
    }
    if (!(type instanceof ListType || type instanceof MapType)) {
      return type;
    }
    collections++;
    try {
      return evolveCollection(type, value, overrides);
    } finally {
      collections--;
    }
  }

  private ColumnType evolveCollection(ColumnType type, Object value, OverrideTree overrides) {
    if (type instanceof ListType l && value instanceof List<?> list) {
      ColumnType element = l.element();
      OverrideTree elementOverrides = OverrideTree.element(overrides);
      for (Object item : list) {
        if (item != null) {
          element = evolveType(element, item, elementOverrides);
        }
      }
      element = NumberTyping.widenNew(element, l.element(), asList(list), elementOverrides);
      return element == l.element() ? type : new ListType(element);
    }
    if (type instanceof MapType mt && value instanceof Map<?, ?> m) {
      ColumnType valueType = mt.value();
      for (Object item : m.values()) {
        if (item != null) {
          valueType = evolveType(valueType, item, null);
        }
      }
      return valueType == mt.value() ? type : new MapType(valueType);
    }
    return type;
  }

  /** @param name the JSON name of the field (a list's name for its elements), a hint for numbers; may be null */
  private ColumnType infer(String name, Object value, OverrideTree overrides) {
    if (value == null) {
      return null;
    }
    PathOverride pinned = OverrideTree.at(overrides);
    if (pinned != null) {
      return inferPinned(name, pinned, value);
    }
    if (value instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        return null;
      }
      StructType grown = evolveStruct(StructType.EMPTY, asObject(m), overrides);
      return grown.fields().isEmpty() ? null : grown;
    }
    if (value instanceof List<?> list) {
      collections++;
      try {
        return inferList(name, list, overrides);
      } finally {
        collections--;
      }
    }
    PrimitiveType primitive = value instanceof String || value instanceof Boolean
        ? primitiveOf(value) : NumberTyping.of(name, value);
    return budget.take(1) ? primitive : null;
  }

  private ColumnType inferList(String name, List<?> list, OverrideTree overrides) {
    ColumnType element = null;
    OverrideTree elementOverrides = OverrideTree.element(overrides);
    Object first = null;
    for (Object item : list) {
      if (element == null) {
        element = infer(name, item, elementOverrides);
        first = item;
      } else {
        element = evolveType(element, item, elementOverrides);
      }
    }
    if (element == PrimitiveType.LONG && OverrideTree.at(elementOverrides) == null) {
      element = NumberTyping.ofElements(name, list, first);
    } else if (element != null) {
      element = NumberTyping.widenNew(element, null, asList(list), elementOverrides);
    }
    return element == null ? null : new ListType(element);
  }

  private ColumnType inferPinned(String name, PathOverride pinned, Object value) {
    switch (pinned.kind()) {
      case TYPE:
        return budget.take(1) ? pinned.type() : null;
      case JSON:
        return budget.take(1) ? PrimitiveType.JSON : null;
      case MAP:
        if (!(value instanceof Map<?, ?> m) || !budget.take(1)) {
          return null;
        }
        ColumnType valueType = null;
        collections++;
        try {
          for (Object item : m.values()) {
            valueType = valueType == null ? infer(name, item, null) : evolveType(valueType, item, null);
          }
        } finally {
          collections--;
        }
        return valueType == null ? null : new MapType(valueType);
      default:
        throw new IllegalStateException("Unknown override kind " + pinned.kind());
    }
  }

  /** The primitive type inferred for a scalar of the decoded value model. */
  static PrimitiveType primitiveOf(Object value) {
    if (value instanceof String) {
      return PrimitiveType.STRING;
    }
    if (value instanceof Long) {
      return PrimitiveType.LONG;
    }
    if (value instanceof Double || value instanceof BigNumber) {
      return PrimitiveType.DOUBLE;
    }
    if (value instanceof Boolean) {
      return PrimitiveType.BOOLEAN;
    }
    throw new IllegalArgumentException("Not a decoded JSON scalar: " + value.getClass().getName());
  }

  @SuppressWarnings("unchecked")
  private static List<Object> asList(List<?> list) {
    return (List<Object>) list;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asObject(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }
}
