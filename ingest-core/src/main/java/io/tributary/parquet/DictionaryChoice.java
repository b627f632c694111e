package io.tributary.parquet;

import io.tributary.buffer.RowCursor;
import io.tributary.schema.ColumnType;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.ListType;
import io.tributary.schema.MapType;
import io.tributary.schema.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Chooses, from a sample of a file's first rows, the columns not worth a dictionary. Parquet dictionary-encodes
 * every column by default: each value is hashed into the column's dictionary and, for a column of mostly distinct
 * values (ids, URLs, timestamps, offsets), the dictionary is thrown away at the end of the page and every value
 * written again as plain. Hashing and writing twice was a third of the encoding time; such columns are written
 * plain from the start. Columns that repeat values keep their dictionary, so files stay as small.
 *
 * <p>Only leaves outside lists and maps are chosen (nested struct leaves included); the rest keep Parquet's default.
 */
public final class DictionaryChoice {
  /** Rows sampled; enough to tell an id column from a category column. */
  public static final int SAMPLE_ROWS = 1_000;
  /** Fewer present values than this in the sample decide nothing: the column keeps its dictionary. */
  static final int MIN_VALUES = 100;

  private DictionaryChoice() {}

  /**
   * The dotted paths ({@code a.b}, as Parquet names columns) of the leaf columns of {@code root} whose present
   * values in {@code sample} are more than half distinct.
   */
  public static Set<String> plainColumns(StructType root, List<Object[]> sample) {
    Set<String> plain = new TreeSet<>();
    collect(root, "", sample, new int[0], plain);
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
  private record Sampler(ColumnType type, Sampler[] fields, DistinctHashes counts) {

    /** The sampler of {@code type}: its leaves outside lists and maps, but booleans, are counted. */
    static Sampler of(ColumnType type, String path, List<String> paths, List<DistinctHashes> counts) {
      if (type instanceof StructType struct) {
        Sampler[] fields = new Sampler[struct.fields().size()];
        for (int i = 0; i < fields.length; i++) {
          String name = path + struct.fields().get(i).name();
          fields[i] = of(struct.fields().get(i).type(), name + ".", paths, counts);
        }
        return new Sampler(type, fields, null);
      }
      DistinctHashes count = null;
      if (type instanceof PrimitiveType primitive && primitive != PrimitiveType.BOOLEAN) {
        count = new DistinctHashes(SAMPLE_ROWS);
        paths.add(path.substring(0, path.length() - 1));
        counts.add(count);
      }
      return new Sampler(type, null, count);
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
      long hash = value(type, in);
      if (counts != null) {
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

  private static void collect(StructType struct, String prefix, List<Object[]> sample, int[] at, Set<String> plain) {
    for (int i = 0; i < struct.fields().size(); i++) {
      ColumnType type = struct.fields().get(i).type();
      String path = prefix + struct.fields().get(i).name();
      int[] here = Arrays.copyOf(at, at.length + 1);
      here[at.length] = i;
      if (type instanceof StructType nested) {
        collect(nested, path + ".", sample, here, plain);
      } else if (type instanceof PrimitiveType primitive && primitive != PrimitiveType.BOOLEAN
          && mostlyDistinct(sample, here)) {
        plain.add(path);
      }
    }
  }

  private static boolean mostlyDistinct(List<Object[]> sample, int[] at) {
    Set<Object> distinct = new HashSet<>();
    int present = 0;
    for (Object[] row : sample) {
      Object value = valueAt(row, at);
      if (value != null) {
        present++;
        distinct.add(value);
      }
    }
    return mostlyDistinct(present, distinct.size());
  }

  private static Object valueAt(Object[] row, int[] at) {
    Object value = row;
    for (int index : at) {
      if (!(value instanceof Object[] values) || index >= values.length) {
        return null;
      }
      value = values[index];
    }
    return value;
  }
}
