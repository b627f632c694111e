package io.tributary.parquet;

import io.tributary.schema.ColumnType;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.Field;
import io.tributary.schema.ListType;
import io.tributary.schema.MapType;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * Translates a {@link DatasetSchema} to a Parquet schema. Every column is OPTIONAL, so that a file written under any
 * version stays readable under every later one; lists and maps use the standard three-level layouts of the Parquet
 * format specification, the only ones that Athena, Spark, Trino and DuckDB all read the same way.
 */
public final class ParquetSchemas {

  /** The repeated group of a LIST, as the specification names it. */
  static final String LIST_GROUP = "list";
  /** The element of a LIST, as the specification names it. */
  static final String LIST_ELEMENT = "element";
  /** The repeated group of a MAP, as the specification names it. */
  static final String MAP_GROUP = "key_value";
  static final String MAP_KEY = "key";
  static final String MAP_VALUE = "value";

  private ParquetSchemas() {}

  /**
   * The Parquet schema of {@code schema}: a message named after the dataset with one optional field per column.
   *
   * @throws IllegalArgumentException when the schema or one of its structs has no fields (Parquet has no empty
   *     groups)
   */
  public static MessageType toMessageType(DatasetSchema schema) {
    Objects.requireNonNull(schema, "schema may not be null");
    return new MessageType(schema.dataset(), fieldsOf(schema.root(), ColumnPaths.ROOT));
  }

  private static List<Type> fieldsOf(StructType struct, String path) {
    if (struct.fields().isEmpty()) {
      throw new IllegalArgumentException(
          "Invalid schema: struct " + path + " has no fields: Parquet cannot write an empty group");
    }
    List<Type> types = new ArrayList<>(struct.fields().size());
    for (Field field : struct.fields()) {
      types.add(toType(field.type(), field.name(), Repetition.OPTIONAL, ColumnPaths.child(path, field.name())));
    }
    return types;
  }

  private static Type toType(ColumnType type, String name, Repetition repetition, String path) {
    if (type instanceof PrimitiveType primitive) {
      return primitive(primitive, name, repetition);
    } else if (type instanceof StructType struct) {
      return new GroupType(repetition, name, fieldsOf(struct, path));
    } else if (type instanceof ListType list) {
      Type element = toType(list.element(), LIST_ELEMENT, Repetition.OPTIONAL, ColumnPaths.element(path));
      return Types.buildGroup(repetition).as(LogicalTypeAnnotation.listType())
          .addField(new GroupType(Repetition.REPEATED, LIST_GROUP, element))
          .named(name);
    } else if (type instanceof MapType map) {
      Type key = Types.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(MAP_KEY);
      Type value = toType(map.value(), MAP_VALUE, Repetition.OPTIONAL, ColumnPaths.mapValue(path));
      return Types.buildGroup(repetition).as(LogicalTypeAnnotation.mapType())
          .addField(new GroupType(Repetition.REPEATED, MAP_GROUP, key, value))
          .named(name);
    }
    throw new IllegalStateException("Unhandled column type: " + type);
  }

  private static Type primitive(PrimitiveType type, String name, Repetition repetition) {
    return switch (type) {
      case LONG -> Types.primitive(PrimitiveTypeName.INT64, repetition).named(name);
      case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(name);
      case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(name);
      case STRING, JSON -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
          .as(LogicalTypeAnnotation.stringType()).named(name);
      // MICROS, never NANOS (DESIGN §4): NANOS is not read, or not read as a timestamp, by every engine we promise.
      case TIMESTAMP -> Types.primitive(PrimitiveTypeName.INT64, repetition)
          .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS)).named(name);
    };
  }
}
