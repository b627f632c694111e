package io.tributary.parquet;

import static io.tributary.parquet.ValueWriter.wrongType;

import io.tributary.buffer.RowCursor;
import io.tributary.schema.StructType;
import java.util.List;

/**
 * A struct, and the message itself: {@code Object[]}, possibly shorter than the field list (the missing trailing
 * fields are null). A null field writes a null into each of its columns, defined down to this struct.
 */
final class StructWriter extends ValueWriter {
  private final String path;
  private final StructType type;
  private final int d;
  private final ValueWriter[] fields;

  /** The message: {@code type} is the schema's root, defined at level 0, outside any repeated group. */
  StructWriter(StructType type) {
    this(ColumnPaths.ROOT, type, 0, 0);
  }

  StructWriter(String path, StructType type, int d, int r) {
    this.path = path;
    this.type = type;
    this.d = d;
    this.fields = new ValueWriter[type.fields().size()];
    for (int i = 0; i < fields.length; i++) {
      String name = type.fields().get(i).name();
      fields[i] = ValueWriter.of(type.fields().get(i).type(), ColumnPaths.child(path, name), d + 1, r);
    }
  }

  @Override
  public void check(Object value) {
    if (!(value instanceof Object[] values)) {
      throw wrongType(path, "java.lang.Object[]", type, value);
    }
    if (values.length > fields.length) {
      throw new IllegalArgumentException("Invalid value for " + (ColumnPaths.ROOT.equals(path) ? "row" : "column "
          + path) + ": " + values.length + " values for " + fields.length + " fields");
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        fields[i].check(values[i]);
      }
    }
  }

  @Override
  public void write(Object value, int r) {
    Object[] values = (Object[]) value;
    int present = values.length;
    for (int i = 0; i < present; i++) {
      Object field = values[i];
      if (field == null) {
        fields[i].writeNull(r, d);
      } else {
        fields[i].write(field, r);
      }
    }
    for (int i = present; i < fields.length; i++) {
      fields[i].writeNull(r, d);
    }
  }

  @Override
  public void writeFrom(RowCursor in, int r) {
    int present = in.struct();
    for (int i = 0; i < present; i++) {
      if (in.present()) {
        fields[i].writeFrom(in, r);
      } else {
        fields[i].writeNull(r, d);
      }
    }
    for (int i = present; i < fields.length; i++) {
      fields[i].writeNull(r, d);
    }
  }

  /**
   * Writes the row {@code in} stands on (at the message's level) into every field but the last, then {@code last}
   * into the last field, a LONG or TIMESTAMP column: the message of a file whose rows carry one value more than the
   * buffer holds.
   */
  void writeFromWithLast(RowCursor in, long last) {
    int width = fields.length - 1;
    int present = in.struct();
    if (present > width) {
      throw new IllegalStateException("Invalid buffered row: " + present + " fields for " + width);
    }
    for (int i = 0; i < present; i++) {
      if (in.present()) {
        fields[i].writeFrom(in, 0);
      } else {
        fields[i].writeNull(0, d);
      }
    }
    for (int i = present; i < width; i++) {
      fields[i].writeNull(0, d);
    }
    ((LeafWriter.LongWriter) fields[width]).writeTopLevel(last);
  }

  @Override
  public void writeNull(int r, int nullD) {
    for (ValueWriter field : fields) {
      field.writeNull(r, nullD);
    }
  }

  @Override
  public void collectLeaves(List<LeafWriter> leaves) {
    for (ValueWriter field : fields) {
      field.collectLeaves(leaves);
    }
  }
}
