package io.tributary.parquet;

import static io.tributary.parquet.Rows.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.schema.DatasetSchema;
import io.tributary.schema.PrimitiveType;
import io.tributary.testing.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards the dictionary choice of whole-file writes: columns of mostly distinct values (ids, offsets) are written
 * plain, columns that repeat values keep their dictionary, nested struct leaves are judged too, and the file reads
 * back with every value whichever encoding each column got.
 */
class DictionaryChoiceTest {
  static final DatasetSchema SCHEMA = Rows.withMetadata("orders", 1,
      field("id", PrimitiveType.STRING),
      field("country", PrimitiveType.STRING),
      field("amount", PrimitiveType.LONG),
      field("ok", PrimitiveType.BOOLEAN),
      field("user", Rows.struct(field("email", PrimitiveType.STRING), field("tier", PrimitiveType.STRING))));

  @TempDir
  Path dir;

  static List<Object[]> rows(int count) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(Rows.withMetadataValues(1_000L, i, "id-" + i, i % 3 == 0 ? "DE" : "FR", (long) (i % 7), i % 2 == 0,
          Rows.values("user" + i + "@example.com", i % 4 == 0 ? "gold" : "free")));
    }
    return rows;
  }

  @Test
  void mostlyDistinctLeavesAreWrittenPlain() {
    assertThat(DictionaryChoice.plainColumns(SCHEMA.root(), rows(1_000)))
        .containsExactlyInAnyOrder("_offset", "id", "user.email");
  }

  @Test
  void aSampleTooSmallDecidesNothing() {
    assertThat(DictionaryChoice.plainColumns(SCHEMA.root(), rows(DictionaryChoice.MIN_VALUES - 1))).isEmpty();
  }

  @Test
  void wholeFilesKeepDictionariesOnlyWhereValuesRepeat() throws Exception {
    Path file = dir.resolve("orders.parquet");
    List<Object[]> rows = rows(5_000);
    ParquetRowWriter.writeAll(new LocalOutputFile(file), SCHEMA, WriteOptions.defaults(), rows.iterator());
    assertThat(Files.size(file)).isPositive();
    try (DuckDb duck = DuckDb.open()) {
      String from = "read_parquet(" + DuckDb.literal(file) + ")";
      assertThat(duck.value("SELECT count(*) FROM " + from)).isEqualTo(5_000L);
      assertThat(duck.value("SELECT count(DISTINCT id) FROM " + from)).isEqualTo(5_000L);
      assertThat(((Number) duck.value("SELECT sum(amount) FROM " + from)).longValue())
          .isEqualTo(rows.stream().mapToLong(r -> (Long) r[7]).sum());
      assertThat(duck.value("SELECT count(DISTINCT user.email) FROM " + from)).isEqualTo(5_000L);
      String metadata = "parquet_metadata(" + DuckDb.literal(file) + ")";
      assertThat(duck.value("SELECT bool_or(dictionary_page_offset IS NOT NULL) FROM " + metadata
          + " WHERE path_in_schema = 'id'")).isEqualTo(false);
      assertThat(duck.value("SELECT bool_or(dictionary_page_offset IS NOT NULL) FROM " + metadata
          + " WHERE path_in_schema = 'country'")).isEqualTo(true);
    }
  }
}
