package io.tributary.iceberg;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.commit.CommitOutcome;
import io.tributary.commit.CommitRecord;
import io.tributary.commit.DurableRange;
import io.tributary.commit.EncodedFile;
import io.tributary.commit.FlushFiles;
import io.tributary.commit.HiveSink;
import io.tributary.commit.LedgerTableFormat;
import io.tributary.commit.RolledRows;
import io.tributary.commit.TableFormat;
import io.tributary.layout.LakeLayout;
import io.tributary.parquet.WriteOptions;
import io.tributary.schema.DatasetSchema;
import io.tributary.source.SourcePartition;
import io.tributary.store.ObjectStore;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;

/**
 * Datasets as Apache Iceberg tables, exactly once, behind the {@link TableFormat} seam (docs/design/iceberg.md): a
 * {@link LedgerTableFormat} whose Iceberg datasets ({@link IcebergSettings#icebergDatasets}) go to an
 * {@link IcebergSink} and the others (and the error files) to a {@link HiveSink}. The commit ledger stays the one
 * decider of each source partition's commits, also when a flush touches several tables.
 */
public final class IcebergTableFormat implements TableFormat {
  /** The snapshot summary key prefix; the key is {@code tributary.<stream>/<partition>}. */
  public static final String SUMMARY_PREFIX = IcebergSink.SUMMARY_PREFIX;

  private final LedgerTableFormat format;
  private final IcebergSink iceberg;
  private final IcebergSettings settings;

  /**
   * @param catalog the catalog of the tables (whose FileIO writes their files: {@code io} over {@code store})
   * @param io the FileIO of the catalog, over {@code store}
   * @param history every version of a dataset's schema history, in order from version 1
   * @param owner this instance, recorded in each commit it wins
   */
  public IcebergTableFormat(Catalog catalog, ObjectStore store, ObjectStoreFileIO io, LakeLayout layout,
      IcebergSettings settings, Function<String, List<DatasetSchema>> history, String owner, Clock clock) {
    this(catalog, store, layout, settings, history, owner, clock, WriteOptions.defaults(),
        catalog.name() + " (" + Objects.requireNonNull(io, "io may not be null").root() + ")");
  }

  /**
   * @param catalogName how operators know the catalog (its URL): named when it cannot be reached
   */
  public IcebergTableFormat(Catalog catalog, ObjectStore store, LakeLayout layout, IcebergSettings settings,
      Function<String, List<DatasetSchema>> history, String owner, Clock clock, WriteOptions parquet,
      String catalogName) {
    this(() -> catalog, store, layout, settings, history, owner, clock, parquet, catalogName);
  }

  /**
   * @param catalog the catalog, asked at each use: it may be opened lazily ({@link IcebergCatalogs#lazy})
   */
  public IcebergTableFormat(Supplier<Catalog> catalog, ObjectStore store, LakeLayout layout, IcebergSettings settings,
      Function<String, List<DatasetSchema>> history, String owner, Clock clock, WriteOptions parquet,
      String catalogName) {
    this(catalog, store, layout, settings, history, owner, clock, parquet, catalogName,
        IcebergCommitMetrics.unpublished(), SinkRoute.NONE);
  }

  /**
   * @param metrics where each Iceberg commit's duration is recorded
   * @param elsewhere the datasets that go to a sink of their own (Firehose), whatever their table format
   */
  public IcebergTableFormat(Supplier<Catalog> catalog, ObjectStore store, LakeLayout layout,
      IcebergSettings settings, Function<String, List<DatasetSchema>> history, String owner, Clock clock,
      WriteOptions parquet, String catalogName, IcebergCommitMetrics metrics, SinkRoute elsewhere) {
    this.settings = Objects.requireNonNull(settings, "settings may not be null");
    Objects.requireNonNull(elsewhere, "elsewhere may not be null");
    this.iceberg = new IcebergSink(catalog, settings, history, parquet, catalogName, metrics);
    HiveSink hive = new HiveSink(store, layout, parquet);
    this.format = new LedgerTableFormat(store, layout, owner, clock, hive, dataset -> elsewhere.routes(dataset)
        ? elsewhere.sink() : settings.icebergDatasets().test(dataset) ? iceberg : hive);
  }

  /** Why the last call to the catalog failed, when it did: a readiness reason. */
  public Optional<String> problem() {
    return iceberg.problem();
  }

  /** True when {@code dataset} lands as an Iceberg table. */
  public boolean isIceberg(String dataset) {
    return settings.icebergDatasets().test(dataset);
  }

  /**
   * Encodes one rolled buffer of an Iceberg dataset: the file {@link #commit} takes for it (Parquet with the
   * table's field ids and an {@value IcebergSchemas#EVENT_TIME} column).
   *
   * @param eventTimes the event time of each row, microseconds since the epoch
   */
  public EncodedFile encode(DurableRange range, DatasetSchema schema, List<Object[]> rows, long[] eventTimes,
      WriteOptions options) {
    return iceberg.encode(new RolledRows(range, schema, rows.size(), rows.iterator(), eventTimes), options);
  }

  @Override
  public EncodedFile encode(RolledRows rows) {
    return format.encode(rows);
  }

  @Override
  public Optional<CommitRecord> recover(SourcePartition partition) {
    return format.recover(partition);
  }

  @Override
  public CommitOutcome commit(SourcePartition partition, FlushFiles flush) {
    return format.commit(partition, flush);
  }

  /** The snapshot summary key of a source partition's durable state. */
  public static String summaryKey(SourcePartition partition) {
    return IcebergSink.summaryKey(partition);
  }

  /** For reading a summary value back: the JSON object of the newest entry for the partition, or empty. */
  static Optional<JsonNode> summaryOf(Table table, SourcePartition partition) {
    return IcebergSummaries.newest(table, summaryKey(partition));
  }
}
