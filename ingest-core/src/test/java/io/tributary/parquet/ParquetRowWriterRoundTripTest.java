package io.tributary.parquet;

import io.tributary.testing.DuckDb;
import static io.tributary.parquet.Rows.field;
import static io.tributary.parquet.Rows.listOf;
import static io.tributary.parquet.Rows.struct;
import static io.tributary.parquet.Rows.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.tributary.schema.DatasetSchema;
import io.tributary.schema.ListType;
import io.tributary.schema.MapType;
import io.tributary.schema.MetadataColumns;
import io.tributary.schema.PrimitiveType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every column type written by {@link ParquetRowWriter} and read back by DuckDB. */
class ParquetRowWriterRoundTripTest {
  private static final long T1 = 1_717_171_717_123_456L;
  private static final long T2 = -86_400_000_000L;

  /** Every type, with nesting: a struct in a struct, a struct in a list of structs, a list of lists, maps. */
  static final DatasetSchema SCHEMA = Rows.withMetadata("orders", 4,
      field("id", PrimitiveType.LONG),
      field("price", PrimitiveType.DOUBLE),
      field("paid", PrimitiveType.BOOLEAN),
      field("note", PrimitiveType.STRING),
      field("payload", PrimitiveType.JSON),
      field("placed_at", PrimitiveType.TIMESTAMP),
      field("customer", struct(
          field("nick", PrimitiveType.STRING),
          field("address", struct(field("city", PrimitiveType.STRING), field("zip", PrimitiveType.LONG))))),
      field("items", new ListType(struct(
          field("sku", PrimitiveType.STRING),
          field("qty", PrimitiveType.LONG),
          field("dims", struct(field("w", PrimitiveType.DOUBLE), field("h", PrimitiveType.DOUBLE)))))),
      field("scores", new ListType(PrimitiveType.LONG)),
      field("matrix", new ListType(new ListType(PrimitiveType.LONG))),
      field("counts", new MapType(PrimitiveType.LONG)),
      field("seen", new ListType(PrimitiveType.TIMESTAMP)));

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

  private static Map<String, Object> counts() {
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("a", 1L);
    counts.put("b", null);
    counts.put("ключ", -7L);
    return counts;
  }

  static Object[] fullRow() {
    return Rows.withMetadataValues(T1, 42,
        7L, 19.99, true, "Zoë in 東京 🚀", "{\"a\":[1,2]}", T1,
        values("ann", values("Zürich", 8001L)),
        listOf(values("A-1", 2L, values(1.5, 2.5)), values("B-2", null, null), null),
        listOf(1L, null, 3L),
        listOf(listOf(1L, 2L), listOf(), null),
        counts(),
        listOf(T2, null));
  }

  static Object[] emptyCollectionsRow() {
    return Rows.withMetadataValues(T2, 43,
        8L, -0.0, false, "", "null", T2,
        values(null, values(null, null)),
        List.of(),
        List.of(),
        List.of(),
        Map.of(),
        List.of());
  }

  static Object[] nullsRow() {
    return Rows.withMetadataValues(0, 44, 9L, null, null, null, null, null, null, null, null, null, null, null);
  }

  private Path written() throws Exception {
    return Rows.writeFile(dir.resolve("orders.parquet"), SCHEMA, WriteOptions.defaults(),
        fullRow(), emptyCollectionsRow(), nullsRow());
  }

  @Test
  void everyColumnTypeReadsBackWithTheMatchingDuckDbType() throws Exception {
    Path file = written();

    assertThat(duck.columnTypes("read_parquet(" + DuckDb.literal(file) + ")")).containsExactly(
        entry("_ingest_time", "TIMESTAMP WITH TIME ZONE"),
        entry("_source", "VARCHAR"),
        entry("_partition", "VARCHAR"),
        entry("_offset", "VARCHAR"),
        entry("_rescued", "VARCHAR"),
        entry("id", "BIGINT"),
        entry("price", "DOUBLE"),
        entry("paid", "BOOLEAN"),
        entry("note", "VARCHAR"),
        entry("payload", "VARCHAR"),
        entry("placed_at", "TIMESTAMP WITH TIME ZONE"),
        entry("customer", "STRUCT(nick VARCHAR, address STRUCT(city VARCHAR, zip BIGINT))"),
        entry("items", "STRUCT(sku VARCHAR, qty BIGINT, dims STRUCT(w DOUBLE, h DOUBLE))[]"),
        entry("scores", "BIGINT[]"),
        entry("matrix", "BIGINT[][]"),
        entry("counts", "MAP(VARCHAR, BIGINT)"),
        entry("seen", "TIMESTAMP WITH TIME ZONE[]"));
  }

