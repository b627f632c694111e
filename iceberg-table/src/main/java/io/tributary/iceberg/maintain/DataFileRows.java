package io.tributary.iceberg.maintain;

import io.tributary.iceberg.ParquetBytes;
import io.tributary.schema.ColumnType;
import io.tributary.schema.ListType;
import io.tributary.schema.MapType;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * The rows of a data file, read back without Hadoop (parquet-column's record assembly over a
 * {@link ParquetBytes} file) as shaped rows of a target struct ({@link ColumnType}'s value contract): columns are
 * matched by name at every level, so a file written under an earlier schema version reads into a later one, its
 * missing columns null. One row group is decoded at a time.
 */
final class DataFileRows implements Iterator<Object[]> {
  private final ParquetFileReader reader;
  private final MessageColumnIO columns;
  private final Materializer materializer;
  private final String location;
  private RecordReader<Object[]> rows;
  private long left;

  /**
   * @throws IllegalArgumentException when the file has a column the target lacks, or of another kind
   */
  DataFileRows(byte[] bytes, StructType target, String location) {
    this.location = location;
    try {
      this.reader = ParquetFileReader.open(ParquetBytes.inputFile(bytes), ParquetBytes.readOptions());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read data file " + location, e);
    }
    MessageType schema = reader.getFooter().getFileMetaData().getSchema();
    this.columns = new ColumnIOFactory().getColumnIO(schema);
    this.materializer = new Materializer(new StructConverter(schema, target, null, location));
  }

  @Override
  public boolean hasNext() {
    try {
      while (left == 0) {
        PageReadStore pages = reader.readNextRowGroup();
        if (pages == null) {
          reader.close();
          return false;
        }
        rows = columns.getRecordReader(pages, materializer);
        left = pages.getRowCount();
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read a row group of " + location, e);
    }
  }

  @Override
  public Object[] next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    left--;
    return rows.read();
  }

  private static final class Materializer extends RecordMaterializer<Object[]> {
    private final StructConverter root;

    Materializer(StructConverter root) {
      this.root = root;
    }

    @Override
    public Object[] getCurrentRecord() {
      return root.current;
    }

    @Override
    public GroupConverter getRootConverter() {
      return root;
    }
  }

  private static Converter converter(Type file, ColumnType target, Consumer<Object> sink, String location) {
    if (target instanceof PrimitiveType && file.isPrimitive()) {
      return new ValueConverter(sink);
    }
    if (!file.isPrimitive()) {
      GroupType group = file.asGroupType();
      if (target instanceof StructType struct) {
        return new StructConverter(group, struct, sink, location);
      }
      if (target instanceof ListType list) {
        return new ListConverter(group, list, sink, location);
      }
      if (target instanceof MapType map) {
        return new MapConverter(group, map, sink, location);
      }
    }
    throw new IllegalArgumentException("Cannot read column " + file.getName() + " of " + location + " as "
        + target.typeName());
  }

  /** A struct (the row itself at the root): an {@code Object[]} as wide as the target, filled by name. */
  private static final class StructConverter extends GroupConverter {
    private final Converter[] children;
    private final int width;
    private final Consumer<Object> sink;
    private Object[] current;

    StructConverter(GroupType file, StructType target, Consumer<Object> sink, String location) {
      this.width = target.fields().size();
      this.sink = sink;
      this.children = new Converter[file.getFieldCount()];
      for (int i = 0; i < children.length; i++) {
        Type field = file.getType(i);
        int at = target.indexOf(field.getName());
        if (at < 0) {
          throw new IllegalArgumentException("Cannot read column " + field.getName() + " of " + location
              + ": the table's schema has no such column");
        }
        children[i] = converter(field, target.fields().get(at).type(), value -> current[at] = value, location);
      }
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return children[fieldIndex];
    }

    @Override
    public void start() {
      current = new Object[width];
    }

    @Override
    public void end() {
      if (sink != null) {
        sink.accept(current);
      }
    }
  }

  /** A three-level LIST: a {@code java.util.List} of its elements. */
  private static final class ListConverter extends GroupConverter {
    private final GroupConverter repeated;
    private final Consumer<Object> sink;
    private List<Object> current;
    private Object element;

    ListConverter(GroupType file, ListType target, Consumer<Object> sink, String location) {
      this.sink = sink;
      Converter elements = converter(file.getType(0).asGroupType().getType(0), target.element(),
          value -> element = value, location);
      this.repeated = new GroupConverter() {
        @Override
        public Converter getConverter(int fieldIndex) {
          return elements;
        }

        @Override
        public void start() {
          element = null;
        }

        @Override
        public void end() {
          current.add(element);
        }
      };
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return repeated;
    }

    @Override
    public void start() {
      current = new ArrayList<>();
    }

    @Override
    public void end() {
      sink.accept(current);
    }
  }

  /** A MAP of string keys: a {@code java.util.Map} in file order. */
  private static final class MapConverter extends GroupConverter {
    private final GroupConverter entries;
    private final Consumer<Object> sink;
    private Map<String, Object> current;
    private String key;
    private Object value;

    MapConverter(GroupType file, MapType target, Consumer<Object> sink, String location) {
      this.sink = sink;
      GroupType keyValue = file.getType(0).asGroupType();
      Converter keys = new ValueConverter(k -> key = (String) k);
      Converter values = converter(keyValue.getType(1), target.value(), v -> value = v, location);
      this.entries = new GroupConverter() {
        @Override
        public Converter getConverter(int fieldIndex) {
          return fieldIndex == 0 ? keys : values;
        }

        @Override
        public void start() {
          key = null;
          value = null;
        }

        @Override
        public void end() {
          current.put(key, value);
        }
      };
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return entries;
    }

    @Override
    public void start() {
      current = new LinkedHashMap<>();
    }

    @Override
    public void end() {
      sink.accept(current);
    }
  }

  /** A leaf: INT64 (long, timestamp) as Long, DOUBLE, BOOLEAN, and UTF-8 strings as String. */
  private static final class ValueConverter extends PrimitiveConverter {
    private final Consumer<Object> sink;

    ValueConverter(Consumer<Object> sink) {
      this.sink = sink;
    }

    @Override
    public void addLong(long value) {
      sink.accept(value);
    }

    @Override
    public void addDouble(double value) {
      sink.accept(value);
    }

    @Override
    public void addBoolean(boolean value) {
      sink.accept(value);
    }

    @Override
    public void addBinary(Binary value) {
      sink.accept(value.toStringUsingUTF8());
    }
  }
}
