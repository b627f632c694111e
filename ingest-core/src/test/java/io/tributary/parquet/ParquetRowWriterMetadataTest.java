package io.tributary.parquet;

import io.tributary.testing.DuckDb;
import static io.tributary.parquet.Rows.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.schema.DatasetSchema;
import io.tributary.schema.PrimitiveType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a written file says about itself: codec, key-value metadata, physical schema. */
class ParquetRowWriterMetadataTest {
  private static final DatasetSchema SCHEMA = Rows.withMetadata("clicks", 3,
      field("user", PrimitiveType.STRING), field("n", PrimitiveType.LONG));

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

  private Path write(String name, WriteOptions options) throws Exception {
    Object[][] rows = new Object[200][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = Rows.withMetadataValues(1_000_000L * i, i, "user-" + (i % 7), (long) i);
    }
    return Rows.writeFile(dir.resolve(name), SCHEMA, options, rows);
  }

  private List<Object> codecs(Path file) throws Exception {
    return duck.rows("SELECT DISTINCT compression FROM parquet_metadata(" + DuckDb.literal(file) + ")").stream()
        .map(row -> row.get(0)).toList();
  }

  @Test
  void defaultCodecIsZstdAndTheFileIsReadable() throws Exception {
    Path file = write("zstd.parquet", WriteOptions.defaults());

    assertThat(codecs(file)).containsExactly("ZSTD");
    assertThat(duck.value("SELECT sum(n)::BIGINT FROM read_parquet(" + DuckDb.literal(file) + ")")).isEqualTo(19_900L);
  }

  @Test
  void snappyWhenChosenAndTheFileIsReadable() throws Exception {
    Path file = write("snappy.parquet", WriteOptions.defaults().withCompression(Compression.SNAPPY));

    assertThat(codecs(file)).containsExactly("SNAPPY");
    assertThat(duck.value("SELECT count(DISTINCT user) FROM read_parquet(" + DuckDb.literal(file) + ")"))
        .isEqualTo(7L);
  }

  @Test
  void uncompressedWhenChosenAndTheFileIsReadable() throws Exception {
    Path file = write("none.parquet", WriteOptions.defaults().withCompression(Compression.fromConfig("none")));

    assertThat(codecs(file)).containsExactly("UNCOMPRESSED");
    assertThat(duck.value("SELECT max(n) FROM read_parquet(" + DuckDb.literal(file) + ")")).isEqualTo(199L);
  }

  @Test
  void keyValueMetadataHoldsTheDatasetAndTheSchemaVersion() throws Exception {
    Path file = write("kv.parquet", WriteOptions.defaults());

    Map<Object, Object> metadata = duck.rows("SELECT decode(key), decode(value) FROM parquet_kv_metadata("
        + DuckDb.literal(file) + ")").stream().collect(Collectors.toMap(row -> row.get(0), row -> row.get(1)));

    assertThat(metadata).containsEntry("tributary.dataset", "clicks")
        .containsEntry("tributary.schema.version", "3")
        .containsEntry("writer.model.name", "tributary");
  }

  @Test
  void physicalSchemaIsNamedForTheDatasetWithOptionalColumnsAndMicrosUtcTimestamps() throws Exception {
    Path file = write("schema.parquet", WriteOptions.defaults());

    List<List<Object>> schema = duck.rows("SELECT name, type, repetition_type, converted_type, logical_type "
        + "FROM parquet_schema(" + DuckDb.literal(file) + ")");

    assertThat(schema.get(0).get(0)).isEqualTo("clicks");
    assertThat(schema.subList(1, schema.size())).extracting(row -> row.get(2)).containsOnly("OPTIONAL");
    List<Object> ingestTime = schema.get(1);
    assertThat(ingestTime.subList(0, 2)).containsExactly("_ingest_time", "INT64");
    assertThat(String.valueOf(ingestTime.get(4))).contains("isAdjustedToUTC=1").contains("MICROS=MicroSeconds()")
        .contains("NANOS=<null>");
    assertThat(schema.get(2).subList(0, 4)).containsExactly("_source", "BYTE_ARRAY", "OPTIONAL", "UTF8");
  }

  @Test
  void dictionaryEncodingIsUsedForRepetitiveColumns() throws Exception {
    Path file = write("dict.parquet", WriteOptions.defaults());

    Object encodings = duck.value("SELECT encodings FROM parquet_metadata(" + DuckDb.literal(file) + ") "
        + "WHERE path_in_schema = 'user'");

    assertThat(String.valueOf(encodings)).contains("DICTIONARY");
  }

  @Test
  void inMemoryFileHoldsTheSameReadableParquet() throws Exception {
    InMemoryOutputFile memory = new InMemoryOutputFile("clicks.parquet");
    try (ParquetRowWriter writer = ParquetRowWriter.open(memory, SCHEMA, WriteOptions.defaults())) {
      writer.write(Rows.withMetadataValues(5, 1, "ann", 5L));
      writer.write(Rows.withMetadataValues(6, 2, "bob", 6L));
    }
    byte[] bytes = memory.toByteArray();
    Path file = Files.write(dir.resolve("from-memory.parquet"), bytes);

    assertThat(bytes).startsWith('P', 'A', 'R', '1').endsWith('P', 'A', 'R', '1');
    assertThat(memory.size()).isEqualTo(bytes.length);
    assertThat(duck.rows("SELECT user, n FROM read_parquet(" + DuckDb.literal(file) + ") ORDER BY n"))
        .containsExactly(List.of("ann", 5L), List.of("bob", 6L));
  }
}
