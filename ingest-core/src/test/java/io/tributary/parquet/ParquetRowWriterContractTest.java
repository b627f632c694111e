package io.tributary.parquet;

import io.tributary.testing.DuckDb;
import static io.tributary.parquet.Rows.field;
import static io.tributary.parquet.Rows.listOf;
import static io.tributary.parquet.Rows.struct;
import static io.tributary.parquet.Rows.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.schema.DatasetSchema;
import io.tributary.schema.ListType;
import io.tributary.schema.MapType;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer's contract beyond values: rejections, counters, size, lifecycle. */
class ParquetRowWriterContractTest {
  private static final DatasetSchema SCHEMA = new DatasetSchema("events", 1, StructType.of(
      field("id", PrimitiveType.LONG),
      field("at", PrimitiveType.TIMESTAMP),
      field("order", struct(
          field("items", new ListType(struct(field("sku", PrimitiveType.STRING), field("qty", PrimitiveType.LONG)))),
          field("tags", new MapType(PrimitiveType.BOOLEAN))))));

  @TempDir
  Path dir;

  private static Object[] good(long id) {
    return values(id, 1_000L * id, values(listOf((Object) values("s" + id, id)), Map.of("k", true)));
  }

  @Test
  void wrongJavaTypeForATopLevelColumnIsRejectedNamingTheColumnAndTheExpectedType() throws Exception {
    try (ParquetRowWriter writer = ParquetRowWriter.open(new InMemoryOutputFile(), SCHEMA, WriteOptions.defaults())) {
      assertThatThrownBy(() -> writer.write(values(1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Invalid value for column id: expected java.lang.Long for type long, got java.lang.Integer");
      assertThatThrownBy(() -> writer.write(values(1L, Instant.EPOCH)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("column at: expected java.lang.Long for type timestamp");
    }
  }

  @Test
  void wrongJavaTypeDeepInsideAListOfStructsIsRejectedNamingItsPath() throws Exception {
    Object[] row = values(1L, null, values(listOf(values("a", 1L), values("b", "2"))));
    try (ParquetRowWriter writer = ParquetRowWriter.open(new InMemoryOutputFile(), SCHEMA, WriteOptions.defaults())) {
      assertThatThrownBy(() -> writer.write(row))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Invalid value for column order.items[].qty: expected java.lang.Long for type long, "
              + "got java.lang.String");
    }
  }

  @Test
  void wrongContainerTypesAndMapKeysAreRejectedNamingTheColumn() throws Exception {
    Map<Object, Object> nullKey = new HashMap<>();
    nullKey.put(null, true);
    try (ParquetRowWriter writer = ParquetRowWriter.open(new InMemoryOutputFile(), SCHEMA, WriteOptions.defaults())) {
      assertThatThrownBy(() -> writer.write(values(1L, null, List.of())))
          .hasMessageContaining("column order: expected java.lang.Object[] for type struct");
      assertThatThrownBy(() -> writer.write(values(1L, null, values(Map.of()))))
          .hasMessageContaining("column order.items: expected java.util.List for type list");
      assertThatThrownBy(() -> writer.write(values(1L, null, values(null, Map.of("k", "yes")))))
          .hasMessageContaining("column order.tags{}: expected java.lang.Boolean for type boolean");
      assertThatThrownBy(() -> writer.write(values(1L, null, values(null, nullKey))))
          .hasMessageContaining("Invalid key for column order.tags: expected a non-null java.lang.String, got null");
    }
  }

  @Test
  void rowOrStructLongerThanTheSchemaIsRejected() throws Exception {
    try (ParquetRowWriter writer = ParquetRowWriter.open(new InMemoryOutputFile(), SCHEMA, WriteOptions.defaults())) {
      assertThatThrownBy(() -> writer.write(values(1L, 2L, null, "extra")))
          .hasMessage("Invalid value for row: 4 values for 3 fields");
      assertThatThrownBy(() -> writer.write(values(1L, 2L, values(null, null, "extra"))))
          .hasMessage("Invalid value for column order: 3 values for 2 fields");
    }
  }

  @Test
  void rejectedRowLeavesNothingBehindAndTheFileStaysReadable() throws Exception {
    Path file = dir.resolve("events.parquet");
    try (ParquetRowWriter writer = ParquetRowWriter.open(new LocalOutputFile(file), SCHEMA, WriteOptions.defaults())) {
      writer.write(good(1));
      // Fails on the last value, after earlier values of the row were valid.
      assertThatThrownBy(() -> writer.write(values(2L, 2L, values(null, Map.of("k", 1L)))))
          .isInstanceOf(IllegalArgumentException.class);
      writer.write(good(3));
      assertThat(writer.rows()).isEqualTo(2);
    }

    try (DuckDb duck = DuckDb.open()) {
      assertThat(duck.rows("SELECT id, epoch_us(\"at\"), \"order\".items[1].sku, \"order\".tags['k'] FROM read_parquet("
          + DuckDb.literal(file) + ") ORDER BY id"))
          .containsExactly(List.of(1L, 1_000L, "s1", true), List.of(3L, 3_000L, "s3", true));
    }
  }

  @Test
  void estimatedBytesGrowsWithRowsAndIsTheExactFileLengthOnceClosed() throws Exception {
    Path file = dir.resolve("size.parquet");
    ParquetRowWriter writer = ParquetRowWriter.open(new LocalOutputFile(file), SCHEMA, WriteOptions.defaults());
    long empty = writer.estimatedBytes();
    for (int i = 0; i < 1_000; i++) {
      writer.write(good(i));
    }
    long afterThousand = writer.estimatedBytes();
    for (int i = 1_000; i < 5_000; i++) {
      writer.write(good(i));
    }
    long afterFiveThousand = writer.estimatedBytes();
    writer.close();

    assertThat(empty).isLessThan(afterThousand);
    assertThat(afterThousand).isLessThan(afterFiveThousand);
    assertThat(writer.rows()).isEqualTo(5_000);
    assertThat(writer.estimatedBytes()).isEqualTo(Files.size(file));
  }

  @Test
  void smallRowGroupsAreFlushedAsTheFileGrows() throws Exception {
    Path file = dir.resolve("groups.parquet");
    WriteOptions small = new WriteOptions(Compression.ZSTD, 64 * 1024, 8 * 1024);
    try (ParquetRowWriter writer = ParquetRowWriter.open(new LocalOutputFile(file), SCHEMA, small)) {
      for (int i = 0; i < 50_000; i++) {
        writer.write(good(i));
      }
    }

    try (DuckDb duck = DuckDb.open()) {
      String source = DuckDb.literal(file);
      assertThat((Long) duck.value("SELECT count(DISTINCT row_group_id) FROM parquet_metadata(" + source + ")"))
          .isGreaterThan(1);
      assertThat(duck.value("SELECT count(*) FROM read_parquet(" + source + ")")).isEqualTo(50_000L);
    }
  }

  @Test
  void writingAfterCloseFailsAndClosingTwiceDoesNothing() throws Exception {
    InMemoryOutputFile out = new InMemoryOutputFile();
    ParquetRowWriter writer = ParquetRowWriter.open(out, SCHEMA, WriteOptions.defaults());
    writer.write(good(1));
    writer.close();
    long length = out.size();
    writer.close();

    assertThat(out.size()).isEqualTo(length);
    assertThatThrownBy(() -> writer.write(good(2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is closed");
  }

  @Test
  void openingAnExistingFileFailsRatherThanOverwritingIt() throws Exception {
    Path file = Files.writeString(dir.resolve("exists.parquet"), "not parquet");

    assertThatThrownBy(() -> ParquetRowWriter.open(new LocalOutputFile(file), SCHEMA, WriteOptions.defaults()))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(Files.readString(file)).isEqualTo("not parquet");
  }

  @Test
  void inMemoryFileCanBeCreatedOnlyOnce() throws Exception {
    InMemoryOutputFile out = new InMemoryOutputFile();
    ParquetRowWriter.open(out, SCHEMA, WriteOptions.defaults()).close();

    assertThatThrownBy(() -> ParquetRowWriter.open(out, SCHEMA, WriteOptions.defaults()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("already created");
  }
}
