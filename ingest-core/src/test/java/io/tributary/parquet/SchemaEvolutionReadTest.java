package io.tributary.parquet;

import io.tributary.testing.DuckDb;
import static io.tributary.parquet.Rows.field;
import static io.tributary.parquet.Rows.listOf;
import static io.tributary.parquet.Rows.struct;
import static io.tributary.parquet.Rows.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.schema.DatasetSchema;
import io.tributary.schema.Field;
import io.tributary.schema.ListType;
import io.tributary.schema.MapType;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written under consecutive schema versions read together, as a table over a prefix is read: version 2 appends
 * top-level columns and fields inside nested structs (also inside a list of structs).
 */
class SchemaEvolutionReadTest {
  private static final int USER = 1;
  private static final int EVENTS = 2;

  private static final DatasetSchema V1 = new DatasetSchema("signups", 1, StructType.of(
      field("id", PrimitiveType.LONG),
      field("user", struct(field("name", PrimitiveType.STRING))),
      field("events", new ListType(struct(field("kind", PrimitiveType.STRING))))));

  private static final DatasetSchema V2 = new DatasetSchema("signups", 2, appendV2Fields(V1.root()));

  @TempDir
  Path dir;

  private static StructType appendV2Fields(StructType root) {
    Field user = root.fields().get(USER);
    StructType userType = ((StructType) user.type()).withAppended(field("email", PrimitiveType.STRING));
    Field events = root.fields().get(EVENTS);
    StructType eventType = ((StructType) ((ListType) events.type()).element())
        .withAppended(field("n", PrimitiveType.LONG));
    return root.withReplaced(USER, user.withType(userType))
        .withReplaced(EVENTS, events.withType(new ListType(eventType)))
        .withAppended(field("score", PrimitiveType.DOUBLE))
        .withAppended(field("labels", new MapType(PrimitiveType.STRING)));
  }

  @Test
  void filesOfVersionOneAndTwoReadTogetherByNameWithEveryValueInPlace() throws Exception {
    Path v1 = Rows.writeFile(dir.resolve("v1.parquet"), V1, WriteOptions.defaults(),
        values(1L, values("ann"), listOf((Object) values("click"))),
        values(2L, null, listOf()));
    Path v2 = Rows.writeFile(dir.resolve("v2.parquet"), V2, WriteOptions.defaults(),
        values(3L, values("bob", "bob@example.com"), listOf(values("view", 5L), values("buy")), 0.5,
            Map.of("tier", "gold")),
        // Shaped under version 1, written under version 2: every array is a prefix.
        values(4L, values("cid"), listOf((Object) values("click"))));

    try (DuckDb duck = DuckDb.open()) {
      List<List<Object>> rows = duck.rows("SELECT id, \"user\".name, \"user\".email, "
          + "list_transform(events, e -> e.kind)::VARCHAR, list_transform(events, e -> e.n)::VARCHAR, "
          + "score, labels['tier'] FROM read_parquet(" + DuckDb.listLiteral(v1, v2) + ", union_by_name=true) "
          + "ORDER BY id");

      assertThat(rows).containsExactly(
          listOf(1L, "ann", null, "[click]", "[NULL]", null, null),
          listOf(2L, null, null, "[]", "[]", null, null),
          listOf(3L, "bob", "bob@example.com", "[view, buy]", "[5, NULL]", 0.5, "gold"),
          listOf(4L, "cid", null, "[click]", "[NULL]", null, null));
    }
  }

  @Test
  void eachFileRecordsTheVersionItWasWrittenUnder() throws Exception {
    Path v1 = Rows.writeFile(dir.resolve("v1.parquet"), V1, WriteOptions.defaults(), values(1L));
    Path v2 = Rows.writeFile(dir.resolve("v2.parquet"), V2, WriteOptions.defaults(), values(2L));

    try (DuckDb duck = DuckDb.open()) {
      Map<Object, Object> versions = duck.rows("SELECT file_name, decode(value) FROM parquet_kv_metadata("
          + DuckDb.listLiteral(v1, v2) + ") WHERE decode(key) = 'tributary.schema.version'").stream()
          .collect(Collectors.toMap(row -> Path.of((String) row.get(0)).getFileName().toString(), row -> row.get(1)));

      assertThat(versions).containsExactlyInAnyOrderEntriesOf(Map.of("v1.parquet", "1", "v2.parquet", "2"));
    }
  }
}
