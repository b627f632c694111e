package io.tributary.iceberg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.commit.CommitOutcome;
import io.tributary.commit.CommitRecord;
import io.tributary.commit.DurableRange;
import io.tributary.commit.EncodedFile;
import io.tributary.commit.FlushFiles;
import io.tributary.commit.Ledger;
import io.tributary.commit.StagedFile;
import io.tributary.commit.TableFormat;
import io.tributary.layout.LakeLayout;
import io.tributary.parquet.WriteOptions;
import io.tributary.schema.DatasetSchema;
import io.tributary.source.SourcePartition;
import io.tributary.store.ObjectStore;
import io.tributary.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.exceptions.BadRequestException;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.ForbiddenException;
import org.apache.iceberg.exceptions.NotAuthorizedException;
import org.apache.iceberg.exceptions.RESTException;
import org.apache.iceberg.exceptions.RuntimeIOException;
import org.apache.iceberg.exceptions.ServiceFailureException;
import org.apache.iceberg.exceptions.UnprocessableEntityException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.jdbc.UncheckedSQLException;

/**
 * Datasets as Apache Iceberg tables, exactly once, behind the {@link TableFormat} seam (docs/design/iceberg.md).
 *
 * <p>The commit ledger ({@link Ledger}: put-if-absent of record {@code seq}) stays the one decider of each
 * source partition's commits, also when a flush touches several tables, since Iceberg has no commit across tables.
 * A flush writes each Iceberg data file once, at its final location under its table (named uniquely per attempt:
 * a losing attempt never overwrites a winner's file), wins or loses the ledger record that lists them, and then
 * applies the record to each table it touches: one append per table, whose snapshot summary carries
 * {@code tributary.<stream>/<partition>} (seq and watermark). Applying is idempotent: the append validates, inside
 * Iceberg's own commit (on the table state it commits on), that no snapshot in the table's ancestry already
 * carries this seq or a later one for the partition; so a record is applied at most once however many instances
 * re-apply it (the winner, a zombie that lost to it, a successor's recovery), and a commit whose answer was lost
 * ({@link CommitStateUnknownException}) is resolved by reading the table again. Files of other datasets (and error
 * files) keep the Hive layout: staged, published by the winner.
 *
 * <p>Invariant: a record's appends are done before anyone tries the next seq (the winner applies them before
 * returning; a loser and a recovering successor apply the winner's), so per table a partition's appends come in seq
 * order and "this seq or later is in the table" means "this seq is".
 */
public final class IcebergTableFormat implements TableFormat {
  /** The snapshot summary key prefix; the key is {@code tributary.<stream>/<partition>}. */
  public static final String SUMMARY_PREFIX = "tributary.";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_APPEND_ATTEMPTS = 20;

  private final ObjectStore store;
  private final ObjectStoreFileIO io;
  private final LakeLayout layout;
  private final Ledger ledger;
  private final IcebergSettings settings;
  private final IcebergTables tables;

  /**
   * @param catalog the catalog of the tables, whose FileIO is {@code io}
   * @param io the FileIO over {@code store} the tables' files go through
   * @param history every version of a dataset's schema history, in order from version 1
   * @param owner this instance, recorded in each commit it wins
   */
  public IcebergTableFormat(Catalog catalog, ObjectStore store, ObjectStoreFileIO io, LakeLayout layout,
      IcebergSettings settings, Function<String, List<DatasetSchema>> history, String owner, Clock clock) {
    this.store = Objects.requireNonNull(store, "store may not be null");
    this.io = Objects.requireNonNull(io, "io may not be null");
    this.layout = Objects.requireNonNull(layout, "layout may not be null");
    this.settings = Objects.requireNonNull(settings, "settings may not be null");
    this.ledger = new Ledger(store, layout, owner, clock);
    this.tables = new IcebergTables(catalog, settings, history);
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
    byte[] bytes = IcebergDataFiles.encode(schema, tables.schemaOf(schema), rows, eventTimes, options);
    return new EncodedFile(range, schema, rows.size(), bytes);
  }

  @Override
  public Optional<CommitRecord> recover(SourcePartition partition) {
    return catalogCall(() -> {
      Optional<CommitRecord> latest = ledger.latest(partition);
      latest.ifPresent(record -> {
        ledger.publish(record);
        apply(partition, record);
      });
      return latest;
    });
  }

  @Override
  public CommitOutcome commit(SourcePartition partition, FlushFiles flush) {
    return catalogCall(() -> {
      List<StagedFile> files = new ArrayList<>();
      for (EncodedFile file : flush.files()) {
        String dataset = file.schema().dataset();
        if (isIceberg(dataset)) {
          files.add(writeInPlace(partition, file));
        } else {
          String stagingKey = ledger.newStagingKey(partition);
          ledger.stage(stagingKey, file.bytes());
          files.add(new StagedFile(layout.fileKey(file.folder(), partition, file.range().first()), stagingKey,
              file.range(), file.records(), file.bytes().length));
        }
      }
      CommitOutcome outcome = ledger.commit(partition, flush.seq(), flush.watermark(), files, flush.above());
      CommitRecord decided = outcome instanceof CommitOutcome.Committed c
          ? c.record() : ((CommitOutcome.Lost) outcome).winner();
      apply(partition, decided);
      return outcome;
    });
  }

