package io.tributary.parquet;

import io.tributary.schema.ColumnType;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
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
    return present >= MIN_VALUES && distinct.size() * 2 > present;
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
