package io.tributary.iceberg;

import io.tributary.schema.ColumnType;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.Field;
import io.tributary.schema.ListType;
import io.tributary.schema.MapType;
import io.tributary.schema.MetadataColumns;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.TypeUtil;
import org.apache.iceberg.types.Types;

/**
 * Maps a dataset's schema history to Iceberg schemas with field ids that every instance assigns the same.
 *
 * <p>The rule (docs/design/iceberg.md): ids are a counter over the history, in the order Iceberg itself assigns
 * them, so that the table's own ids (assigned by {@code createTable} and {@code UpdateSchema.addColumn}) come out
 * equal to ours:
 * <ol>
 *   <li>version 1, with {@value #EVENT_TIME} first, gets ids as {@link TypeUtil#assignFreshIds} gives them (all
 *       fields of a struct, then the nested types of each in order): what {@code createTable} does;</li>
 *   <li>each later version adds the fields that are new in it, in a pre-order walk of its root (a new field is
 *       added whole; an existing struct, list element struct or map value struct is walked into); each addition
 *       takes the next id, then its type's nested ids as {@link TypeUtil#assignFreshIds} gives them: what
 *       {@code UpdateSchema.addColumn} does.</li>
 * </ol>
 * The history is append-only (columns and nested fields are only ever appended, types never change), so replaying
 * it gives the same ids on every instance, and a table evolved with {@link Addition}s in this order has them too.
 * Thread-safe: stateless.
 */
public final class IcebergSchemas {
  /** The Iceberg-only column that carries each row's event time; the partition spec is a transform of it. */
  public static final String EVENT_TIME = "_event_time";

  /**
   * The Iceberg name of Tributary's {@code _partition} metadata column: Iceberg reserves {@code _partition} for its
   * own metadata column (Spark refuses to scan a table that has a column of that name), so the source partition
   * or shard is {@value} in Iceberg tables. The Parquet files keep {@code _partition}: Iceberg reads by field id.
   */
  public static final String SOURCE_PARTITION = "_source_partition";

  /**
   * The names Iceberg reserves for its metadata columns (Iceberg 1.12.0's {@code MetadataColumns}: the row's file,
   * position, deletion, spec, partition, row lineage, and the changelog's), which no top-level column of a table may
   * have: Spark refuses a scan that reads the metadata column from a table that has a column of its name (a query
   * naming {@code _file}; row-level DELETE/UPDATE/MERGE). Frozen: the names of stored tables follow from it.
   */
  public static final Set<String> RESERVED = Set.of("_file", "_pos", "_deleted", "_spec_id", "_partition",
      "_row_id", "_last_updated_sequence_number", "_change_type", "_change_ordinal", "_commit_snapshot_id");

  private IcebergSchemas() {}

  /**
   * The Iceberg names of the top-level columns {@code columns} (a dataset's root, in order; {@value #EVENT_TIME}
   * comes before them in the table): each column keeps its name, but {@code _partition} is {@value
   * #SOURCE_PARTITION}, and a name that is {@link #RESERVED} or already taken by an earlier column (or by
   * {@value #EVENT_TIME}) gets {@code _} appended until it is neither ({@code _file -> _file_}, and a later
   * {@code _file_} then {@code _file__}). A column's name depends only on the columns before it, which never change,
   * so it is the same in every version; field ids do not depend on names at all.
   */
  public static List<String> topLevelNames(List<String> columns) {
    return unique(columns, true);
  }

  /**
   * The names the top-level columns {@code columns} have in a Parquet data file, which carries the event time as a
   * column {@value #EVENT_TIME} after them: Tributary's names, but a data column named {@value #EVENT_TIME} gets
   * {@code _} appended until it is not taken (by the event time or an earlier column), as in {@link #topLevelNames}
   * (so {@link #topLevelNames} of these names gives the table's names). The names of every other column are
   * unchanged, hence those of files written before this rule.
   */
  public static List<String> fileNames(List<String> columns) {
    return unique(columns, false);
  }