  /** Writes an Iceberg data file once, at its final location under its table, named uniquely for this attempt. */
  private StagedFile writeInPlace(SourcePartition partition, EncodedFile file) {
    Table table = tables.ensure(file.schema());
    String name = partition.stream() + "+" + partition.partition() + "+" + file.range().first() + "-"
        + UUID.randomUUID() + ".parquet";
    DataFile described = IcebergDataFiles.describe(table.location() + "/data/" + name, file.bytes(), table.spec(),
        MetricsConfig.forTable(table));
    String location = table.locationProvider().newDataLocation(table.spec(), described.partition(), name);
    String key = io.keyOf(location);
    store.put(key, file.bytes());
    return new StagedFile(key, key, file.range(), file.records(), file.bytes().length);
  }

  /** Applies the Iceberg files of {@code record} to their tables, each at most once. */
  private void apply(SourcePartition partition, CommitRecord record) {
    Map<String, List<StagedFile>> byDataset = new LinkedHashMap<>();
    for (StagedFile file : record.files()) {
      if (file.inPlace()) {
        byDataset.computeIfAbsent(datasetOf(file), d -> new ArrayList<>()).add(file);
      }
    }
    for (Map.Entry<String, List<StagedFile>> entry : byDataset.entrySet()) {
      append(partition, record, entry.getKey(), entry.getValue());
    }
  }

  private String datasetOf(StagedFile file) {
    String folder = file.range().bufferKey();
    String prefix = layout.prefix();
    String rest = prefix.isEmpty() ? folder : folder.substring(prefix.length() + 1);
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  private void append(SourcePartition partition, CommitRecord record, String dataset, List<StagedFile> files) {
    Table table = tables.load(dataset);
    if (table == null) {
      throw new IllegalStateException("Cannot apply commit " + record.seq() + " of " + partition + ": table "
          + tables.id(dataset) + " does not exist, yet the commit lists files of it");
    }
    String key = summaryKey(partition);
    for (int attempt = 1; ; attempt++) {
      table.refresh();
      if (appliedSeq(table.currentSnapshot(), table, key) >= record.seq()) {
        return;
      }
      AppendFiles append = table.newFastAppend();
      for (StagedFile file : files) {
        byte[] bytes = store.get(file.key()).orElseThrow(() -> new IllegalStateException("Cannot apply commit "
            + record.seq() + " of " + partition + ": its file " + file.key() + " is missing"));
        String location = io.location(file.key());
        DataFile described = IcebergDataFiles.describe(location, bytes, table.spec(), MetricsConfig.forTable(table));
        append.appendFile(DataFiles.builder(table.spec()).copy(described).withPath(location).build());
      }
      append.set(key, summaryValue(record));
      append.validateWith(ancestry -> appliedSeq(ancestry, key) < record.seq());
      try {
        append.commit();
        return;
      } catch (ValidationException | CommitFailedException | CommitStateUnknownException e) {
        // Validation: another instance applied it meanwhile. Conflict or unknown outcome: read the table again;
        // the check at the top of the loop says whether it is in. Never guess.
        if (attempt >= MAX_APPEND_ATTEMPTS) {
          throw new StoreException("Cannot append commit " + record.seq() + " of " + partition + " to "
              + table.name() + " after " + attempt + " attempts: " + e.getMessage(), true, e);
        }
      }
    }
  }

  private static long appliedSeq(Snapshot current, Table table, String key) {
    if (current == null) {
      return 0;
    }
    List<Snapshot> ancestry = new ArrayList<>();
    for (Snapshot s = current; s != null; s = s.parentId() == null ? null : table.snapshot(s.parentId())) {
      ancestry.add(s);
    }
    return appliedSeq(ancestry, key);
  }

  /** The seq of the newest summary entry for the partition in {@code ancestry} (newest first), 0 for none. */
  static long appliedSeq(Iterable<Snapshot> ancestry, String key) {
    for (Snapshot snapshot : ancestry) {
      String value = snapshot.summary().get(key);
      if (value != null) {
        try {
          return JSON.readTree(value).path("seq").asLong();
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read snapshot summary " + key + " of snapshot "
              + snapshot.snapshotId(), e);
        }
      }
    }
    return 0;
  }

  /** The snapshot summary key of a source partition's durable state. */
  public static String summaryKey(SourcePartition partition) {
    return SUMMARY_PREFIX + partition.stream() + "/" + partition.partition();
  }

  private static String summaryValue(CommitRecord record) {
    var node = JSON.createObjectNode().put("seq", record.seq());
    if (record.watermark() != null) {
      node.put("watermark", record.watermark().toString());
    }
    node.put("owner", record.owner());
    return node.toString();
  }

  /**
   * Runs {@code call}, turning a catalog that cannot be reached into a retryable store failure (back-pressure): a
   * JDBC failure, an I/O failure, or a REST failure other than a request the catalog refused (a REST catalog that is
   * down surfaces as a plain {@link RESTException}, a 5xx as {@link ServiceFailureException}).
   */
  private static <T> T catalogCall(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (UncheckedSQLException | RuntimeIOException e) {
      throw new StoreException("Cannot reach the Iceberg catalog: " + e.getMessage(), true, e);
    } catch (RESTException e) {
      if (e instanceof BadRequestException || e instanceof ForbiddenException
          || e instanceof NotAuthorizedException || e instanceof UnprocessableEntityException) {
        throw e;
      }
      throw new StoreException("Cannot reach the Iceberg catalog: " + e.getMessage(), true, e);
    }
  }

  /** For reading a summary value back: the JSON object of the newest entry for the partition, or empty. */
  static Optional<JsonNode> summaryOf(Table table, SourcePartition partition) {
    String key = summaryKey(partition);
    for (Snapshot s = table.currentSnapshot(); s != null;
        s = s.parentId() == null ? null : table.snapshot(s.parentId())) {
      String value = s.summary().get(key);
      if (value != null) {
        try {
          return Optional.of(JSON.readTree(value));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return Optional.empty();
  }
}
