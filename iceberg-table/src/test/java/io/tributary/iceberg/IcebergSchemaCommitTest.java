package io.tributary.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.commit.CommitOutcome;
import io.tributary.iceberg.testing.EvolvingOrders;
import io.tributary.iceberg.testing.TableRows;
import io.tributary.iceberg.testing.UnknownOutcomeCatalog;
import io.tributary.layout.LakeLayout;
import io.tributary.source.SourcePartition;
import io.tributary.store.LocalFileStore;
import io.tributary.store.ObjectStore;
import io.tributary.store.StoreException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.jdbc.JdbcClientPool;
import org.apache.iceberg.types.TypeUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema commit ({@code UpdateSchema}, when a flush brings a new schema version) whose answer is lost is resolved
 * by reading the table again, as the append is: a JdbcCatalog on SQLite whose commits are answered with
 * {@code CommitStateUnknownException} ({@link UnknownOutcomeCatalog}), read back with Iceberg's generic reader.
 */
class IcebergSchemaCommitTest {
  private static final SourcePartition P0 = new SourcePartition("orders-topic", "0");
  private static final long HOUR = 1_773_000_000_000_000L / EvolvingOrders.HOUR_MICROS * EvolvingOrders.HOUR_MICROS;

  @TempDir Path dir;
  private final LakeLayout layout = new LakeLayout("lake", "errors");
  private ObjectStore store;
  private ObjectStoreFileIO io;
  private JdbcCatalog jdbc;
  private UnknownOutcomeCatalog catalog;
  private IcebergTableFormat format;

  @BeforeEach
  void setUp() {
    store = new LocalFileStore(dir.resolve("store"));
    io = new ObjectStoreFileIO(store, "file:" + dir.resolve("store"));
    jdbc = new JdbcCatalog(props -> io, props -> new JdbcClientPool(props.get("uri"), props), true);
    jdbc.initialize("tributary", Map.of("uri", "jdbc:sqlite:" + dir.resolve("catalog.db"),
        "warehouse", io.root(), "jdbc.schema-version", "V1"));
    jdbc.createNamespace(Namespace.of("tributary"));
    catalog = new UnknownOutcomeCatalog(jdbc);
    format = new IcebergTableFormat(catalog, store, io, layout, IcebergSettings.allDatasets("tributary"),
        dataset -> EvolvingOrders.versions(), "a", Clock.systemUTC());
    // Version 1 lands first: the table exists, and the next flush's version 2 needs one schema commit.
    format.commit(P0, EvolvingOrders.flush(1, 4, EvolvingOrders.file(format, layout, P0, 1, 0, 4, HOUR)));
  }

  @AfterEach
  void tearDown() throws Exception {
    jdbc.close();
  }

  private CommitOutcome flushVersion2() {
    return format.commit(P0, EvolvingOrders.flush(2, 9, EvolvingOrders.file(format, layout, P0, 2, 5, 9, HOUR)));
  }

  private Table table() {
    return jdbc.loadTable(TableIdentifier.of("tributary", EvolvingOrders.DATASET));
  }

  @Test
  void aSchemaCommitMadeButAnsweredUnknownIsFoundInTheTableAndNotMadeTwice() {
    catalog.commitThenFail.set(1);

    assertThat(flushVersion2()).isInstanceOf(CommitOutcome.Committed.class);

    assertThat(catalog.commitThenFail.get()).isZero();
    assertVersion2LandedOnce();
  }

  @Test
  void aSchemaCommitNotMadeAndAnsweredUnknownIsMadeByTheNextAttempt() {
    catalog.failWithoutCommit.set(1);

    assertThat(flushVersion2()).isInstanceOf(CommitOutcome.Committed.class);

    assertThat(catalog.failWithoutCommit.get()).isZero();
    assertVersion2LandedOnce();
  }

  @Test
  void aSchemaCommitThatStaysUnknownIsARetryableFailureAndTheRetryLandsOnce() {
    catalog.failWithoutCommit.set(1_000);

    assertThatThrownBy(this::flushVersion2).isInstanceOfSatisfying(StoreException.class, e -> {
      assertThat(e.retryable()).isTrue();
      assertThat(e).hasMessageContaining("Cannot create or evolve table tributary.orders to version 2");
    });
    assertThat(table().schema().findField("ctx")).isNull();
    assertThat(TableRows.read(table())).hasSize(5);

    catalog.failWithoutCommit.set(0);
    assertThat(flushVersion2()).isInstanceOf(CommitOutcome.Committed.class);
    assertVersion2LandedOnce();
  }

  private void assertVersion2LandedOnce() {
    Table table = table();
    // One schema per version: the lost answer did not make a second schema commit.
    assertThat(table.schemas()).hasSize(2);
    assertThat(TypeUtil.indexByName(table.schema().asStruct()))
        .isEqualTo(TypeUtil.indexByName(IcebergSchemas.replay(EvolvingOrders.versions()).get(1).asStruct()));
    List<Record> rows = TableRows.read(table);
    assertThat(TableRows.offsetCounts(rows)).hasSize(10).allSatisfy((offset, count) -> assertThat(count).isOne());
    assertThat(((Record) TableRows.at(rows, 9).getField("ctx")).getField("ip")).isEqualTo("10.0.9");
  }
}
