package io.tributary.parquet;

import static io.tributary.parquet.Rows.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.schema.DatasetSchema;
import io.tributary.schema.Field;
import io.tributary.schema.PrimitiveType;
import io.tributary.testing.DuckDb;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.OffsetIndex;
import org.apache.parquet.format.PageLocation;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the column chunks encode, as DuckDB reads a file's metadata back: dictionaries kept where they pay and given
 * up where they do not, statistics in Parquet's order, pages cut at the row limit.
 */
class ColumnChunksTest {
  private static final DatasetSchema SCHEMA = new DatasetSchema("t", 1, Rows.struct(
      field("category", PrimitiveType.STRING), field("id", PrimitiveType.STRING), field("n", PrimitiveType.LONG),
      field("x", PrimitiveType.DOUBLE), field("flag", PrimitiveType.BOOLEAN), field("late", PrimitiveType.STRING)));

  @TempDir
  Path dir;
  private DuckDb duck;

  @BeforeEach
  void openDuckDb() throws Exception {
    duck = DuckDb.open();
  }

  @AfterEach
  void closeDuckDb() throws Exception {
    duck.close();
  }

  @Test
  void repeatingColumnsKeepTheirDictionaryAndDistinctOnesGiveItUpOnTheFirstPage() throws Exception {
    Path file = write(rows(5_000, 5_000), WriteOptions.defaults());

    assertThat(encodings(file, "category")).contains("PLAIN_DICTIONARY").doesNotContain("PLAIN");
    assertThat(dictionaryPage(file, "category")).isTrue();
    assertThat(encodings(file, "id")).contains("PLAIN").doesNotContain("PLAIN_DICTIONARY");
    assertThat(dictionaryPage(file, "id")).isFalse();
    assertThat(encodings(file, "x")).contains("PLAIN_DICTIONARY").doesNotContain("PLAIN");
    assertThat(encodings(file, "n")).contains("PLAIN").doesNotContain("PLAIN_DICTIONARY");
    assertThat(encodings(file, "flag")).contains("PLAIN").doesNotContain("PLAIN_DICTIONARY");
    assertThat(duck.value("SELECT count(DISTINCT id) FROM read_parquet(" + DuckDb.literal(file) + ")"))
        .isEqualTo(5_000L);
  }

  @Test
  void aDictionaryOutgrowingItsPageFallsBackMidChunkAndEveryValueReadsBack() throws Exception {
    // 3,000 rows of five repeated values, then distinct long ones: the dictionary passes 4 KiB on a later page.
    Path file = write(rows(6_000, 3_000), new WriteOptions(WriteOptions.defaults().compression(), 64 * 1024, 4096));

    assertThat(encodings(file, "late")).contains("PLAIN_DICTIONARY", "PLAIN");
    assertThat(dictionaryPage(file, "late")).isTrue();
    List<List<Object>> read = duck.rows("SELECT late, n, x, flag FROM read_parquet(" + DuckDb.literal(file)
        + ") ORDER BY n");
    for (int i = 0; i < 6_000; i++) {
      assertThat(read.get(i)).containsExactly(late(i), (long) i - 3_000, x(i), i % 3 == 0);
    }
  }

  @Test
  void statisticsFollowParquetsOrder() throws Exception {
    Path file = Rows.writeFile(dir.resolve("stats.parquet"), SCHEMA, WriteOptions.defaults(),
        Rows.values("z", "a", -5L, 0.0, true, null),
        Rows.values("é", "b", Long.MIN_VALUE, -0.0, true, null),
        Rows.values("Z", null, Long.MAX_VALUE, -1.5, true, null),
        Rows.values(null, "", 7L, 2.25, true, null));

    Map<String, Object> category = chunk(file, "category");
    assertThat(category.get("stats_min_value")).isEqualTo("Z");
    assertThat(category.get("stats_max_value")).isEqualTo("é"); // UTF-8 bytes compare unsigned: 0xC3 > 'z'
    assertThat(category.get("stats_null_count")).isEqualTo(1L);
    assertThat(chunk(file, "id").get("stats_min_value")).isEqualTo("");
    assertThat(chunk(file, "n").get("stats_min_value")).isEqualTo(Long.toString(Long.MIN_VALUE));
    assertThat(chunk(file, "n").get("stats_max_value")).isEqualTo(Long.toString(Long.MAX_VALUE));
    assertThat(chunk(file, "x").get("stats_min_value")).isEqualTo("-1.5");
    assertThat(chunk(file, "x").get("stats_max_value")).isEqualTo("2.25");
    assertThat(chunk(file, "flag").get("stats_min_value")).isEqualTo("true");
    assertThat(chunk(file, "late").get("stats_null_count")).isEqualTo(4L);
    assertThat(chunk(file, "late").get("stats_min_value")).isNull();
  }

