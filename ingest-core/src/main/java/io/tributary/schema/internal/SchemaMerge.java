package io.tributary.schema.internal;

import io.tributary.schema.ColumnType;
import io.tributary.schema.Field;
import io.tributary.schema.ListType;
import io.tributary.schema.MapType;
import io.tributary.schema.StructType;

/**
 * Merges the columns one writer wanted into the version another writer published first. The published version
 * wins every conflict (a column it has keeps its type); the loser's other new columns are appended after it, in
 * the loser's order, while the column cap allows, except under an object the winner (or the loser, first) made a
 * map of ({@link KeyMaps}): keys without a column go to the map. Deterministic in its two inputs, so every instance that loses the
 * same race proposes the same next version.
 */
public final class SchemaMerge {
  private int budget;

  private SchemaMerge(int budget) {
    this.budget = budget;
  }

  /** {@code published} plus what {@code wanted} adds to it; {@code published} itself when it adds nothing. */
  public static StructType merge(StructType published, StructType wanted, int maxColumns) {
    return new SchemaMerge(maxColumns - ColumnCounts.dataLeaves(published)).struct(published, wanted);
  }

  private StructType struct(StructType target, StructType wanted) {
    StructType result = target;
    for (Field field : wanted.fields()) {
      int index = result.indexOf(field.name());
      if (index < 0 && KeyMaps.indexIn(result) >= 0) {
        // The published version made this object a map: the loser's new keys are map entries now, not columns.
        continue;
      }
      if (index < 0) {
        int leaves = ColumnCounts.leaves(field.type());
        if (leaves <= budget) {
          budget -= leaves;
          result = result.withAppended(field);
        }
      } else {
        Field existing = result.fields().get(index);
        ColumnType merged = type(existing.type(), field.type());
        if (merged != existing.type()) {
          result = result.withReplaced(index, existing.withType(merged));
        }
      }
    }
    return result;
  }

  private ColumnType type(ColumnType target, ColumnType wanted) {
    if (target instanceof StructType t && wanted instanceof StructType w) {
      return struct(t, w);
    }
    if (target instanceof ListType t && wanted instanceof ListType w) {
      ColumnType element = type(t.element(), w.element());
      return element == t.element() ? target : new ListType(element);
    }
    if (target instanceof MapType t && wanted instanceof MapType w) {
      ColumnType value = type(t.value(), w.value());
      return value == t.value() ? target : new MapType(value);
    }
    return target;
  }
}
