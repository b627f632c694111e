package io.tributary.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.parquet.ParquetRowWriter;
import io.tributary.parquet.WriteOptions;
import io.tributary.store.LocalFileStore;
import io.tributary.testing.DuckDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import org.apache.parquet.io.LocalOutputFile;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SchemaProperties {

  @Property(tries = 150)
  void anyOrderOfTheSameEventsEndsInTheSameSchema(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int count,
      @ForAll long shuffleSeed) throws IOException {
    List<Map<String, Object>> events = new DriftingEvents(seed, false).events(count);
    List<Map<String, Object>> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, new Random(shuffleSeed));

    assertThat(canonical(finalSchema(shuffled))).isEqualTo(canonical(finalSchema(events)));
  }

  @Property(tries = 150)
  void everyValueLandsInItsColumnOrInRescuedWhateverTheOrder(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 40) int count, @ForAll long shuffleSeed) throws Exception {
    List<Map<String, Object>> events = new DriftingEvents(seed, true).events(count);
    Collections.shuffle(events, new Random(shuffleSeed));
    Path dir = Files.createTempDirectory("schema-prop");
    try {
      SchemaFixture f = new SchemaFixture(dir, EvolutionSettings.defaults());
      for (Map<String, Object> event : events) {
        ShapeResult.Shaped shaped = (ShapeResult.Shaped) f.shape(event);
        assertThat(Reconstruction.rebuild(shaped.schema().root(), shaped.row()))
            .as("event %s", event)
            .isEqualTo(Reconstruction.normal(event));
      }
    } finally {
      delete(dir);
    }
  }

  @Property(tries = 60)
  void aRowOfAnyEarlierVersionReadsTheSameUnderTheLatest(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 40) int count) throws Exception {
    List<Map<String, Object>> events = new DriftingEvents(seed, true).events(count);
    Path dir = Files.createTempDirectory("schema-prop");
    try (DuckDb duck = DuckDb.open()) {
      SchemaFixture f = new SchemaFixture(dir.resolve("store"), EvolutionSettings.defaults());
      List<ShapeResult.Shaped> rows = new ArrayList<>();
      for (Map<String, Object> event : events) {
        rows.add((ShapeResult.Shaped) f.shape(event));
      }
      // Each row is written under the version it was shaped for, then all are read at once under the latest.
      List<Path> files = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        Path file = dir.resolve("row-" + i + ".parquet");
        try (ParquetRowWriter writer = ParquetRowWriter.open(new LocalOutputFile(file), rows.get(i).schema(),
            WriteOptions.defaults())) {
          writer.write(rows.get(i).row());
        }
        files.add(file);
      }
      String all = "read_parquet(" + DuckDb.listLiteral(files.toArray(Path[]::new)) + ", union_by_name=true)";
      StructType latest = f.latest().root();
      assertThat(duck.columnTypes(all).keySet())
          .containsExactlyElementsOf(latest.fields().stream().map(Field::name).toList());
      List<List<Object>> read = duck.rows(
          "SELECT CAST(_offset AS BIGINT), CAST(to_json(t) AS VARCHAR) FROM " + all + " t ORDER BY 1");
      assertThat(read).hasSize(rows.size());
      for (List<Object> row : read) {
        ShapeResult.Shaped written = rows.get(((Number) row.get(0)).intValue());
        assertThat(Reconstruction.rebuildFromJson((String) row.get(1)))
            .isEqualTo(Reconstruction.rebuild(written.schema().root(), written.row()));
      }
    } finally {
      delete(dir);
    }
  }

  private static StructType finalSchema(List<Map<String, Object>> events) throws IOException {
    Path dir = Files.createTempDirectory("schema-prop");
    try {
      SchemaFixture f = new SchemaFixture(new LocalFileStore(dir), EvolutionSettings.defaults(), "p");
      for (Map<String, Object> event : events) {
        f.shape(event);
      }
      return f.latest() == null ? MetadataColumns.emptyRoot() : f.latest().root();
    } finally {
      delete(dir);
    }
  }

  /** The schema with every struct's fields sorted by name: column order follows arrival, the set does not. */
  private static ColumnType canonical(ColumnType type) {
    if (type instanceof StructType s) {
      List<Field> fields = new ArrayList<>();
      for (Field f : s.fields()) {
        fields.add(new Field(f.name(), "", canonical(f.type())));
      }
      fields.sort(Comparator.comparing(Field::name));
      return new StructType(fields);
    }
    if (type instanceof ListType l) {
      return new ListType(canonical(l.element()));
    }
    if (type instanceof MapType m) {
      return new MapType(canonical(m.value()));
    }
    return type;
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