  @Test
  void aFileWrittenOnAThreadThatWroteOneBeforeIsTheSameFile() throws Exception {
    // The second file's page arrays come from the first's (ColumnArrays); nothing of the first may show.
    Object[][] first = rows(30_000, 10_000);
    Object[][] second = rows(2_000, 1_000);
    write(first, WriteOptions.defaults());
    Path reused = Rows.writeFile(dir.resolve("reused.parquet"), SCHEMA, WriteOptions.defaults(), second);
    Path fresh = dir.resolve("fresh.parquet");
    Thread thread = new Thread(() -> {
      try {
        Rows.writeFile(fresh, SCHEMA, WriteOptions.defaults(), second);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    thread.start();
    thread.join();

    assertThat(Files.readAllBytes(reused)).isEqualTo(Files.readAllBytes(fresh));
  }

  @Test
  void aThreadKeepsAtMostItsBoundOfPageArraysBetweenFiles() throws Exception {
    // 24 columns of 100-byte strings: each column's open page grows to about the 1 MiB page size, 24 MiB in all.
    Field[] fields = new Field[24];
    for (int c = 0; c < fields.length; c++) {
      fields[c] = field("s" + c, PrimitiveType.STRING);
    }
    DatasetSchema wide = new DatasetSchema("wide", 1, Rows.struct(fields));
    Object[][] rows = new Object[12_000][];
    for (int i = 0; i < rows.length; i++) {
      Object[] row = new Object[fields.length];
      for (int c = 0; c < row.length; c++) {
        row[c] = String.format("%0100d", (long) i * fields.length + c);
      }
      rows[i] = row;
    }
    long[] kept = new long[2];
    Thread thread = new Thread(() -> {
      try {
        Rows.writeFile(dir.resolve("wide.parquet"), wide, WriteOptions.defaults(), rows);
        kept[0] = ColumnArrays.keptBytes();
        Rows.writeFile(dir.resolve("small.parquet"), SCHEMA, WriteOptions.defaults(), rows(100, 100));
        kept[1] = ColumnArrays.keptBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    thread.start();
    thread.join();

    assertThat(kept[0]).isPositive().isLessThanOrEqualTo(ColumnArrays.MAX_KEPT_BYTES);
    assertThat(kept[1]).isPositive().isLessThanOrEqualTo(ColumnArrays.MAX_KEPT_BYTES);
  }

  @Test
  void pagesHoldAtMostTheRowLimit() throws Exception {
    Path file = write(rows(45_000, 45_000), WriteOptions.defaults());

    // DuckDB does not list pages: the offset index does, read with parquet-format's own Thrift structures.
    assertThat(pageRows(file, "n")).containsExactly(20_000L, 20_000L, 5_000L);
    assertThat(pageRows(file, "flag")).containsExactly(20_000L, 20_000L, 5_000L);
  }

  /** {@code count} rows; the first {@code repeating} have a late column of five values, the rest distinct ones. */
  private static Object[][] rows(int count, int repeating) {
    Object[][] rows = new Object[count][];
    for (int i = 0; i < count; i++) {
      rows[i] = Rows.values("c" + i % 5, "id-" + i, (long) i - repeating, x(i), i % 3 == 0,
          i < repeating ? "v" + i % 5 : late(i));
    }
    return rows;
  }

  private static String late(int i) {
    return i < 3_000 ? "v" + i % 5 : "a long and distinct value number " + i;
  }

  private static double x(int i) {
    return i % 7 * 0.5;
  }

  private Path write(Object[][] rows, WriteOptions options) throws Exception {
    return Rows.writeFile(dir.resolve("f" + rows.length + ".parquet"), SCHEMA, options, rows);
  }

  /** The rows of each page of the first row group's chunk of {@code column}, from its offset index. */
  private static List<Long> pageRows(Path file, String column) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    int footerLength = ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    FileMetaData footer = Util.readFileMetaData(
        new ByteArrayInputStream(bytes, bytes.length - 8 - footerLength, footerLength));
    RowGroup group = footer.getRow_groups().get(0);
    ColumnChunk chunk = group.getColumns().stream()
        .filter(c -> String.join(".", c.getMeta_data().getPath_in_schema()).equals(column)).findFirst().orElseThrow();
    OffsetIndex index = Util.readOffsetIndex(new ByteArrayInputStream(bytes, (int) chunk.getOffset_index_offset(),
        chunk.getOffset_index_length()));
    List<Long> rows = new ArrayList<>();
    List<PageLocation> pages = index.getPage_locations();
    for (int page = 0; page < pages.size(); page++) {
      long next = page + 1 < pages.size() ? pages.get(page + 1).getFirst_row_index() : group.getNum_rows();
      rows.add(next - pages.get(page).getFirst_row_index());
    }
    return rows;
  }

  private List<String> encodings(Path file, String column) throws Exception {
    List<String> all = new ArrayList<>();
    for (List<Object> row : duck.rows("SELECT encodings FROM parquet_metadata(" + DuckDb.literal(file)
        + ") WHERE path_in_schema = '" + column + "'")) {
      all.addAll(List.of(String.valueOf(row.get(0)).split(",\\s*")));
    }
    return all;
  }

  private boolean dictionaryPage(Path file, String column) throws Exception {
    return duck.value("SELECT bool_or(dictionary_page_offset IS NOT NULL AND dictionary_page_offset > 0) FROM "
        + "parquet_metadata(" + DuckDb.literal(file) + ") WHERE path_in_schema = '" + column + "'").equals(true);
  }

  private Map<String, Object> chunk(Path file, String column) throws Exception {
    return duck.row("SELECT * FROM parquet_metadata(" + DuckDb.literal(file) + ") WHERE path_in_schema = '"
        + column + "'");
  }
}
