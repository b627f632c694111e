package io.tributary.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tributary.commit.CommitOutcome;
import io.tributary.commit.CommitRecord;
import io.tributary.commit.DurableRange;
import io.tributary.commit.EncodedFile;
import io.tributary.commit.FlushFiles;
import io.tributary.catalog.CatalogSync;
import io.tributary.iceberg.testing.DelegatingCatalog;
import io.tributary.landing.Backoff;
import io.tributary.landing.Landing;
import io.tributary.layout.LakeLayout;
import io.tributary.parquet.WriteOptions;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.Field;
import io.tributary.schema.MapType;
import io.tributary.schema.MetadataColumns;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import io.tributary.source.Position;
import io.tributary.source.SourcePartition;
import io.tributary.source.SourceRecord;
import io.tributary.store.LocalFileStore;
import io.tributary.store.ObjectStore;
import io.tributary.store.StoreException;
import io.tributary.testing.ForwardingStore;
import io.tributary.testing.TestLandings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.jdbc.JdbcClientPool;
import org.apache.iceberg.jdbc.UncheckedSQLException;
import org.apache.iceberg.types.TypeUtil;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IcebergTableFormat against a real JdbcCatalog on SQLite over a local folder, read back independently with
 * Iceberg's generic reader: every row once, evolved columns present, crash points, a zombie, recovery.
 */
class IcebergTableFormatTest {
  private static final String DATASET = "orders";
  private static final SourcePartition P0 = new SourcePartition("orders-topic", "0");
  private static final long HOUR = 3_600_000_000L;
  private static final long T0 = 1_773_000_000_000_000L / HOUR * HOUR;

  @TempDir Path dir;
  private ObjectStore store;
  private ObjectStoreFileIO io;
  private final List<JdbcCatalog> catalogs = new ArrayList<>();
  private final List<DatasetSchema> history = new ArrayList<>();
  private final LakeLayout layout = new LakeLayout("lake", "errors");

  @BeforeEach
  void setUp() {
    store = new LocalFileStore(dir.resolve("store"));
    io = new ObjectStoreFileIO(store, "file:" + dir.resolve("store"));
    StructType v1 = MetadataColumns.emptyRoot()
        .withAppended(new Field("user", "user", PrimitiveType.STRING))
        .withAppended(new Field("n", "n", PrimitiveType.LONG));
    StructType v2 = v1.withAppended(new Field("ctx", "ctx", StructType.of(new Field("ip", "ip",
        PrimitiveType.STRING))));
    int ctx = v2.indexOf("ctx");
    StructType v3 = v2.withReplaced(ctx, new Field("ctx", "ctx", StructType.of(
            new Field("ip", "ip", PrimitiveType.STRING), new Field("city", "city", PrimitiveType.STRING))))
        .withAppended(new Field("counts", "counts", new MapType(PrimitiveType.LONG)));
    history.add(new DatasetSchema(DATASET, 1, v1));
    history.add(new DatasetSchema(DATASET, 2, v2));
    history.add(new DatasetSchema(DATASET, 3, v3));
    catalog().createNamespace(Namespace.of("tributary"));
  }

  @AfterEach
  void tearDown() throws Exception {
    for (JdbcCatalog catalog : catalogs) {
      catalog.close();
    }
  }

  /** A catalog client of its own, as another instance would have (same catalog name: the rows are keyed by it). */
  private JdbcCatalog catalog() {
    JdbcCatalog catalog = new JdbcCatalog(props -> io, props -> new JdbcClientPool(props.get("uri"), props), true);
    catalog.initialize("tributary", Map.of("uri", "jdbc:sqlite:" + dir.resolve("catalog.db"),
        "warehouse", io.root(), "jdbc.schema-version", "V1"));
    catalogs.add(catalog);
    return catalog;
  }

  private IcebergTableFormat format(Catalog catalog, String owner) {
    return new IcebergTableFormat(catalog, store, io, layout, IcebergSettings.allDatasets("tributary"),
        d -> List.copyOf(history), owner, Clock.systemUTC());
  }