  private static List<String> unique(List<String> columns, boolean iceberg) {
    Set<String> taken = new HashSet<>();
    taken.add(EVENT_TIME);
    List<String> names = new ArrayList<>(columns.size());
    for (String column : columns) {
      String name = iceberg && MetadataColumns.PARTITION.equals(column) ? SOURCE_PARTITION : column;
      while ((iceberg && RESERVED.contains(name)) || taken.contains(name)) {
        name += "_";
      }
      taken.add(name);
      names.add(name);
    }
    return names;
  }

  private static List<String> topLevelNames(StructType root) {
    return topLevelNames(root.fields().stream().map(Field::name).toList());
  }

  /**
   * One column that a version adds: {@code parent} is the dotted name of the struct it is added to (null for the
   * root), {@code field} has the ids it takes.
   */
  public record Addition(String parent, Types.NestedField field) {}

  /**
   * The Iceberg schemas of versions 1 to {@code versions.size()} of one dataset, with ids by the rule above.
   *
   * @param versions every version of the history, in order, from version 1
   * @throws IllegalArgumentException when the versions are not 1, 2, ... of one dataset, or one is not an
   *     append-only extension of the one before
   */
  public static List<Schema> replay(List<DatasetSchema> versions) {
    List<Schema> schemas = new ArrayList<>(versions.size());
    Schema schema = null;
    int lastId = 0;
    for (int i = 0; i < versions.size(); i++) {
      DatasetSchema version = versions.get(i);
      if (version.version() != i + 1 || !version.dataset().equals(versions.get(0).dataset())) {
        throw new IllegalArgumentException("Invalid schema history: expected version " + (i + 1) + " of "
            + versions.get(0).dataset() + ", got version " + version.version() + " of " + version.dataset());
      }
      if (schema == null) {
        schema = first(version);
      } else {
        AtomicInteger counter = new AtomicInteger(lastId);
        for (Addition addition : additions(versions.get(i - 1), version, counter)) {
          schema = withAddition(schema, addition);
        }
      }
      lastId = Math.max(lastId, schema.highestFieldId());
      schemas.add(schema);
    }
    return schemas;
  }

  /**
   * What {@code to} adds to {@code from}, in the order the rule gives, with ids from {@code lastId} on: the
   * {@code UpdateSchema.addColumn} calls that evolve a table from one to the other.
   */
  public static List<Addition> additions(DatasetSchema from, DatasetSchema to, AtomicInteger lastId) {
    List<Addition> out = new ArrayList<>();
    walk(from.root(), to.root(), null, lastId, out);
    return out;
  }

  private static Schema first(DatasetSchema version) {
    List<Types.NestedField> fields = new ArrayList<>();
    AtomicInteger placeholder = new AtomicInteger();
    fields.add(Types.NestedField.optional(placeholder.incrementAndGet(), EVENT_TIME,
        Types.TimestampType.withZone()));
    List<String> names = topLevelNames(version.root());
    for (int i = 0; i < names.size(); i++) {
      fields.add(Types.NestedField.optional(placeholder.incrementAndGet(), names.get(i),
          toType(version.root().fields().get(i).type(), placeholder)));
    }
    AtomicInteger counter = new AtomicInteger();
    return TypeUtil.assignFreshIds(new Schema(fields), counter::incrementAndGet);
  }

  private static void walk(StructType from, StructType to, String parent, AtomicInteger lastId, List<Addition> out) {
    List<String> names = parent == null ? topLevelNames(to) : to.fields().stream().map(Field::name).toList();
    for (int i = 0; i < to.fields().size(); i++) {
      Field field = to.fields().get(i);
      Field old = i < from.fields().size() ? from.fields().get(i) : null;
      if (old == null) {
        int id = lastId.incrementAndGet();
        Type type = TypeUtil.assignFreshIds(toType(field.type(), new AtomicInteger()), lastId::incrementAndGet);
        out.add(new Addition(parent, Types.NestedField.optional(id, names.get(i), type)));
      } else if (!old.name().equals(field.name())) {
        throw new IllegalArgumentException("Invalid schema history: column " + dotted(parent, old.name())
            + " became " + field.name() + ": columns are only ever appended");
      } else {
        walkType(old.type(), field.type(), dotted(parent, names.get(i)), lastId, out);
      }
    }
  }

