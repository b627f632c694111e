package io.tributary.schema.internal;

import io.tributary.decode.JsonObject;
import io.tributary.decode.Tape;
import io.tributary.schema.ColumnNames;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.FittedRow;
import io.tributary.schema.MetadataColumns;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shapes a decoded event into a row of one schema version: every value lands in its column or, when it does not fit
 * or has no column, in {@code _rescued} under its JSON Pointer. Also tells whether the event holds a value for
 * which the schema could grow a column. Thread-safe; one instance per schema version.
 */
public final class RowShaper {
  private final DatasetSchema schema;
  private final ShapePlan.Struct root;
  private final OverrideTree overrides;
  private final boolean canGrow;
  private final boolean deferWhole;
  /** The node of a field whose key came with null: no value, but its key was seen. */
  private static final int NULL_SEEN = -2;

  /**
   * @param schema the version rows are shaped for; null for a dataset with no version yet
   * @param rootType the root struct (the schema's, or the metadata-only root when there is no version yet)
   * @param canGrow whether the column cap leaves room for new columns
   * @param deferWhole whether a new field whose value is an undecided whole number ({@link NumberTyping#undecided})
   *     waits in {@code _rescued} for the decision instead of growing a column now
   */
  public RowShaper(DatasetSchema schema, StructType rootType, OverrideTree overrides, boolean canGrow,
      boolean deferWhole) {
    this.schema = schema;
    this.root = new ShapePlan.Struct(rootType);
    this.overrides = overrides;
    this.canGrow = canGrow;
    this.deferWhole = deferWhole;
  }

  /** The schema version this shaper writes rows for, or null before the first version. */
  public DatasetSchema schema() {
    return schema;
  }

  /**
   * Shapes {@code event}. The metadata columns are filled from the arguments.
   *
   * @param ingestMicros when the record was taken in, microseconds since the epoch
   */
  public Shaping shape(Map<String, Object> event, long ingestMicros, String source, String partition, String offset) {
    Walk walk = new Walk();
    Object[] row = walk.struct(root, event, null, overrides);
    row[MetadataColumns.INGEST_TIME_INDEX] = ingestMicros;
    row[MetadataColumns.SOURCE_INDEX] = source;
    row[MetadataColumns.PARTITION_INDEX] = partition;
    row[MetadataColumns.OFFSET_INDEX] = offset;
    if (walk.rescued != null) {
      row[MetadataColumns.RESCUED_INDEX] = JsonText.write(walk.rescued);
    }
    Map<String, Object> waiting = walk.waiting == null ? Map.of() : walk.waiting;
    return new Shaping(row, walk.rescued == null ? 0 : walk.rescued.size() - waiting.size(), waiting,
        walk.growable, walk.firstProblem);
  }

  /**
   * Fits the event in {@code tape} into {@code into} when every one of its values has a column of its exact kind
   * (a string in a STRING column, a whole number in a LONG or, when a double holds it exactly, a DOUBLE column, a
   * fraction in a DOUBLE, a boolean in a BOOLEAN, an object in a struct, an array in a list), so that nothing is
   * rescued, converted otherwise or could grow a column: the row {@link #shape} would make, left in the tape. False
   * when the event needs {@link #shape} (a new or misfit value, a timestamp, JSON or map column, a repeated key,
   * no version yet); {@code into} then holds nothing of use.
   */
  public boolean fit(Tape tape, FittedRow into, long ingestMicros, String source, String partition, String offset) {
    if (schema == null) {
      return false;
    }
    into.start(tape, schema, ingestMicros, source, partition, offset);
    int fields = into.reserve(root.fields.length);
    return fitStruct(root, tape, 0, into, fields, true);
  }

  private static boolean fitStruct(ShapePlan.Struct plan, Tape tape, int object, FittedRow into, int first,
      boolean top) {
    if (plan.keys >= 0) {
      return false; // keys that are data: their map is the shaper's
    }
    int member = object + 1;
    for (int i = 0; i < tape.members(object); i++, member = tape.next(member)) {
      int index = plan.indexOf(tape.name(member), i);
      if (tape.kind(member) == Tape.NULL) {
        // Null is no value, as in shape; a key seen twice gives up below, whichever of the two was null.
        if (index >= 0 && !(top && index < MetadataColumns.COUNT)) {
          if (into.node(first + index) != -1) {
            return false;
          }
          into.set(first + index, NULL_SEEN, -1);
        }
        continue;
      }
      if (index < 0 || (top && index < MetadataColumns.COUNT) || into.node(first + index) != -1
          || !fitValue(plan.children[index], tape, member, into, first + index)) {
        return false;
      }
    }
    return true;
  }

