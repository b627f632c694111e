package io.tributary.schema;

import io.tributary.decode.BigNumber;
import io.tributary.decode.DecodeLimits;
import io.tributary.decode.DecodeResult;
import io.tributary.decode.JsonDecoder;
import io.tributary.schema.internal.KeyMaps;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rescue hot spots of a dataset: which field paths send values to {@code _rescued}, what those values are, and
 * the override that would have kept them in a column. Fed the {@code _rescued} values of rows (a reader of the
 * dataset's files calls {@link #add} per row); the logic of {@code tributary schemas --advise}. Not thread-safe.
 *
 * <p>A column's type never changes, so an override fixes a path for columns created from then on: a new dataset,
 * or a path that has no column yet.
 */
public final class RescueAdvice {
  private static final JsonDecoder DECODER = new JsonDecoder(DecodeLimits.defaults());

  private final StructType root;
  private final Map<String, Spot> spots = new TreeMap<>();
  private long unreadable;

  /** @param schema the dataset's latest version, against which paths are resolved */
  public RescueAdvice(DatasetSchema schema) {
    this.root = schema.root();
  }

  /**
   * One hot spot.
   *
   * @param path the field path as overrides spell it ({@code order.items[].price})
   * @param column the column's type at the path ({@code bigint}, ...), or null when it has no column
   * @param values how many values were rescued there
   * @param kinds how many of each kind of JSON value ({@code fraction}, {@code whole number}, {@code string}, ...)
   * @param advice the override or setting that would keep such values, with why
   */
  public record HotSpot(String path, String column, long values, Map<String, Long> kinds, String advice) {}

  /** Counts the values of one row's {@code _rescued} JSON object; null (nothing rescued) is ignored. */
  public void add(String rescued) {
    if (rescued == null) {
      return;
    }
    DecodeResult result = DECODER.decode(rescued.getBytes(StandardCharsets.UTF_8));
    if (!(result instanceof DecodeResult.Decoded decoded)) {
      unreadable++;
      return;
    }
    for (Map.Entry<String, Object> value : decoded.event().entrySet()) {
      Resolved at = resolve(value.getKey());
      spots.computeIfAbsent(at.path, p -> new Spot(at.column)).add(kind(value.getValue()));
    }
  }

  /** The rows whose {@code _rescued} was not a JSON object (none, unless a file was written by something else). */
  public long unreadable() {
    return unreadable;
  }

  /** The hot spots, most values first. */
  public List<HotSpot> hotSpots() {
    List<HotSpot> out = new ArrayList<>();
    spots.forEach((path, spot) -> out.add(new HotSpot(path, spot.column == null ? null : HiveTypes.of(spot.column),
        spot.values, Map.copyOf(spot.kinds), advice(path, spot))));
    out.sort(Comparator.comparingLong(HotSpot::values).reversed().thenComparing(HotSpot::path));
    return out;
  }

  private static String advice(String path, Spot spot) {
    if (spot.column == null) {
      return "no column: past max-columns, or a second name for one column; raise max-columns, or pin the object"
          + " holding it to map if its keys are data";
    }
    boolean numbersOnly = spot.kinds.keySet().stream()
        .allMatch(k -> k.equals("whole number") || k.equals("fraction") || k.equals("big number"));
    if (spot.column == PrimitiveType.LONG && numbersOnly) {
      return path + ": double (fractions in a bigint column, decided before the first fraction came)";
    }
    if (spot.column == PrimitiveType.DOUBLE && numbersOnly) {
      return "none: whole numbers beyond 2^53 have no exact double; " + path + ": string would not take numbers"
          + " either, " + path + ": json keeps them as text";
    }
    return path + ": json (values of several JSON types: one text column keeps them all)";
  }

  /** Where a JSON Pointer of {@code _rescued} lands in the schema: its override path and the column there. */
  private Resolved resolve(String pointer) {
    StringBuilder path = new StringBuilder();
    ColumnType type = root;
    for (String raw : pointer.substring(1).split("/", -1)) {
      String step = raw.replace("~1", "/").replace("~0", "~");
      if (type instanceof ListType list) {
        path.append("[]");
        type = list.element();
      } else if (type instanceof StructType struct) {
        Field field = struct.field(ColumnNames.sanitize(step));
        path.append(path.isEmpty() ? "" : ".").append(step);
        int keys = KeyMaps.indexIn(struct);
        type = field != null && !field.name().equals(KeyMaps.FIELD) ? field.type()
            : keys >= 0 ? ((MapType) struct.fields().get(keys).type()).value() : null;
      } else if (type instanceof MapType map) {
        type = map.value();
      } else {
        path.append(path.isEmpty() ? "" : ".").append(step);
        type = null;
      }
    }
    return new Resolved(path.toString(), type);
  }

  private static String kind(Object value) {
    if (value instanceof Long) {
      return "whole number";
    }
    if (value instanceof Double d) {
      return d == Math.rint(d) ? "whole number" : "fraction";
    }
    if (value instanceof BigNumber) {
      return "big number";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    return value instanceof Map<?, ?> ? "object" : "array";
  }

  private record Resolved(String path, ColumnType column) {}

  /** The values rescued at one path. */
  private static final class Spot {
    final ColumnType column;
    final Map<String, Long> kinds = new TreeMap<>();
    long values;

    Spot(ColumnType column) {
      this.column = column;
    }

    void add(String kind) {
      values++;
      kinds.merge(kind, 1L, Long::sum);
    }
  }
}