  private static void walkType(ColumnType from, ColumnType to, String path, AtomicInteger lastId,
      List<Addition> out) {
    if (from instanceof StructType a && to instanceof StructType b) {
      walk(a, b, path, lastId, out);
    } else if (from instanceof ListType a && to instanceof ListType b) {
      walkType(a.element(), b.element(), path + ".element", lastId, out);
    } else if (from instanceof MapType a && to instanceof MapType b) {
      walkType(a.value(), b.value(), path + ".value", lastId, out);
    } else if (!from.equals(to)) {
      throw new IllegalArgumentException("Cannot change column type: " + path + ": " + from.typeName() + " -> "
          + to.typeName());
    }
  }

  private static Schema withAddition(Schema schema, Addition addition) {
    if (addition.parent() == null) {
      List<Types.NestedField> fields = new ArrayList<>(schema.columns());
      fields.add(addition.field());
      return new Schema(fields);
    }
    return new Schema(addTo(schema.asStruct(), addition.parent().split("\\."), 0, addition.field()).fields());
  }

  private static Types.StructType addTo(Types.StructType struct, String[] path, int depth, Types.NestedField field) {
    if (depth == path.length) {
      List<Types.NestedField> fields = new ArrayList<>(struct.fields());
      fields.add(field);
      return Types.StructType.of(fields);
    }
    List<Types.NestedField> fields = new ArrayList<>(struct.fields());
    for (int i = 0; i < fields.size(); i++) {
      Types.NestedField f = fields.get(i);
      if (f.name().equals(path[depth])) {
        fields.set(i, Types.NestedField.from(f).ofType(addToType(f.type(), path, depth + 1, field)).build());
        return Types.StructType.of(fields);
      }
    }
    throw new IllegalStateException("Cannot find " + String.join(".", path) + " to add " + field.name() + " to");
  }

  private static Type addToType(Type type, String[] path, int depth, Types.NestedField field) {
    if (type instanceof Types.StructType struct) {
      return addTo(struct, path, depth, field);
    }
    if (type instanceof Types.ListType list && path[depth].equals("element")) {
      Types.StructType element = addTo(list.elementType().asStructType(), path, depth + 1, field);
      return Types.ListType.ofOptional(list.elementId(), element);
    }
    if (type instanceof Types.MapType map && path[depth].equals("value")) {
      Types.StructType value = addTo(map.valueType().asStructType(), path, depth + 1, field);
      return Types.MapType.ofOptional(map.keyId(), map.valueId(), map.keyType(), value);
    }
    throw new IllegalStateException("Cannot add " + field.name() + " under " + String.join(".", path));
  }

  /** The Iceberg type of a column type, with placeholder ids from {@code ids} (replaced by the rule's). */
  static Type toType(ColumnType type, AtomicInteger ids) {
    Objects.requireNonNull(type, "type may not be null");
    if (type instanceof PrimitiveType primitive) {
      return switch (primitive) {
        case LONG -> Types.LongType.get();
        case DOUBLE -> Types.DoubleType.get();
        case BOOLEAN -> Types.BooleanType.get();
        case STRING, JSON -> Types.StringType.get();
        case TIMESTAMP -> Types.TimestampType.withZone();
      };
    }
    if (type instanceof StructType struct) {
      List<Types.NestedField> fields = new ArrayList<>();
      for (Field field : struct.fields()) {
        fields.add(Types.NestedField.optional(ids.incrementAndGet(), field.name(), toType(field.type(), ids)));
      }
      return Types.StructType.of(fields);
    }
    if (type instanceof ListType list) {
      return Types.ListType.ofOptional(ids.incrementAndGet(), toType(list.element(), ids));
    }
    MapType map = (MapType) type;
    int keyId = ids.incrementAndGet();
    return Types.MapType.ofOptional(keyId, ids.incrementAndGet(), Types.StringType.get(), toType(map.value(), ids));
  }

  private static String dotted(String parent, String name) {
    return parent == null ? name : parent + "." + name;
  }
}
