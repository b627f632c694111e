package io.tributary.schema.internal;

import io.tributary.schema.ColumnType;
import io.tributary.schema.Field;
import io.tributary.schema.HiveTypes;
import io.tributary.schema.ListType;
import io.tributary.schema.MapType;
import io.tributary.schema.SchemaChange;
import io.tributary.schema.StructType;
import java.util.ArrayList;
import java.util.List;

/** What one version added to the one before: the topmost new column of each addition. */
public final class SchemaDiff {
  private SchemaDiff() {}

  /** The columns {@code next} has that {@code previous} lacks; paths use {@code []} for list elements and map values. */
  public static List<SchemaChange> added(StructType previous, StructType next) {
    List<SchemaChange> changes = new ArrayList<>();
    struct(previous, next, "", changes);
    return changes;
  }

  private static void struct(StructType previous, StructType next, String prefix, List<SchemaChange> out) {
    for (Field field : next.fields()) {
      String path = prefix.isEmpty() ? field.name() : prefix + "." + field.name();
      Field before = previous == null ? null : previous.field(field.name());
      if (before == null) {
        out.add(new SchemaChange(path, field.originalName(), HiveTypes.of(field.type())));
      } else {
        type(before.type(), field.type(), path, out);
      }
    }
  }

  private static void type(ColumnType previous, ColumnType next, String path, List<SchemaChange> out) {
    if (previous instanceof StructType p && next instanceof StructType n) {
      struct(p, n, path, out);
    } else if (previous instanceof ListType p && next instanceof ListType n) {
      type(p.element(), n.element(), path + "[]", out);
    } else if (previous instanceof MapType p && next instanceof MapType n) {
      type(p.value(), n.value(), path + "[]", out);
    }
  }
}