  @Test
  void scalarValuesReadBackExactlyIncludingNonAsciiStringsAndMicroseconds() throws Exception {
    Path file = written();

    Map<String, Object> row = duck.row("SELECT epoch_us(_ingest_time) AS ingest, _source, _partition, _offset, "
        + "_rescued, id, price, paid, note, payload, epoch_us(placed_at) AS placed "
        + "FROM read_parquet(" + DuckDb.literal(file) + ") WHERE id = 7");

    assertThat(row).containsExactly(
        entry("ingest", T1), entry("_source", "orders-topic"), entry("_partition", "3"), entry("_offset", "42"),
        entry("_rescued", null), entry("id", 7L), entry("price", 19.99), entry("paid", true),
        entry("note", "Zoë in 東京 🚀"), entry("payload", "{\"a\":[1,2]}"), entry("placed", T1));
  }

  @Test
  void nestedValuesReadBackWithNullElementsAndNullMapValues() throws Exception {
    Path file = written();

    Map<String, Object> row = duck.row("SELECT customer::VARCHAR AS customer, items::VARCHAR AS items, "
        + "items[1].dims.h AS first_height, scores::VARCHAR AS scores, matrix::VARCHAR AS matrix, "
        + "counts['ключ'] AS cyrillic, counts::VARCHAR AS counts, list_transform(seen, x -> epoch_us(x))::VARCHAR AS seen "
        + "FROM read_parquet(" + DuckDb.literal(file) + ") WHERE id = 7");

    assertThat(row).containsEntry("customer", "{'nick': ann, 'address': {'city': Zürich, 'zip': 8001}}")
        .containsEntry("items", "[{'sku': A-1, 'qty': 2, 'dims': {'w': 1.5, 'h': 2.5}}, "
            + "{'sku': B-2, 'qty': NULL, 'dims': NULL}, NULL]")
        .containsEntry("first_height", 2.5)
        .containsEntry("scores", "[1, NULL, 3]")
        .containsEntry("matrix", "[[1, 2], [], NULL]")
        .containsEntry("cyrillic", -7L)
        .containsEntry("counts", "{a=1, b=NULL, ключ=-7}")
        .containsEntry("seen", "[" + T2 + ", NULL]");
  }

  @Test
  void emptyListsAndMapsStayEmptyWhileNullOnesStayNull() throws Exception {
    Path file = written();

    List<List<Object>> rows = duck.rows("SELECT id, len(items), len(scores), len(matrix), cardinality(counts)::BIGINT, "
        + "len(seen), customer::VARCHAR FROM read_parquet(" + DuckDb.literal(file) + ") WHERE id IN (8, 9) "
        + "ORDER BY id");

    assertThat(rows).containsExactly(
        List.of(8L, 0L, 0L, 0L, 0L, 0L, "{'nick': NULL, 'address': {'city': NULL, 'zip': NULL}}"),
        listOf(9L, null, null, null, null, null, null));
  }

  @Test
  void nullScalarsReadBackAsNull() throws Exception {
    Path file = written();

    List<Object> row = duck.rows("SELECT price, paid, note, payload, placed_at FROM read_parquet("
        + DuckDb.literal(file) + ") WHERE id = 9").get(0);

    assertThat(row).containsOnlyNulls().hasSize(5);
  }

  @Test
  void rowShorterThanTheSchemaReadsBackWithNullTrailingColumns() throws Exception {
    Object[] full = fullRow();
    Object[] upToNote = Arrays.copyOf(full, MetadataColumns.COUNT + 4);
    Object[] metadataOnly = Rows.withMetadataValues(T1, 50);
    Path file = Rows.writeFile(dir.resolve("short.parquet"), SCHEMA, WriteOptions.defaults(), upToNote,
        metadataOnly);

    List<List<Object>> rows = duck.rows("SELECT _offset, id, note, placed_at, customer, items, counts, seen "
        + "FROM read_parquet(" + DuckDb.literal(file) + ") ORDER BY _offset");

    assertThat(rows).containsExactly(
        listOf("42", 7L, "Zoë in 東京 🚀", null, null, null, null, null),
        listOf("50", null, null, null, null, null, null, null));
  }

  @Test
  void structShorterThanItsFieldsReadsBackWithNullTrailingFields() throws Exception {
    Object[] row = Rows.withMetadataValues(T1, 51, 10L, null, null, null, null, null,
        values("bob"), listOf((Object) values("C-3")));
    Path file = Rows.writeFile(dir.resolve("short-struct.parquet"), SCHEMA, WriteOptions.defaults(), row);

    Map<String, Object> read = duck.row("SELECT customer::VARCHAR AS customer, items::VARCHAR AS items "
        + "FROM read_parquet(" + DuckDb.literal(file) + ")");

    assertThat(read).containsEntry("customer", "{'nick': bob, 'address': NULL}")
        .containsEntry("items", "[{'sku': C-3, 'qty': NULL, 'dims': NULL}]");
  }
}
