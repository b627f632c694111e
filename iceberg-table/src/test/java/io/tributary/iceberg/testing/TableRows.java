package io.tributary.iceberg.testing;

import io.tributary.schema.MetadataColumns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/** Reads a table back with Iceberg's generic reader (not our code): the rows, and how often each offset is there. */
public final class TableRows {
  private TableRows() {}

  /** Every row of the table's current snapshot. */
  public static List<Record> read(Table table) {
    List<Record> out = new ArrayList<>();
    try (CloseableIterable<Record> rows = IcebergGenerics.read(table).build()) {
      rows.forEach(out::add);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + table.name(), e);
    }
    return out;
  }

  /** How many rows carry each {@code _offset}: every value 1 means nothing duplicated. */
  public static Map<String, Integer> offsetCounts(List<Record> rows) {
    Map<String, Integer> counts = new TreeMap<>();
    rows.forEach(r -> counts.merge((String) r.getField(MetadataColumns.OFFSET), 1, Integer::sum));
    return counts;
  }

  /** The row with {@code _offset} {@code offset}. */
  public static Record at(List<Record> rows, long offset) {
    return rows.stream().filter(r -> r.getField(MetadataColumns.OFFSET).equals(Long.toString(offset))).findFirst()
        .orElseThrow(() -> new AssertionError("No row has offset " + offset));
  }
}
