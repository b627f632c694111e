package io.tributary.schema;

import io.tributary.store.LocalFileStore;
import io.tributary.store.ObjectStore;
import io.tributary.testing.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** A schema layer over a real local object store, for tests. */
final class SchemaFixture {
  final ObjectStore store;
  final SchemaHistory history;
  final DatasetSchemas schemas;
  private long offset;

  SchemaFixture(Path dir, EvolutionSettings settings) {
    this(new LocalFileStore(dir), settings, "test-instance");
  }

  SchemaFixture(ObjectStore store, EvolutionSettings settings, String instance) {
    this.store = store;
    this.history = new SchemaHistory(store, "lake", instance, Clock.systemUTC());
    this.schemas = new DatasetSchemas(history, dataset -> settings);
  }

  ShapeResult shape(String json) {
    return shape(Json.event(json));
  }

  ShapeResult shape(Map<String, Object> event) {
    return schemas.shape("events", event, 1_700_000_000_000_000L, "orders", "0", Long.toString(offset++));
  }

  ShapeResult.Shaped shaped(String json) {
    ShapeResult result = shape(json);
    if (result instanceof ShapeResult.Shaped s) {
      return s;
    }
    throw new AssertionError("Expected a row, got " + result);
  }

  DatasetSchema latest() {
    return schemas.current("events");
  }

  /** The data fields of the latest schema (metadata columns left out). */
  List<Field> dataFields() {
    List<Field> fields = latest().root().fields();
    return fields.subList(MetadataColumns.COUNT, fields.size());
  }

  ColumnType type(String... path) {
    ColumnType type = latest().root();
    for (String step : path) {
      if (step.equals("[]")) {
        type = type instanceof ListType l ? l.element() : ((MapType) type).value();
      } else {
        Field field = ((StructType) type).field(step);
        if (field == null) {
          return null;
        }
        type = field.type();
      }
    }
    return type;
  }

  /** The value of data column {@code name} in {@code row}, null if the row is shorter. */
  static Object value(ShapeResult.Shaped shaped, String name) {
    int index = shaped.schema().root().indexOf(name);
    if (index < 0) {
      throw new AssertionError("No column " + name + " in " + shaped.schema());
    }
    return index < shaped.row().length ? shaped.row()[index] : null;
  }

  static String rescued(ShapeResult.Shaped shaped) {
    return (String) shaped.row()[MetadataColumns.RESCUED_INDEX];
  }
}