  private static boolean fitValue(ShapePlan plan, Tape tape, int node, FittedRow into, int entry) {
    byte kind = tape.kind(node);
    if (plan instanceof ShapePlan.Primitive p) {
      if (!fits(p.type, tape, node, kind)) {
        return false;
      }
      into.set(entry, node, -1);
      return true;
    }
    if (plan instanceof ShapePlan.Struct s) {
      if (kind != Tape.OBJECT) {
        return false;
      }
      int fields = into.reserve(s.fields.length);
      into.set(entry, node, fields);
      return fitStruct(s, tape, node, into, fields, false);
    }
    ShapePlan.Element e = (ShapePlan.Element) plan;
    if (!e.list || kind != Tape.ARRAY) {
      return false;
    }
    int count = tape.members(node);
    int elements = into.reserve(count);
    into.set(entry, node, elements);
    int element = node + 1;
    for (int i = 0; i < count; i++, element = tape.next(element)) {
      if (tape.kind(element) != Tape.NULL && !fitValue(e.item, tape, element, into, elements + i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether a value of {@code kind} goes into a column of {@code type} as {@link Conversions} would put it. */
  private static boolean fits(PrimitiveType type, Tape tape, int node, byte kind) {
    return switch (type) {
      case STRING -> kind == Tape.STRING;
      case LONG -> kind == Tape.LONG;
      case DOUBLE -> kind == Tape.DOUBLE || (kind == Tape.LONG && Conversions.exactDouble(tape.longValue(node)));
      case BOOLEAN -> kind == Tape.TRUE || kind == Tape.FALSE;
      case TIMESTAMP, JSON -> false;
    };
  }

  /**
   * A shaped row.
   *
   * @param row the values, in schema order
   * @param rescued how many values went to {@code _rescued} for good (not counting {@code waiting})
   * @param waiting the values that wait in {@code _rescued} for their column's type to be decided, by JSON Pointer
   * @param growable true when the schema could grow a column for a value this row had to rescue
   * @param firstProblem why the first rescued value was rescued, or null when none was
   */
  public record Shaping(Object[] row, int rescued, Map<String, Object> waiting, boolean growable,
      String firstProblem) {}

  /** The state of shaping one event. */
  private final class Walk {
    Map<String, Object> rescued;
    boolean growable;
    String firstProblem;
    Map<String, Object> waiting;
    /**
     * How many lists and maps the walk is inside: no value in them waits. A short (the decoder's depth limit is far
     * below its range) keeps a walk, one per event, at the size it had before.
     */
    short collections;

    Object[] struct(ShapePlan.Struct plan, Map<String, Object> object, Pointer at, OverrideTree ov) {
      Object[] out = new Object[plan.fields.length];
      if (object instanceof JsonObject json) {
        // The decoder's objects: walked by position, with no entry object per field.
        for (int i = 0; i < json.size(); i++) {
          field(plan, out, json.keyAt(i), json.valueAt(i), at, ov);
        }
      } else {
        for (Map.Entry<String, Object> entry : object.entrySet()) {
          field(plan, out, entry.getKey(), entry.getValue(), at, ov);
        }
      }
      return out;
    }

    /** Shapes the value of field {@code key} of an object into {@code out}, or rescues it. */
    private void field(ShapePlan.Struct plan, Object[] out, String key, Object value, Pointer at, OverrideTree ov) {
      if (value == null) {
        return;
      }
      int index = plan.indexOf(key);
      if (index < 0 && plan.keys >= 0) {
        mapEntry(plan, out, key, value, at);
      } else if (index < 0) {
        unknown(value, at, key, ov == null ? null : OverrideTree.child(ov, ColumnNames.sanitize(key)));
      } else if (out[index] != null) {
        rescue(new Pointer(at, key, -1), value, "'%s' maps to the same column as another field of its object");
      } else {
        ShapePlan child = plan.children[index];
        // Leaves need no pointer unless they misfit: the common case allocates nothing but the value.
        Object shaped = child instanceof ShapePlan.Primitive p
            ? Conversions.convert(p.type, value)
            : value(child, value, new Pointer(at, key, -1), OverrideTree.child(ov, plan.fields[index].name()));
        if (shaped == Conversions.MISFIT) {
          rescue(new Pointer(at, key, -1), value,
              "'%s' does not fit its column type " + plan.fields[index].type().typeName());
        } else {
          out[index] = shaped;
        }
      }
    }

    private Object value(ShapePlan plan, Object value, Pointer at, OverrideTree ov) {
      if (plan instanceof ShapePlan.Primitive p) {
        return Conversions.convert(p.type, value);
      }
      if (plan instanceof ShapePlan.Struct s) {
        return value instanceof Map<?, ?> m ? struct(s, Evolution.asObject(m), at, ov) : Conversions.MISFIT;
      }
      ShapePlan.Element e = (ShapePlan.Element) plan;
      if (e.list) {
        return value instanceof List<?> l ? list(e.item, l, at, OverrideTree.element(ov)) : Conversions.MISFIT;
      }
      return value instanceof Map<?, ?> m ? map(e.item, Evolution.asObject(m), at) : Conversions.MISFIT;
    }

    private List<Object> list(ShapePlan item, List<?> items, Pointer at, OverrideTree ov) {
      collections++;
      try {
        return listIn(item, items, at, ov);
      } finally {
        collections--;
      }
    }

    private List<Object> listIn(ShapePlan item, List<?> items, Pointer at, OverrideTree ov) {
      List<Object> out = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        Object value = items.get(i);
        Object shaped = null;
        if (value != null) {
          Pointer here = new Pointer(at, null, i);
          shaped = value(item, value, here, ov);
          if (shaped == Conversions.MISFIT) {
            rescue(here, value, "'%s' does not fit the list's element type");
            shaped = null;
          }
        }
        out.add(shaped);
      }
      return out;
    }

    private Map<String, Object> map(ShapePlan item, Map<String, Object> entries, Pointer at) {
      collections++;
      try {
        return mapIn(item, entries, at);
      } finally {
        collections--;
      }
    }

    private Map<String, Object> mapIn(ShapePlan item, Map<String, Object> entries, Pointer at) {
      Map<String, Object> out = new LinkedHashMap<>(Math.max(4, entries.size() * 2));
      for (Map.Entry<String, Object> entry : entries.entrySet()) {
        Object value = entry.getValue();
        Object shaped = null;
        if (value != null) {
          Pointer here = new Pointer(at, entry.getKey(), -1);
          shaped = value(item, value, here, null);
          if (shaped == Conversions.MISFIT) {
            rescue(here, value, "'%s' does not fit the map's value type");
            shaped = null;
          }
        }
        out.put(entry.getKey(), shaped);
      }
      return out;
    }

    /** A key without a column in an object whose keys are data: an entry of its map field. */
    @SuppressWarnings("unchecked")
    private void mapEntry(ShapePlan.Struct plan, Object[] out, String key, Object value, Pointer at) {
      Map<String, Object> entries = (Map<String, Object>) out[plan.keys];
      if (entries == null) {
        entries = new LinkedHashMap<>();
        out[plan.keys] = entries;
      }
      Pointer here = new Pointer(at, key, -1);
      collections++;
      Object shaped;
      try {
        shaped = value(((ShapePlan.Element) plan.children[plan.keys]).item, value, here, null);
      } finally {
        collections--;
      }
      if (shaped == Conversions.MISFIT) {
        rescue(here, value, "'%s' does not fit the map's value type");
        shaped = null;
      }
      entries.put(key, shaped);
    }

    private void unknown(Object value, Pointer parent, String key, OverrideTree ov) {
      // Nulls never reach here; empty objects and arrays have no column yet and are kept, not dropped.
      String pointer = rescue(new Pointer(parent, key, -1), value, "'%s' has no column");
      boolean defer = deferWhole && collections == 0;
      if (defer && NumberTyping.waits(key, value, ov)) {
        if (waiting == null) {
          waiting = new LinkedHashMap<>();
        }
        waiting.put(pointer, value);
      }
      if (canGrow && !growable && Evolution.inferField(key, value, ov, defer) != null) {
        growable = true;
      }
    }

    /** Puts {@code value} in {@code _rescued} under its pointer, which it returns. */
    private String rescue(Pointer at, Object value, String problem) {
      if (rescued == null) {
        rescued = new LinkedHashMap<>();
      }
      String pointer = at.toString();
      rescued.put(pointer, value);
      if (firstProblem == null) {
        firstProblem = String.format(problem, pointer);
      }
      return pointer;
    }
  }

  /** A JSON Pointer (RFC 6901) to a value of the original event, built only when a value is rescued. */
  private record Pointer(Pointer parent, String name, int index) {
    @Override
    public String toString() {
      StringBuilder out = new StringBuilder();
      append(out);
      return out.toString();
    }

    private void append(StringBuilder out) {
      if (parent != null) {
        parent.append(out);
      }
      out.append('/');
      if (name == null) {
        out.append(index);
      } else {
        for (int i = 0; i < name.length(); i++) {
          char c = name.charAt(i);
          if (c == '~') {
            out.append("~0");
          } else if (c == '/') {
            out.append("~1");
          } else {
            out.append(c);
          }
        }
      }
    }
  }
}
