package io.tributary.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.buffer.RowBuffer;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.ListType;
import io.tributary.schema.MetadataColumns;
import io.tributary.schema.PrimitiveType;
import io.tributary.source.Position;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trusted entry point, {@link ParquetRowWriter#writeAll(org.apache.parquet.io.OutputFile, RowBuffer,
 * WriteOptions)}, streams a buffer's compact rows into the column writers: it must make byte for byte the file that
 * the checked path makes of the same rows as objects, for every column type, short rows, strings that straddle the
 * buffer's chunks, and with the dictionary choice of many rows.
 */
class BufferedRowsWriteTest {
  @TempDir
  Path dir;

  /** {@code rows} appended to a new buffer in order, at positions 0, 1, 2... */
  static RowBuffer buffer(DatasetSchema schema, List<Object[]> rows) {
    RowBuffer buffer = new RowBuffer(0);
    for (int i = 0; i < rows.size(); i++) {
      buffer.append(schema, rows.get(i), Position.of(i), 0);
    }
    return buffer;
  }

  private byte[] checked(DatasetSchema schema, RowBuffer buffer) throws Exception {
    Path file = dir.resolve("checked.parquet");
    ParquetRowWriter.writeAll(new LocalOutputFile(file), schema, WriteOptions.defaults(), buffer.values());
    return Files.readAllBytes(file);
  }

  private byte[] trusted(RowBuffer buffer) throws Exception {
    Path file = dir.resolve("trusted.parquet");
    long length = ParquetRowWriter.writeAll(new LocalOutputFile(file), buffer, WriteOptions.defaults());
    byte[] bytes = Files.readAllBytes(file);
    assertThat(length).isEqualTo(bytes.length);
    return bytes;
  }

  @Test
  void everyColumnTypeAndShortRowsMakeTheSameFileAsTheCheckedPath() throws Exception {
    DatasetSchema schema = ParquetRowWriterRoundTripTest.SCHEMA;
    Object[] full = ParquetRowWriterRoundTripTest.fullRow();
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      rows.add(full);
      rows.add(ParquetRowWriterRoundTripTest.emptyCollectionsRow());
      rows.add(ParquetRowWriterRoundTripTest.nullsRow());
      rows.add(Arrays.copyOf(full, MetadataColumns.COUNT + 4));
      // Long enough to straddle the buffer's first chunks.
      Object[] longNote = full.clone();
      longNote[MetadataColumns.COUNT + 3] = "ß".repeat(700 + i);
      rows.add(longNote);
    }
    RowBuffer buffer = buffer(schema, rows);

    assertThat(trusted(buffer)).isEqualTo(checked(schema, buffer));
  }

  @Test
  void manyRowsChooseTheSameDictionariesAndMakeTheSameFile() throws Exception {
    List<Object[]> rows = DictionaryChoiceTest.rows(3_000);
    RowBuffer buffer = buffer(DictionaryChoiceTest.SCHEMA, rows);

    assertThat(DictionaryChoice.plainColumns(DictionaryChoiceTest.SCHEMA.root(), buffer.cursor()))
        .isEqualTo(DictionaryChoice.plainColumns(DictionaryChoiceTest.SCHEMA.root(), rows.subList(0, 1_000)))
        .containsExactlyInAnyOrder("_offset", "id", "user.email");
    assertThat(trusted(buffer)).isEqualTo(checked(DictionaryChoiceTest.SCHEMA, buffer));
  }

  @Test
  void leavesOfListsAreJudgedTooAndBothPathsChooseAlike() throws Exception {
    DatasetSchema schema = Rows.withMetadata("orders", 1,
        Rows.field("items", new ListType(Rows.struct(Rows.field("sku", PrimitiveType.STRING),
            Rows.field("category", PrimitiveType.STRING)))),
        Rows.field("tags", new ListType(PrimitiveType.STRING)), Rows.field("ids", new ListType(PrimitiveType.LONG)));
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      rows.add(Rows.withMetadataValues(1_000L, i,
          Rows.listOf(Rows.values("SKU-" + i, i % 2 == 0 ? "shoes" : "hats"), Rows.values("SKU-x" + i, "hats")),
          Rows.listOf("tag-" + (i % 5), "tag-" + (i % 3)), Rows.listOf((long) i, i + 100_000L)));
    }
    RowBuffer buffer = buffer(schema, rows);

    assertThat(DictionaryChoice.plainColumns(schema.root(), buffer.cursor()))
        .isEqualTo(DictionaryChoice.plainColumns(schema.root(), rows.subList(0, 1_000)))
        .containsExactlyInAnyOrder("_offset", "items.list.element.sku", "ids.list.element");
    assertThat(trusted(buffer)).isEqualTo(checked(schema, buffer));
  }
}
