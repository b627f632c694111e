package io.tributary.schema.internal;

import io.tributary.decode.BigNumber;
import io.tributary.decode.DecodeLimits;
import io.tributary.decode.DecodeResult;
import io.tributary.decode.JsonDecoder;
import io.tributary.schema.ColumnNames;
import io.tributary.schema.ColumnType;
import io.tributary.schema.MetadataColumns;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of buffered rows that wait in {@code _rescued} for their column's type to be decided (undecided whole
 * numbers, {@link NumberTyping#undecided}): what they call for ({@link #evidence}) and, once their columns exist,
 * moving them into them ({@link #rehome}). Only whole numbers and objects are taken out of {@code _rescued}, and only
 * into an empty slot of a column that now exists, shaped exactly as the event would have been: a value that still
 * does not fit stays under its pointer, so re-homing a row twice changes nothing.
 */
public final class WaitingValues {
  private static final JsonDecoder DECODER = new JsonDecoder(new DecodeLimits(Integer.MAX_VALUE, 1 << 16));

  private WaitingValues() {}

  /**
   * The rescued whole numbers and objects of {@code row} as one event, each at its pointer (empty when it has
   * none): evolving a schema with the events of a buffer's rows, one after the other and nothing deferred, adds the
   * columns the waiting values call for, as their events would have at once. Every waiting value is whole (a
   * fraction for a waiting field publishes a DOUBLE column at once), so the first value decides as well as any.
   */
  public static Map<String, Object> evidence(Object[] row) {
    Map<String, Object> rescued = rescuedOf(row);
    return rescued == null ? Map.of() : event(rescued);
  }

  /** The whole numbers and objects of {@code values} (by JSON Pointer) as one event, each at its pointer. */
  public static Map<String, Object> event(Map<String, Object> values) {
    Map<String, Object> event = new LinkedHashMap<>();
    values.forEach((pointer, value) -> {
      if (movable(value)) {
        putFirst(event, segments(pointer), value);
      }
    });
    return event;
  }

  /**
   * The values of {@code waiting} (by JSON Pointer) that {@code event} contradicts: it holds a value at the same
   * pointer that is no number (for a waiting whole number) or no object (for a waiting object). The first value of
   * a field decides its type when the values after it are not all numbers, as for any field.
   */
  public static Map<String, Object> contradicted(Map<String, Object> waiting, Map<String, Object> event) {
    Map<String, Object> contradicted = new LinkedHashMap<>();
    waiting.forEach((pointer, value) -> {
      Object now = at(event, segments(pointer));
      if (now != null && (value instanceof Map<?, ?> ? !(now instanceof Map<?, ?>) : !isNumber(now))) {
        contradicted.put(pointer, value);
      }
    });
    return contradicted;
  }

  private static boolean isNumber(Object value) {
    return value instanceof Long || value instanceof Double || value instanceof BigNumber;
  }

  private static Object at(Map<String, Object> event, List<String> path) {
    Object value = event;
    for (String step : path) {
      if (!(value instanceof Map<?, ?> map)) {
        return null;
      }
      value = map.get(step);
    }
    return value;
  }

  /**
   * {@code row} (read under an earlier or the same version) with every waiting value that now has an empty column
   * in {@code shaper}'s version moved into it (a copy); {@code row} itself when nothing moved.
   */
  public static Object[] rehome(RowShaper shaper, Object[] row) {
    Map<String, Object> rescued = rescuedOf(row);
    if (rescued == null) {
      return row;
    }
    StructType root = shaper.schema().root();
    Object[] out = Arrays.copyOf(row, Math.max(row.length, root.fields().size()));
    Map<String, Object> kept = new LinkedHashMap<>();
    boolean moved = false;
    for (Map.Entry<String, Object> entry : rescued.entrySet()) {
      Map<String, Object> left = movable(entry.getValue())
          ? place(shaper, root, out, entry.getKey(), entry.getValue()) : null;
      if (left == null) {
        kept.put(entry.getKey(), entry.getValue());
      } else {
        kept.putAll(left);
        moved = true;
      }
    }
    if (!moved) {
      return row;
    }
    out[MetadataColumns.RESCUED_INDEX] = kept.isEmpty() ? null : JsonText.write(kept);
    return out;
  }

  private static boolean movable(Object value) {
    return value instanceof Long || value instanceof Map<?, ?> m && !m.isEmpty();
  }

  /**
   * Moves {@code value}, rescued at {@code pointer}, into its column of {@code row}: the values of it that still
   * have no column, by pointer, or null when it stays where it is (no column, the slot is taken, or it does not fit).
   */
  private static Map<String, Object> place(RowShaper shaper, StructType root, Object[] row, String pointer,
      Object value) {
    List<String> path = segments(pointer);
    if (value instanceof Long whole) {
      Boolean placed = placeWhole(root, row, path, whole);
      if (placed != null) {
        return placed ? Map.of() : null;
      }
    }
    Map<String, Object> event = new LinkedHashMap<>();
    putFirst(event, path, value);
    Object[] shaped = shaper.shape(event, 0L, "", "", "").row();
    Map<String, Object> left = rescuedOf(shaped);
    if (left != null && left.containsKey(pointer)) {
      return null;
    }
    StructType type = root;
    Object[] target = row;
    Object[] from = shaped;
    for (int i = 0; i < path.size(); i++) {
      int index = type.indexOf(ColumnNames.sanitize(path.get(i)));
      if (index < 0 && i == path.size() - 1) {
        return intoKeyMap(type, target, from, path.get(i), left);
      }
      if (index < 0 || type == root && index < MetadataColumns.COUNT || from.length <= index || from[index] == null) {
        return null;
      }
      if (target[index] == null) {
        target[index] = from[index];
        return left == null ? Map.of() : left;
      }
      Object[] nested = i == path.size() - 1 ? null : descend(type, target, index);
      if (nested == null) {
        return null;
      }
      type = (StructType) type.fields().get(index).type();
      target = nested;
      from = (Object[]) from[index];
    }
    return null;
  }

  /**
   * The common case without shaping an event for it: a whole number whose path leads, through structs the row
   * holds, to a LONG column, or to a DOUBLE column that holds it exactly (the value the shaper would give). True when
   * it was put in its empty slot, false when the slot is taken (it stays), null when the shaper must decide (any
   * other column or path).
   */
  private static Boolean placeWhole(StructType root, Object[] row, List<String> path, long whole) {
    StructType type = root;
    Object[] target = row;
    for (int i = 0; i < path.size(); i++) {
      int index = type.indexOf(ColumnNames.sanitize(path.get(i)));
      if (index < 0 || type == root && index < MetadataColumns.COUNT) {
        return null;
      }
      ColumnType column = type.fields().get(index).type();
      if (i == path.size() - 1) {
        Object value = column == PrimitiveType.LONG ? (Object) whole
            : column == PrimitiveType.DOUBLE && NumberTyping.exactInDouble(whole) ? (Object) (double) whole : null;
        if (value == null) {
          return null;
        }
        if (target[index] != null) {
          return false;
        }
        target[index] = value;
        return true;
      }
      Object[] nested = descend(type, target, index);
      if (nested == null) {
        return null;
      }
      type = (StructType) column;
      target = nested;
    }
    return null;
  }

  /**
   * The struct value at {@code index} of {@code target} (of {@code type}), replaced by a copy widened to its
   * struct's fields, so the row handed in is never changed; null when the field is no struct or holds none.
   */
  private static Object[] descend(StructType type, Object[] target, int index) {
    if (!(type.fields().get(index).type() instanceof StructType child) || index >= target.length
        || !(target[index] instanceof Object[] nested)) {
      return null;
    }
    Object[] widened = Arrays.copyOf(nested, Math.max(nested.length, child.fields().size()));
    target[index] = widened;
    return widened;
  }

  /** Moves the entry {@code key} the shaper put in the key map of a struct into the row's, if it has none. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> intoKeyMap(StructType type, Object[] target, Object[] from, String key,
      Map<String, Object> left) {
    int keys = KeyMaps.indexIn(type);
    if (keys < 0 || from.length <= keys || !(from[keys] instanceof Map<?, ?> shaped) || !shaped.containsKey(key)) {
      return null;
    }
    Map<String, Object> held = (Map<String, Object>) target[keys];
    if (held != null && held.containsKey(key)) {
      return null;
    }
    Map<String, Object> entries = held == null ? new LinkedHashMap<>() : new LinkedHashMap<>(held);
    entries.put(key, shaped.get(key));
    target[keys] = entries;
    return left == null ? Map.of() : left;
  }

  /** Puts {@code value} at {@code path} in {@code event}, unless something is there already. */
  @SuppressWarnings("unchecked")
  private static void putFirst(Map<String, Object> event, List<String> path, Object value) {
    Map<String, Object> at = event;
    for (int i = 0; i < path.size() - 1; i++) {
      Object next = at.computeIfAbsent(path.get(i), k -> new LinkedHashMap<String, Object>());
      if (!(next instanceof LinkedHashMap<?, ?>)) {
        return;
      }
      at = (Map<String, Object>) next;
    }
    at.putIfAbsent(path.get(path.size() - 1), value);
  }

  /** The reference tokens of a JSON Pointer (RFC 6901), unescaped. */
  private static List<String> segments(String pointer) {
    List<String> segments = new ArrayList<>();
    for (String token : pointer.substring(1).split("/", -1)) {
      segments.add(token.replace("~1", "/").replace("~0", "~"));
    }
    return segments;
  }

  private static Map<String, Object> rescuedOf(Object[] row) {
    if (row.length <= MetadataColumns.RESCUED_INDEX || !(row[MetadataColumns.RESCUED_INDEX] instanceof String text)) {
      return null;
    }
    DecodeResult decoded = DECODER.decode(text.getBytes(StandardCharsets.UTF_8));
    if (!(decoded instanceof DecodeResult.Decoded ok)) {
      throw new IllegalStateException("Cannot read a buffered _rescued value back: " + decoded);
    }
    return ok.event();
  }
}
