package io.tributary.iceberg;

import static io.tributary.iceberg.testing.EvolvingOrders.flush;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.commit.CommitOutcome;
import io.tributary.iceberg.testing.EvolvingOrders;
import io.tributary.iceberg.testing.ReservedNameEvents;
import io.tributary.iceberg.testing.TableRows;
import io.tributary.layout.LakeLayout;
import io.tributary.parquet.WriteOptions;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.Field;
import io.tributary.schema.MetadataColumns;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import io.tributary.source.SourcePartition;
import io.tributary.store.LocalFileStore;
import io.tributary.store.ObjectStore;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.jdbc.JdbcClientPool;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data columns named like Iceberg's metadata columns ({@code _file}, {@code _pos}, ...: Spark refuses to read the
 * metadata column from a table with one) get a suffix in the table, deterministically and without changing any field
 * id. Spark's side: reader-tests' IcebergReservedNamesReadTest.
 */
class IcebergReservedNamesTest {
  private static final SourcePartition P0 = new SourcePartition("events-topic", "0");
  private static final long HOUR = 1_773_000_000_000_000L / EvolvingOrders.HOUR_MICROS * EvolvingOrders.HOUR_MICROS;

  @TempDir Path dir;

  @Test
  void reservedAndTakenNamesGetUnderscoresWhileIdsStayThoseOfPlainNames() {
    Schema reserved = IcebergSchemas.replay(ReservedNameEvents.versions()).get(1);
    Schema plain = IcebergSchemas.replay(ReservedNameEvents.history("a", "b", "c")).get(1);

    assertThat(reserved.columns()).extracting(Types.NestedField::name).containsExactly("_event_time",
        "_ingest_time", "_source", "_source_partition", "_offset", "_rescued", "_file_", "n", "ctx", "_pos_",
        "_file__");
    assertThat(reserved.findField("ctx._pos")).isNotNull(); // nested names are not Iceberg's to reserve
    assertThat(reserved.columns()).extracting(Types.NestedField::fieldId)
        .isEqualTo(plain.columns().stream().map(Types.NestedField::fieldId).toList());
    assertThat(reserved.findField("ctx._pos").fieldId()).isEqualTo(plain.findField("ctx._pos").fieldId());
    assertThat(reserved.columns()).noneMatch(c -> org.apache.iceberg.MetadataColumns.isMetadataColumn(c.name()));
  }

  @Test
  void aDataColumnNamedLikeTheEventTimeColumnGetsASuffixToo() {
    assertThat(IcebergSchemas.topLevelNames(List.of("_partition", "_event_time", "_source_partition", "_row_id")))
        .containsExactly("_source_partition", "_event_time_", "_source_partition_", "_row_id_");
  }

  @Test
  void everyMetadataColumnNameOfIcebergIsReserved() throws Exception {
    List<String> icebergs = new ArrayList<>(List.of(org.apache.iceberg.MetadataColumns.PARTITION_COLUMN_NAME));
    for (java.lang.reflect.Field constant : org.apache.iceberg.MetadataColumns.class.getFields()) {
      if (Modifier.isStatic(constant.getModifiers()) && constant.getType() == Types.NestedField.class) {
        String name = ((Types.NestedField) constant.get(null)).name();
        if (name.startsWith("_")) {
          icebergs.add(name);
        }
      }
    }

    assertThat(icebergs).contains("_file", "_pos", "_deleted", "_spec_id", "_row_id",
        "_last_updated_sequence_number");
    assertThat(IcebergSchemas.RESERVED).containsAll(icebergs);
  }

  @Test
  void renamedColumnsOfAWideTableKeepTheirMetrics() {
    StructType root = MetadataColumns.emptyRoot().withAppended(new Field("_file", "_file", PrimitiveType.STRING));
    for (int i = 0; i < 120; i++) {
      root = root.withAppended(new Field("c" + i, "c" + i, PrimitiveType.LONG));
    }
    DatasetSchema schema = new DatasetSchema("wide", 1, root);
    Schema iceberg = IcebergSchemas.replay(List.of(schema)).get(0);
    List<Object[]> rows = new ArrayList<>();
    for (int o = 0; o < 3; o++) {
      Object[] row = new Object[root.fields().size()];
      row[MetadataColumns.PARTITION_INDEX] = "0";
      row[MetadataColumns.COUNT] = "f" + o;
      rows.add(row);
    }
    byte[] bytes = IcebergDataFiles.encode(schema, iceberg, rows, new long[] {HOUR, HOUR, HOUR},
        WriteOptions.defaults());

    // Beyond 100 columns Iceberg's default mode is none but for the first 100, which it names by the table's names.
    DataFile file = IcebergDataFiles.describe("wide.parquet", bytes,
        PartitionSpec.builderFor(iceberg).hour(IcebergSchemas.EVENT_TIME).build(),
        MetricsConfig.from(Map.of(), iceberg, SortOrder.unsorted()));

    int sourcePartition = iceberg.findField(IcebergSchemas.SOURCE_PARTITION).fieldId();
    int fileColumn = iceberg.findField("_file_").fieldId();
    assertThat(file.valueCounts()).containsEntry(sourcePartition, 3L).containsEntry(fileColumn, 3L);
    assertThat(Conversions.<CharSequence>fromByteBuffer(Types.StringType.get(), file.lowerBounds().get(fileColumn))
        .toString()).isEqualTo("f0");
    assertThat(file.valueCounts()).doesNotContainKey(iceberg.findField("c119").fieldId());
  }

