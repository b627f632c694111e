package io.tributary.iceberg;

import static io.tributary.iceberg.testing.EvolvingOrders.HOUR_MICROS;
import static io.tributary.iceberg.testing.EvolvingOrders.file;
import static io.tributary.iceberg.testing.EvolvingOrders.flush;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.commit.CommitOutcome;
import io.tributary.commit.CommitRecord;
import io.tributary.commit.EncodedFile;
import io.tributary.iceberg.testing.EvolvingOrders;
import io.tributary.iceberg.testing.RestCatalogServer;
import io.tributary.iceberg.testing.TableRows;
import io.tributary.layout.LakeLayout;
import io.tributary.source.Position;
import io.tributary.source.SourcePartition;
import io.tributary.store.ObjectStore;
import io.tributary.store.StoreException;
import io.tributary.store.s3.S3ObjectStore;
import io.tributary.store.s3.S3StoreSettings;
import io.tributary.testing.ForwardingStore;
import io.tributary.testing.S3ProxyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SessionCatalog.SessionContext;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.rest.RESTSessionCatalog;
import org.apache.iceberg.types.TypeUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * IcebergTableFormat through a real Iceberg REST catalog (Iceberg's RESTCatalogAdapter over a JdbcCatalog on SQLite,
 * served by Jetty) whose 1.12.0 client's FileIO is our ObjectStoreFileIO on S3 (S3Proxy): create, evolve (nested
 * fields, a map, a list of structs, a timestamp), append, recover; and the catalog going down during a flush,
 * before and after the ledger's record. Rows are counted by Iceberg's generic reader.
 */
class IcebergTableFormatOnRestCatalogTest {
  private static final SourcePartition P0 = new SourcePartition("orders-topic", "0");
  private static final long H0 = 1_773_000_000_000_000L / HOUR_MICROS * HOUR_MICROS;

  @TempDir static Path dir;
  private static S3ProxyServer s3;
  private static S3ObjectStore store;
  private static ObjectStoreFileIO io;
  private static RestCatalogServer rest;

  private final List<RESTSessionCatalog> clients = new ArrayList<>();
  private String namespace;
  private LakeLayout layout;

  @BeforeAll
  static void startServers() {
    s3 = S3ProxyServer.launch(dir.resolve("s3"));
    S3StoreSettings settings = s3.settings(S3ProxyServer.DEFAULT_BUCKET);
    store = new S3ObjectStore(settings, S3ObjectStore.buildClient(settings, S3ProxyServer.credentials(), List.of()));
    io = new ObjectStoreFileIO(store, "s3://" + S3ProxyServer.DEFAULT_BUCKET);
    rest = RestCatalogServer.launch(dir, io, io.location("warehouse"));
  }

  @AfterAll
  static void stopServers() {
    if (rest != null) {
      rest.close();
    }
    if (store != null) {
      store.close();
    }
    if (s3 != null) {
      s3.close();
    }
  }

  @BeforeEach
  void newNamespace(TestInfo test) {
    rest.start();
    namespace = "t_" + test.getTestMethod().orElseThrow().getName().toLowerCase().substring(0, 20);
    layout = new LakeLayout(namespace + "-lake", namespace + "-errors");
    client().createNamespace(SessionContext.createEmpty(), Namespace.of(namespace), java.util.Collections.emptyMap());
  }

  @AfterEach
  void closeClients() throws Exception {
    rest.start();
    for (RESTSessionCatalog client : clients) {
      client.close();
    }
  }

  /** A REST client of its own, as another instance would have. */
  private RESTSessionCatalog client() {
    RESTSessionCatalog client = rest.newClient("tributary", io, Map.of());
    clients.add(client);
    return client;
  }

  private Catalog catalog() {
    return client().asCatalog(SessionContext.createEmpty());
  }

  private IcebergTableFormat format(ObjectStore on, String owner) {
    return new IcebergTableFormat(catalog(), on, io, layout, IcebergSettings.allDatasets(namespace),
        d -> EvolvingOrders.versions(), owner, Clock.systemUTC());
  }

  private Table table() {
    return catalog().loadTable(TableIdentifier.of(namespace, EvolvingOrders.DATASET));
  }