  /** Rows {@code first..last} of P0 under {@code version}, all in the hour of T0. */
  private EncodedFile file(IcebergTableFormat format, int version, long first, long last) {
    List<Object[]> rows = new ArrayList<>();
    long[] times = new long[(int) (last - first + 1)];
    for (long o = first; o <= last; o++) {
      Object[] row = new Object[history.get(version - 1).root().fields().size()];
      row[MetadataColumns.INGEST_TIME_INDEX] = T0;
      row[MetadataColumns.SOURCE_INDEX] = P0.stream();
      row[MetadataColumns.PARTITION_INDEX] = P0.partition();
      row[MetadataColumns.OFFSET_INDEX] = Long.toString(o);
      row[MetadataColumns.COUNT] = "u" + o;
      row[MetadataColumns.COUNT + 1] = o;
      if (version >= 2) {
        row[MetadataColumns.COUNT + 2] = version == 2 ? new Object[] {"10.0.0." + o}
            : new Object[] {"10.0.0." + o, "city" + o};
      }
      if (version >= 3) {
        row[MetadataColumns.COUNT + 3] = Map.of("k", o);
      }
      rows.add(row);
      times[(int) (o - first)] = T0 + o * 1_000_000L;
    }
    DurableRange range = new DurableRange(layout.dataFolder(DATASET, "year=2026/month=03/day=08/hour=20"),
        Position.of(first), Position.of(last));
    return format.encode(range, history.get(version - 1), rows, times, WriteOptions.defaults());
  }

  private static FlushFiles flush(long seq, long watermark, EncodedFile... files) {
    return new FlushFiles(seq, Position.of(watermark), List.of(files), List.of());
  }

  private List<Record> readAll() throws Exception {
    Table table = catalog().loadTable(TableIdentifier.of("tributary", DATASET));
    List<Record> out = new ArrayList<>();
    try (CloseableIterable<Record> rows = IcebergGenerics.read(table).build()) {
      rows.forEach(out::add);
    }
    return out;
  }

  private static Map<String, Integer> offsets(List<Record> rows) {
    Map<String, Integer> counts = new HashMap<>();
    rows.forEach(r -> counts.merge((String) r.getField(MetadataColumns.OFFSET), 1, Integer::sum));
    return counts;
  }

  @Test
  void aNumericTypeDecidedAcrossEventsAtTheRollReachesTheTable() throws Exception {
    JdbcCatalog catalog = catalog();
    Landing landing = new Landing(TestLandings.byStream("a", Duration.ofHours(1)), store, Clock.systemUTC(),
        Backoff.exponential(), null, CatalogSync.none(),
        new IcebergFormats(() -> catalog, IcebergSettings.allDatasets("tributary"), "test catalog"));
    SourcePartition partition = new SourcePartition("prices", "0");
    landing.assign(partition);
    String[] events = {"{'x': 12, 'n': 1}", "{'x': 12.5, 'n': 2}", "{'x': 7, 'n': 3}"};
    long ts = T0 / 1000;
    for (int i = 0; i < events.length; i++) {
      String json = events[i].replace("{", "{'ts': " + ts + ", ").replace('\'', '"');
      landing.accept(new SourceRecord("prices", "0", Position.of(i), null, List.of(), ts,
          json.getBytes(StandardCharsets.UTF_8)));
    }
    landing.close();

    Table table = catalog().loadTable(TableIdentifier.of("tributary", "prices"));
    // x waited: whole first, a fraction in the next event made it double; n (whole only) was decided at the roll.
    assertThat(table.schema().findField("x").type()).isEqualTo(Types.DoubleType.get());
    assertThat(table.schema().findField("n").type()).isEqualTo(Types.LongType.get());
    List<Record> rows = new ArrayList<>();
    try (CloseableIterable<Record> read = IcebergGenerics.read(table).build()) {
      read.forEach(rows::add);
    }
    assertThat(rows).extracting(r -> r.getField("n"), r -> r.getField("x"), r -> r.getField(MetadataColumns.RESCUED))
        .containsExactlyInAnyOrder(tuple(1L, 12.0, null), tuple(2L, 12.5, null), tuple(3L, 7.0, null));
  }

