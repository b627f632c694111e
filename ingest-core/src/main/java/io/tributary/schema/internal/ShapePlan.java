package io.tributary.schema.internal;

import io.tributary.schema.ColumnNames;
import io.tributary.schema.ColumnType;
import io.tributary.schema.Field;
import io.tributary.schema.ListType;
import io.tributary.schema.MapType;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A schema compiled for shaping: each struct knows its fields by sanitized name and caches the original JSON names
 * it has seen, so the hot path looks names up in a hash map and sanitizes each distinct name once.
 */
abstract sealed class ShapePlan {

  /** The plan of a column type. */
  static ShapePlan of(ColumnType type) {
    if (type instanceof StructType s) {
      return new Struct(s);
    }
    if (type instanceof ListType l) {
      return new Element(of(l.element()), true);
    }
    if (type instanceof MapType m) {
      return new Element(of(m.value()), false);
    }
    return new Primitive((PrimitiveType) type);
  }

  /** A struct: fields by position, looked up by JSON name. */
  static final class Struct extends ShapePlan {
    /** Original names cached per struct; past this, names (thousands of distinct keys) are sanitized each time. */
    private static final int MAX_CACHED_NAMES = 4096;

    final Field[] fields;
    final ShapePlan[] children;
    /** The position of the map of keys without a column ({@link KeyMaps}), or -1. */
    final int keys;
    private final Map<String, Integer> bySanitized;
    private final ConcurrentHashMap<String, Column> byOriginal = new ConcurrentHashMap<>();
    /**
     * The name and column last met as each member position: events of one service put their keys in one order, so
     * the member at a position is most often called what it was last time. Shared by threads without a lock: a slot
     * holds one immutable pair (from {@link #byOriginal}, so no allocation while the struct has met at most
     * {@value #MAX_CACHED_NAMES} names, but the one that swaps a name's schema copy), and a lost race costs a lookup.
     */
    private final Column[] byPosition;

    /**
     * A JSON name and the position of its column (-1: none); {@code fromSchema} when the name is the schema's own
     * copy, which {@link #column} swaps once for the first copy an event brings. A decoder shares one copy of each
     * short ASCII name across its events (while its slot keeps it), so the check of a position's last name then ends
     * at {@code String.equals}'s identity test; a second decoder's copies compare byte by byte, as before the swap.
     */
    private record Column(String name, int index, boolean fromSchema) {}

    Struct(StructType type) {
      fields = type.fields().toArray(new Field[0]);
      children = new ShapePlan[fields.length];
      byPosition = new Column[fields.length];
      bySanitized = new HashMap<>(fields.length * 2);
      for (int i = 0; i < fields.length; i++) {
        children[i] = of(fields[i].type());
        bySanitized.put(fields[i].name(), i);
        byOriginal.put(fields[i].originalName(), new Column(fields[i].originalName(), i, true));
      }
      keys = KeyMaps.indexIn(type);
      if (keys >= 0) {
        // The map field is no JSON field's column: a key spelled like it is one more map entry.
        bySanitized.remove(KeyMaps.FIELD);
        byOriginal.remove(KeyMaps.FIELD);
      }
    }

    /** The position of the column that JSON field {@code name} maps to, or -1 if the struct has none. */
    int indexOf(String name) {
      return column(name).index;
    }

    /**
     * {@link #indexOf(String)} for the member at {@code position} of its object, tried first against the name
     * last met there.
     */
    int indexOf(String name, int position) {
      if (position >= byPosition.length) {
        return indexOf(name);
      }
      Column last = byPosition[position];
      if (last != null && last.name.equals(name)) {
        return last.index;
      }
      Column column = column(name);
      byPosition[position] = column;
      return column.index;
    }

    private Column column(String name) {
      Column cached = byOriginal.get(name);
      if (cached != null) {
        if (cached.fromSchema && cached.name != name) {
          Column met = new Column(name, cached.index, false);
          byOriginal.replace(name, cached, met);
          return met;
        }
        return cached;
      }
      Column column = new Column(name, bySanitized.getOrDefault(ColumnNames.sanitize(name), -1), false);
      if (byOriginal.size() < MAX_CACHED_NAMES) {
        byOriginal.put(name, column);
      }
      return column;
    }
  }

  /** A list (elements) or a map (values): one plan for every item. */
  static final class Element extends ShapePlan {
    final ShapePlan item;
    final boolean list;

    Element(ShapePlan item, boolean list) {
      this.item = item;
      this.list = list;
    }
  }

  /** A leaf column. */
  static final class Primitive extends ShapePlan {
    final PrimitiveType type;

    Primitive(PrimitiveType type) {
      this.type = type;
    }
  }
}
