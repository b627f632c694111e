package io.tributary.schema.internal;

import io.tributary.schema.ColumnType;
import io.tributary.schema.Field;
import io.tributary.schema.ListType;
import io.tributary.schema.MapType;
import io.tributary.schema.MetadataColumns;
import io.tributary.schema.StructType;

/** Counts leaf columns, the unit of the per-dataset column cap. */
public final class ColumnCounts {
  private ColumnCounts() {}

  /** Leaf columns under {@code type}; a map counts its key column too. */
  public static int leaves(ColumnType type) {
    if (type instanceof ListType l) {
      return leaves(l.element());
    }
    if (type instanceof MapType m) {
      return 1 + leaves(m.value());
    }
    if (type instanceof StructType s) {
      int n = 0;
      for (Field f : s.fields()) {
        n += leaves(f.type());
      }
      return n;
    }
    return 1;
  }

  /** Leaf data columns of a dataset's root struct: the metadata columns do not count against the cap. */
  public static int dataLeaves(StructType root) {
    int n = 0;
    for (int i = MetadataColumns.COUNT; i < root.fields().size(); i++) {
      n += leaves(root.fields().get(i).type());
    }
    return n;
  }
}