  @Test
  void everyRowLandsOnceWithEvolvedColumnsAndTheHistorysFieldIds() throws Exception {
    IcebergTableFormat format = format(catalog(), "a");
    assertThat(format.commit(P0, flush(1, 4, file(format, 1, 0, 4)))).isInstanceOf(CommitOutcome.Committed.class);
    assertThat(format.commit(P0, flush(2, 9, file(format, 3, 5, 9)))).isInstanceOf(CommitOutcome.Committed.class);

    List<Record> rows = readAll();
    assertThat(offsets(rows)).hasSize(10).allSatisfy((offset, count) -> assertThat(count).isEqualTo(1));
    Record last = rows.stream().filter(r -> r.getField(MetadataColumns.OFFSET).equals("9")).findFirst()
        .orElseThrow();
    assertThat(((Record) last.getField("ctx")).getField("city")).isEqualTo("city9");
    assertThat(last.getField("counts")).isEqualTo(Map.of("k", 9L));
    assertThat(last.getField(IcebergSchemas.EVENT_TIME)).isNotNull();
    Record first = rows.stream().filter(r -> r.getField(MetadataColumns.OFFSET).equals("0")).findFirst()
        .orElseThrow();
    assertThat(first.getField("ctx")).isNull();

    Schema expected = IcebergSchemas.replay(history).get(2);
    Table table = catalog().loadTable(TableIdentifier.of("tributary", DATASET));
    assertThat(TypeUtil.indexByName(table.schema().asStruct()))
        .isEqualTo(TypeUtil.indexByName(expected.asStruct()));
    assertThat(table.spec().fields()).singleElement()
        .satisfies(f -> assertThat(f.transform().toString()).isEqualTo("hour"));
    assertThat(IcebergTableFormat.summaryOf(table, P0).orElseThrow().path("seq").asLong()).isEqualTo(2);
  }

  @Test
  void recoveryReturnsTheLatestWatermarkAndAddsNothingTwice() throws Exception {
    IcebergTableFormat format = format(catalog(), "a");
    format.commit(P0, flush(1, 4, file(format, 1, 0, 4)));
    format.commit(P0, flush(2, 9, file(format, 2, 5, 9)));

    Optional<CommitRecord> recovered = format(catalog(), "b").recover(P0);

    assertThat(recovered).hasValueSatisfying(r -> {
      assertThat(r.seq()).isEqualTo(2);
      assertThat(r.watermark()).isEqualTo(Position.of(9));
    });
    assertThat(readAll()).hasSize(10);
  }

  @Test
  void aZombieLosesItsSeqAndItsFilesAreDeleted() throws Exception {
    IcebergTableFormat successor = format(catalog(), "successor");
    IcebergTableFormat zombie = format(catalog(), "zombie");
    successor.commit(P0, flush(1, 6, file(successor, 1, 0, 6)));
    EncodedFile stale = file(zombie, 1, 0, 4);
    List<String> before = store.list("");

    CommitOutcome outcome = zombie.commit(P0, flush(1, 4, stale));

    assertThat(outcome).isInstanceOfSatisfying(CommitOutcome.Lost.class,
        lost -> assertThat(lost.winner().owner()).isEqualTo("successor"));
    assertThat(store.list("")).isEqualTo(before);
    assertThat(offsets(readAll())).hasSize(7).allSatisfy((offset, count) -> assertThat(count).isEqualTo(1));
  }

