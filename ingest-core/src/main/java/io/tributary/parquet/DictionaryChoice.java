package io.tributary.parquet;

import io.tributary.buffer.RowCursor;
import io.tributary.schema.ColumnType;
import io.tributary.schema.ListType;
import io.tributary.schema.MapType;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Chooses, from a sample of a file's first rows, the columns not worth a dictionary. Parquet dictionary-encodes
 * every column by default: each value is hashed into the column's dictionary and, for a column of mostly distinct
 * values (ids, URLs, timestamps, offsets), the dictionary is thrown away at the end of the page and every value
 * written again as plain. Hashing and writing twice was a third of the encoding time; such columns are written
 * plain from the start. Columns that repeat values keep their dictionary, so files stay as small.
 *
 * <p>Leaves of structs and of lists (a list of structs' {@code items.list.element.sku}, say) are judged on their first
 * {@value #SAMPLE_ROWS} present values; map keys and values keep Parquet's default.
 */
public final class DictionaryChoice {
  /** Rows sampled; enough to tell an id column from a category column. */
  public static final int SAMPLE_ROWS = 1_000;
  /** Fewer present values than this in the sample decide nothing: the column keeps its dictionary. */
  static final int MIN_VALUES = 100;
  /** What a list adds to its elements' column paths: Parquet's three-level list, {@code <list>.list.element}. */
  private static final String LIST_PATH = ParquetSchemas.LIST_GROUP + "." + ParquetSchemas.LIST_ELEMENT + ".";

  private DictionaryChoice() {}

  /**
   * The dotted paths ({@code a.b}, as Parquet names columns) of the leaf columns of {@code root} whose present
   * values in {@code sample} are more than half distinct.
   */
  public static Set<String> plainColumns(StructType root, List<Object[]> sample) {
    Set<String> plain = new TreeSet<>();
    collect(root, sample, plain);
    return plain;
  }

  /**
   * Like {@link #plainColumns(StructType, List)}, from the first {@link #SAMPLE_ROWS} rows {@code rows} reads (a
   * buffer's rows, read under {@code root}): values are counted by their hashes, without building them.
   */
  public static Set<String> plainColumns(StructType root, RowCursor rows) {
    List<String> paths = new ArrayList<>();
    List<DistinctHashes> counts = new ArrayList<>();
    Sampler sampler = Sampler.of(root, "", paths, counts);
    for (int n = 0; n < SAMPLE_ROWS && rows.nextRow(); n++) {
      sampler.read(rows);
    }
    Set<String> plain = new TreeSet<>();
    for (int i = 0; i < paths.size(); i++) {
      if (mostlyDistinct(counts.get(i).present(), counts.get(i).distinct())) {
        plain.add(paths.get(i));
      }
    }
    return plain;
  }

  /**
   * Whether the first {@link #SAMPLE_ROWS} of {@code values} (a column written beside a buffer's rows, every value
   * present) are more than half distinct: the choice {@link #plainColumns(StructType, List)} makes for such a column.
   */
  public static boolean mostlyDistinct(long[] values) {
    int sampled = Math.min(values.length, SAMPLE_ROWS);
    DistinctHashes counts = new DistinctHashes(SAMPLE_ROWS);
    for (int i = 0; i < sampled; i++) {
      counts.add(DistinctHashes.ofLong(values[i]));
    }
    return mostlyDistinct(counts.present(), counts.distinct());
  }

  private static boolean mostlyDistinct(int present, int distinct) {
    return present >= MIN_VALUES && distinct * 2 > present;
  }

  /** Reads one present value of a type from a cursor, counting the values of the sampled leaves. */
  private record Sampler(ColumnType type, Sampler[] fields, Sampler element, DistinctHashes counts) {

    /** The sampler of {@code type}: its leaves outside lists and maps, but booleans, are counted. */
    static Sampler of(ColumnType type, String path, List<String> paths, List<DistinctHashes> counts) {
      if (type instanceof StructType struct) {
        Sampler[] fields = new Sampler[struct.fields().size()];
        for (int i = 0; i < fields.length; i++) {
          String name = path + struct.fields().get(i).name();
          fields[i] = of(struct.fields().get(i).type(), name + ".", paths, counts);
        }
        return new Sampler(type, fields, null, null);
      }
      if (type instanceof ListType list) {
        return new Sampler(type, null, of(list.element(), path + LIST_PATH, paths, counts), null);
      }
      DistinctHashes count = null;
      if (type instanceof PrimitiveType primitive && primitive != PrimitiveType.BOOLEAN) {
        count = new DistinctHashes(SAMPLE_ROWS);
        paths.add(path.substring(0, path.length() - 1));
        counts.add(count);
      }
      return new Sampler(type, null, null, count);
    }

    /** Reads the value (the row, or a present value whose marker was read). */
    void read(RowCursor in) {
      if (fields != null) {
        int present = in.struct();
        for (int i = 0; i < present; i++) {
          if (in.present()) {
            fields[i].read(in);
          }
        }
        return;
      }
      if (element != null) {
        int size = in.entries();
        for (int i = 0; i < size; i++) {
          if (in.present()) {
            element.read(in);
          }
        }
        return;
      }
      long hash = value(type, in);
      if (counts != null && counts.present() < SAMPLE_ROWS) {
        counts.add(hash);
      }
    }

    /** Reads a present value of {@code type}: its hash for a primitive, 0 for what is only skipped. */
    private static long value(ColumnType type, RowCursor in) {
      if (type instanceof PrimitiveType primitive) {
        return switch (primitive) {
          case LONG, TIMESTAMP -> DistinctHashes.ofLong(in.longValue());
          case DOUBLE -> DistinctHashes.ofLong(Double.doubleToLongBits(in.doubleValue()));
          case BOOLEAN -> in.booleanValue() ? 1 : 0;
          case STRING, JSON -> {
            in.string();
            yield DistinctHashes.ofBytes(in.bytes(), in.offset(), in.length());
          }
        };
      }
      if (type instanceof StructType struct) {
        int present = in.struct();
        for (int i = 0; i < present; i++) {
          if (in.present()) {
            value(struct.fields().get(i).type(), in);
          }
        }
      } else if (type instanceof ListType list) {
        int size = in.entries();
        for (int i = 0; i < size; i++) {
          if (in.present()) {
            value(list.element(), in);
          }
        }
      } else {
        int size = in.entries();
        for (int i = 0; i < size; i++) {
          in.string();
          if (in.present()) {
            value(((MapType) type).value(), in);
          }
        }
      }
      return 0;
    }
  }

  private static void collect(StructType root, List<Object[]> sample, Set<String> plain) {
    Map<String, List<Object>> values = new LinkedHashMap<>();
    for (Object[] row : sample) {
      leafValues(root, row, "", values);
    }
    values.forEach((path, present) -> {
      if (mostlyDistinct(present.size(), new HashSet<>(present).size())) {
        plain.add(path);
      }
    });
  }

  /** Adds the present values of {@code value}'s leaves (first {@link #SAMPLE_ROWS} per leaf) under their paths. */
  private static void leafValues(ColumnType type, Object value, String path, Map<String, List<Object>> values) {
    if (value == null) {
      return;
    }
    if (type instanceof StructType struct) {
      Object[] fields = (Object[]) value;
      for (int i = 0; i < struct.fields().size() && i < fields.length; i++) {
        leafValues(struct.fields().get(i).type(), fields[i], path + struct.fields().get(i).name() + ".", values);
      }
    } else if (type instanceof ListType list) {
      for (Object element : (List<?>) value) {
        leafValues(list.element(), element, path + LIST_PATH, values);
      }
    } else if (type instanceof PrimitiveType primitive && primitive != PrimitiveType.BOOLEAN) {
      List<Object> present = values.computeIfAbsent(path.substring(0, path.length() - 1), p -> new ArrayList<>());
      if (present.size() < SAMPLE_ROWS) {
        present.add(value);
      }
    }
  }
}