  @Test
  void createsEvolvesAppendsAndRecoversThroughARestCatalogOnS3() {
    IcebergTableFormat format = format(store, "a");
    assertThat(format.commit(P0, flush(1, 4, file(format, layout, P0, 1, 0, 4, H0))))
        .isInstanceOf(CommitOutcome.Committed.class);
    assertThat(format.commit(P0, flush(2, 9, file(format, layout, P0, 2, 5, 9, H0))))
        .isInstanceOf(CommitOutcome.Committed.class);
    assertThat(format.commit(P0, flush(3, 14, file(format, layout, P0, 3, 10, 14, H0 + HOUR_MICROS))))
        .isInstanceOf(CommitOutcome.Committed.class);

    List<Record> rows = TableRows.read(table());
    assertThat(TableRows.offsetCounts(rows)).hasSize(15).allSatisfy((offset, count) -> assertThat(count).isOne());
    Record v3 = TableRows.at(rows, 12);
    assertThat(((Record) v3.getField("ctx")).getField("city")).isEqualTo("c12");
    List<?> items = (List<?>) v3.getField("items");
    assertThat(items).hasSize(2);
    assertThat(((Record) items.get(0)).getField("price")).isEqualTo(12.5);
    assertThat(((Record) items.get(1)).getField("sku")).isEqualTo("t12");
    assertThat(((Record) items.get(1)).getField("qty")).isNull();
    assertThat(v3.getField("counts")).isEqualTo(Map.of("k", 12L));
    OffsetDateTime paid = OffsetDateTime.ofInstant(java.time.Instant.EPOCH.plusNanos(
        EvolvingOrders.eventTime(H0 + HOUR_MICROS, 12) * 1000), ZoneOffset.UTC);
    assertThat(v3.getField("paid_at")).isEqualTo(paid);
    assertThat(v3.getField(IcebergSchemas.EVENT_TIME)).isEqualTo(paid);
    Record v2 = TableRows.at(rows, 7);
    assertThat(((Record) v2.getField("ctx")).getField("ip")).isEqualTo("10.0.7");
    assertThat(((Record) v2.getField("ctx")).getField("city")).isNull();
    assertThat(((Record) ((List<?>) v2.getField("items")).get(0)).getField("price")).isNull();
    assertThat(TableRows.at(rows, 0).getField("items")).isNull();

    Schema expected = IcebergSchemas.replay(EvolvingOrders.versions()).get(2);
    assertThat(TypeUtil.indexByName(table().schema().asStruct()))
        .isEqualTo(TypeUtil.indexByName(expected.asStruct()));
    // The data files are S3 objects under the table's location, written through S3Proxy.
    Path data = s3.dataFolder().resolve("warehouse/" + namespace + "/" + EvolvingOrders.DATASET + "/data");
    assertThat(parquetFiles(data)).hasSize(3);

    Optional<CommitRecord> recovered = format(store, "b").recover(P0);

    assertThat(recovered).hasValueSatisfying(r -> {
      assertThat(r.seq()).isEqualTo(3);
      assertThat(r.watermark()).isEqualTo(Position.of(14));
    });
    assertThat(TableRows.read(table())).hasSize(15);
  }

  @Test
  void aCatalogDownDuringAFlushIsRetryableAndTheRetryLandsItOnce() {
    IcebergTableFormat format = format(store, "a");
    format.commit(P0, flush(1, 4, file(format, layout, P0, 1, 0, 4, H0)));
    EncodedFile second = file(format, layout, P0, 2, 5, 9, H0);

    rest.stop();
    assertThatThrownBy(() -> format.commit(P0, flush(2, 9, second)))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageContaining("iceberg catalog unreachable");
    rest.start();

    assertThat(TableRows.read(table())).hasSize(5);
    assertThat(format.commit(P0, flush(2, 9, second))).isInstanceOf(CommitOutcome.Committed.class);
    assertThat(TableRows.offsetCounts(TableRows.read(table())))
        .hasSize(10).allSatisfy((offset, count) -> assertThat(count).isOne());
  }

  @Test
  void aCatalogDownRightAfterTheLedgerRecordIsFinishedByTheRetryOnce() {
    AtomicBoolean armed = new AtomicBoolean(false);
    ObjectStore catalogDiesAfterLedger = new ForwardingStore(store) {
      @Override
      public boolean putIfAbsent(String key, byte[] bytes) {
        boolean written = super.putIfAbsent(key, bytes);
        if (key.contains("/_tributary/ledger/") && armed.getAndSet(false)) {
          rest.stop();
        }
        return written;
      }
    };
    IcebergTableFormat format = format(catalogDiesAfterLedger, "a");
    format.commit(P0, flush(1, 4, file(format, layout, P0, 1, 0, 4, H0)));
    EncodedFile second = file(format, layout, P0, 3, 5, 9, H0);

    armed.set(true);
    assertThatThrownBy(() -> format.commit(P0, flush(2, 9, second)))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isTrue());
    rest.start();
    assertThat(TableRows.read(table())).hasSize(5);

    // The landing retries the same seq: it loses to its own record, which it applies.
    CommitOutcome retry = format.commit(P0, flush(2, 9, second));

    assertThat(retry).isInstanceOfSatisfying(CommitOutcome.Lost.class,
        lost -> assertThat(lost.winner().seq()).isEqualTo(2));
    assertThat(TableRows.offsetCounts(TableRows.read(table())))
        .hasSize(10).allSatisfy((offset, count) -> assertThat(count).isOne());
    Path data = s3.dataFolder().resolve("warehouse/" + namespace + "/" + EvolvingOrders.DATASET + "/data");
    assertThat(parquetFiles(data)).as("the retry's own file is deleted as the loser's").hasSize(2);
  }

  private static List<Path> parquetFiles(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(f -> f.toString().endsWith(".parquet")).toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