  @Test
  void aCrashBeforeTheCommitLeavesNothingVisibleAndTheReplayLandsOnce() throws Exception {
    AtomicBoolean ledgerDown = new AtomicBoolean(true);
    ObjectStore failingLedger = new ForwardingStore(store) {
      @Override
      public boolean putIfAbsent(String key, byte[] bytes) {
        if (ledgerDown.get() && key.contains("/_tributary/ledger/")) {
          throw new StoreException("injected: process died before the commit", true);
        }
        return super.putIfAbsent(key, bytes);
      }
    };
    IcebergTableFormat dying = new IcebergTableFormat(catalog(), failingLedger, io, layout,
        IcebergSettings.allDatasets("tributary"), d -> List.copyOf(history), "dying", Clock.systemUTC());
    assertThatThrownBy(() -> dying.commit(P0, flush(1, 4, file(dying, 1, 0, 4))))
        .isInstanceOf(StoreException.class);
    assertThat(readAll()).isEmpty();

    IcebergTableFormat restarted = format(catalog(), "restarted");
    assertThat(restarted.recover(P0)).isEmpty();
    restarted.commit(P0, flush(1, 4, file(restarted, 1, 0, 4)));
    assertThat(offsets(readAll())).hasSize(5).allSatisfy((offset, count) -> assertThat(count).isEqualTo(1));
  }

  @Test
  void aCommitWhoseAnswerWasLostIsFoundOnTheRetryAndAppliedOnce() throws Exception {
    AtomicBoolean loseAnswer = new AtomicBoolean(false);
    ObjectStore lossy = new ForwardingStore(store) {
      @Override
      public boolean putIfAbsent(String key, byte[] bytes) {
        boolean written = super.putIfAbsent(key, bytes);
        if (loseAnswer.getAndSet(false) && key.contains("/_tributary/ledger/")) {
          throw new StoreException("injected: the commit was written, its answer lost", true);
        }
        return written;
      }
    };
    IcebergTableFormat format = new IcebergTableFormat(catalog(), lossy, io, layout,
        IcebergSettings.allDatasets("tributary"), d -> List.copyOf(history), "a", Clock.systemUTC());
    format.commit(P0, flush(1, 2, file(format, 1, 0, 2)));
    loseAnswer.set(true);
    assertThatThrownBy(() -> format.commit(P0, flush(2, 6, file(format, 1, 3, 6))))
        .isInstanceOf(StoreException.class);

    // The flusher retries the same seq with the same rows: it loses to its own earlier attempt, which is applied.
    CommitOutcome retry = format.commit(P0, flush(2, 6, file(format, 1, 3, 6)));

    assertThat(retry).isInstanceOfSatisfying(CommitOutcome.Lost.class,
        lost -> assertThat(lost.winner().seq()).isEqualTo(2));
    assertThat(offsets(readAll())).hasSize(7).allSatisfy((offset, count) -> assertThat(count).isEqualTo(1));
  }

  @Test
  void aCatalogDownAfterTheLedgerCommitIsRecoveredByTheSuccessor() throws Exception {
    AtomicBoolean catalogDown = new AtomicBoolean(false);
    java.util.concurrent.atomic.AtomicInteger loadsLeft = new java.util.concurrent.atomic.AtomicInteger();
    JdbcCatalog real = catalog();
    Catalog flaky = new DelegatingCatalog(real) {
      @Override
      public Table loadTable(TableIdentifier identifier) {
        if (catalogDown.get() && loadsLeft.getAndDecrement() <= 0) {
          throw new UncheckedSQLException(new java.sql.SQLException("injected: catalog down"), "injected");
        }
        return super.loadTable(identifier);
      }
    };
    IcebergTableFormat format = format(flaky, "a");
    format.commit(P0, flush(1, 0, file(format, 1, 0, 0)));
    EncodedFile encoded = file(format, 1, 1, 4);
    // The table is loaded to write the file; the append after the ledger commit cannot reach the catalog.
    loadsLeft.set(1);
    Table table = real.loadTable(TableIdentifier.of("tributary", DATASET));
    assertThat(table).isNotNull();
    catalogDown.set(true);
    assertThatThrownBy(() -> format.commit(P0, flush(2, 4, encoded)))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isTrue());
    assertThat(readAll()).hasSize(1);

    Optional<CommitRecord> recovered = format(catalog(), "successor").recover(P0);

    assertThat(recovered).hasValueSatisfying(r -> assertThat(r.watermark()).isEqualTo(Position.of(4)));
    assertThat(offsets(readAll())).hasSize(5).allSatisfy((offset, count) -> assertThat(count).isEqualTo(1));
  }
}
