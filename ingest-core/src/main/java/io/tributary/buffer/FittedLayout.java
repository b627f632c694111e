package io.tributary.buffer;

import io.tributary.schema.ColumnType;
import io.tributary.schema.Field;
import io.tributary.schema.ListType;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import java.util.List;

/**
 * A version's columns as {@link RowCodec} writes a fitted row for them: one code per column and arrays of children,
 * worked out once per buffer instead of once per value (no {@code List.get}, type test or enum switch in the loop
 * that writes each value).
 */
final class FittedLayout {
  static final byte LONG = 0;
  static final byte DOUBLE = 1;
  static final byte BOOLEAN = 2;
  static final byte STRING = 3;
  static final byte STRUCT = 4;
  static final byte LIST = 5;
  /** A map column: never fitted (the shaper builds such events as objects), so only ever written as null. */
  static final byte MAP = 6;

  private static final FittedLayout[] NONE = new FittedLayout[0];

  final byte code;
  /** A struct's fields, in schema order; empty for any other column. */
  final FittedLayout[] fields;
  /** A list's element; null for any other column. */
  final FittedLayout element;
  /** The root this layout was made for (identity), or null below the root. */
  final StructType root;

  private FittedLayout(byte code, FittedLayout[] fields, FittedLayout element, StructType root) {
    this.code = code;
    this.fields = fields;
    this.element = element;
    this.root = root;
  }

  /** The layout of a version's root struct. */
  static FittedLayout of(StructType root) {
    return new FittedLayout(STRUCT, fields(root.fields()), null, root);
  }

  private static FittedLayout column(ColumnType type) {
    if (type instanceof PrimitiveType p) {
      byte code = switch (p) {
        case LONG, TIMESTAMP -> LONG;
        case DOUBLE -> DOUBLE;
        case BOOLEAN -> BOOLEAN;
        case STRING, JSON -> STRING;
      };
      return new FittedLayout(code, NONE, null, null);
    }
    if (type instanceof StructType s) {
      return new FittedLayout(STRUCT, fields(s.fields()), null, null);
    }
    if (type instanceof ListType l) {
      return new FittedLayout(LIST, NONE, column(l.element()), null);
    }
    return new FittedLayout(MAP, NONE, null, null);
  }

  private static FittedLayout[] fields(List<Field> fields) {
    FittedLayout[] out = new FittedLayout[fields.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = column(fields.get(i).type());
    }
    return out;
  }
}