  @Test
  void aTableWithReservedDataColumnsLandsAndReadsBackUnderTheSuffixedNames() throws Exception {
    List<DatasetSchema> history = ReservedNameEvents.versions();
    try (JdbcCatalog catalog = catalog()) {
      Table table = land(catalog, history);
      assertThat(table.schema().asStruct()).isEqualTo(IcebergSchemas.replay(history).get(1).asStruct());
      List<Record> rows = TableRows.read(table);
      assertThat(TableRows.offsetCounts(rows)).containsOnlyKeys("0", "1", "2", "3")
          .allSatisfy((offset, count) -> assertThat(count).isOne());
      Record first = TableRows.at(rows, 1);
      assertThat(Arrays.asList(first.getField("_file_"), first.getField("n"), first.getField("_pos_"),
          first.getField("_file__"), first.getField("_source_partition"))).containsExactly("f1", 1L, null, null, "0");
      assertThat(((Record) first.getField("ctx")).getField("_pos")).isEqualTo("p1");
      Record last = TableRows.at(rows, 3);
      assertThat(Arrays.asList(last.getField("_file_"), last.getField("_pos_"), last.getField("_file__")))
          .containsExactly("f3", 3L, "g3");
    }
  }

  @Test
  void dataColumnsNamedEventTimeSourcePartitionAndFileLandBesideTheEventTimeAndReadBack() throws Exception {
    List<DatasetSchema> history = ReservedNameEvents.eventTimeNames();
    try (JdbcCatalog catalog = catalog()) {
      Table table = land(catalog, history);
      assertThat(table.schema().columns()).extracting(Types.NestedField::name).containsExactly("_event_time",
          "_ingest_time", "_source", "_source_partition", "_offset", "_rescued", "_event_time_", "n", "ctx",
          "_source_partition_", "_file_");
      List<Record> rows = TableRows.read(table);
      assertThat(TableRows.offsetCounts(rows)).containsOnlyKeys("0", "1", "2", "3")
          .allSatisfy((offset, count) -> assertThat(count).isOne());
      Record last = TableRows.at(rows, 3);
      assertThat(Arrays.asList(last.getField("_event_time_"), last.getField("n"), last.getField("_source_partition"),
          last.getField("_source_partition_"), last.getField("_file_"))).containsExactly("f3", 3L, "0", 3L, "g3");
      assertThat(((java.time.OffsetDateTime) last.getField("_event_time")).toInstant()).isEqualTo(
          java.time.Instant.EPOCH.plus(EvolvingOrders.eventTime(HOUR, 3), java.time.temporal.ChronoUnit.MICROS));
    }
  }

  private JdbcCatalog catalog() {
    ObjectStoreFileIO io = io();
    JdbcCatalog catalog = new JdbcCatalog(props -> io, props -> new JdbcClientPool(props.get("uri"), props), true);
    catalog.initialize("tributary", Map.of("uri", "jdbc:sqlite:" + dir.resolve("catalog.db"),
        "warehouse", io.root(), "jdbc.schema-version", "V1"));
    catalog.createNamespace(Namespace.of("tributary"));
    return catalog;
  }

  private ObjectStoreFileIO io() {
    return new ObjectStoreFileIO(new LocalFileStore(dir.resolve("store")), "file:" + dir.resolve("store"));
  }

  /** Offsets 0-1 under version 1 and 2-3 under version 2 of {@code history}, one commit each; the table. */
  private Table land(JdbcCatalog catalog, List<DatasetSchema> history) {
    ObjectStoreFileIO io = io();
    ObjectStore store = new LocalFileStore(dir.resolve("store"));
    LakeLayout layout = new LakeLayout("lake", "errors");
    IcebergTableFormat format = new IcebergTableFormat(catalog, store, io, layout,
        IcebergSettings.allDatasets("tributary"), dataset -> history, "a", Clock.systemUTC());
    assertThat(format.commit(P0, flush(1, 1, ReservedNameEvents.file(format, layout, P0, history, 1, 0, 1, HOUR))))
        .isInstanceOf(CommitOutcome.Committed.class);
    assertThat(format.commit(P0, flush(2, 3, ReservedNameEvents.file(format, layout, P0, history, 2, 2, 3, HOUR))))
        .isInstanceOf(CommitOutcome.Committed.class);
    return catalog.loadTable(TableIdentifier.of("tributary", ReservedNameEvents.DATASET));
  }
}
