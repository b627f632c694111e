package io.tributary.iceberg;

import io.tributary.commit.CommitRecord;
import io.tributary.commit.DatasetSink;
import io.tributary.commit.EncodedFile;
import io.tributary.commit.RolledRows;
import io.tributary.commit.StagedFile;
import io.tributary.parquet.WriteOptions;
import io.tributary.schema.DatasetSchema;
import io.tributary.source.SourcePartition;
import io.tributary.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.RESTException;
import org.apache.iceberg.exceptions.RuntimeIOException;
import org.apache.iceberg.exceptions.NotAuthorizedException;
import org.apache.iceberg.exceptions.ForbiddenException;
import org.apache.iceberg.exceptions.BadRequestException;
import org.apache.iceberg.exceptions.UnprocessableEntityException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.PositionOutputStream;
import org.apache.iceberg.jdbc.UncheckedSQLException;

/**
 * The Iceberg datasets' {@link DatasetSink} (docs/design/iceberg.md): rows encoded with the table's field ids and an
 * {@value IcebergSchemas#EVENT_TIME} column, each file written once at its final location under its table (named
 * uniquely per attempt, so a losing attempt never overwrites a winner's file) through the table's FileIO, and the
 * decided ledger record applied to the table: one append per table, whose snapshot summary carries
 * {@code tributary.<stream>/<partition>} (seq, watermark, owner), validated inside Iceberg's commit (on the table
 * state it commits on, at every retry) so that a record is appended at most once however many instances apply it.
 * A commit whose outcome is unknown ({@link CommitStateUnknownException}) or that conflicted is resolved by reading
 * the table again, never by guessing. A catalog that cannot be reached is a retryable {@link StoreException} naming
 * the catalog: the landing's back-pressure. Thread-safe.
 */
public final class IcebergSink implements DatasetSink {
  /** The snapshot summary key prefix; the key is {@code tributary.<stream>/<partition>}. */
  public static final String SUMMARY_PREFIX = "tributary.";
  private static final int MAX_APPEND_ATTEMPTS = 20;

  private final IcebergTables tables;
  private final WriteOptions options;
  private final String catalogName;
  private final IcebergCommitMetrics metrics;
  /** Files this instance wrote and has not applied yet, described from their bytes: no read-back for its own. */
  private final Map<String, Written> written = new ConcurrentHashMap<>();

  /** A file this instance wrote: how Iceberg sees it, and the FileIO it went through. */
  private record Written(DataFile file, FileIO io) {}

  private volatile String problem;

  /**
   * @param catalog the catalog of the tables (whose FileIO writes the data files), asked at each use: it may open
   *     the catalog lazily and throw a retryable {@link StoreException} while it cannot
   * @param history every version of a dataset's schema history, in order from version 1
   * @param catalogName how operators know the catalog (a JDBC URL, a REST URI): named in failures
   */
  public IcebergSink(Supplier<Catalog> catalog, IcebergSettings settings,
      Function<String, List<DatasetSchema>> history, WriteOptions options, String catalogName) {
    this(catalog, settings, history, options, catalogName, IcebergCommitMetrics.unpublished());
  }

  /** As above, each commit timed in {@code metrics}. */
  public IcebergSink(Supplier<Catalog> catalog, IcebergSettings settings,
      Function<String, List<DatasetSchema>> history, WriteOptions options, String catalogName,
      IcebergCommitMetrics metrics) {
    this.metrics = Objects.requireNonNull(metrics, "metrics may not be null");
    this.tables = new IcebergTables(catalog, settings, history);
    this.options = Objects.requireNonNull(options, "options may not be null");
    this.catalogName = Objects.requireNonNull(catalogName, "catalogName may not be null");
  }

  @Override
  public EncodedFile encode(RolledRows rows) {
    return encode(rows, options);
  }

  /** Encodes with {@code parquet} instead of this sink's options. */
  EncodedFile encode(RolledRows rows, WriteOptions parquet) {
    // From the buffer when there is one (the typed path, as the Hive sink), else from the rows.
    return catalogCall(() -> new EncodedFile(rows.range(), rows.schema(), rows.records(), rows.buffer() != null
        ? IcebergDataFiles.encode(rows.schema(), tables.schemaOf(rows.schema()), rows.buffer(), rows.eventTimes(),
            parquet)
        : IcebergDataFiles.encode(rows.schema(), tables.schemaOf(rows.schema()), rows.values(), rows.eventTimes(),
            parquet)));
  }

  /** Creates or evolves the table to the file's schema version, then writes the file once where it will stay. */
  @Override
  public Optional<StagedFile> write(SourcePartition partition, EncodedFile file) {
    return catalogCall(() -> {
      Table table = tables.ensure(file.schema());
      String name = partition.stream() + "+" + partition.partition() + "+" + file.range().first() + "-"
          + UUID.randomUUID() + ".parquet";
      DataFile described = IcebergDataFiles.describe(table.location() + "/data/" + name, file.bytes(),
          table.spec(), MetricsConfig.forTable(table));
      String location = table.locationProvider().newDataLocation(table.spec(), described.partition(), name);
      try (PositionOutputStream out = table.io().newOutputFile(location).createOrOverwrite()) {
        out.write(file.bytes());
      } catch (IOException e) {
        throw new StoreException("Cannot write Iceberg data file " + location + ": " + e.getMessage(), true, e);
      }
      String key = keyOf(table.io(), location);
      written.put(key, new Written(DataFiles.builder(table.spec()).copy(described).withPath(location).build(),
          table.io()));
      return Optional.of(new StagedFile(key, key, file.range(), file.records(), file.bytes().length));
    });
  }

  @Override
  public void apply(SourcePartition partition, CommitRecord record, String dataset, List<StagedFile> files) {
    catalogCall(() -> {
      long started = System.nanoTime();
      append(partition, record, dataset, files);
      metrics.committed(dataset, started);
      files.forEach(file -> written.remove(file.key()));
      return null;
    });
  }

  @Override
  public void discard(List<StagedFile> files) {
    for (StagedFile file : files) {
      Written own = written.remove(file.key());
      if (own != null) {
        catalogCall(() -> {
          own.io().deleteFile(own.file().location());
          return null;
        });
      }
    }
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
      if (IcebergSummaries.appliedSeq(table, key) >= record.seq()) {
        return;
      }
      AppendFiles append = table.newFastAppend();
      for (StagedFile file : files) {
        append.appendFile(describe(table, record, partition, file));
      }
      append.set(key, IcebergSummaries.value(record));
      append.validateWith(ancestry -> IcebergSummaries.appliedSeq(ancestry, key) < record.seq());
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

  /** The file as this instance described it when writing it, else described from its bytes read back. */
  private DataFile describe(Table table, CommitRecord record, SourcePartition partition, StagedFile file) {
    Written own = written.get(file.key());
    if (own != null) {
      return own.file();
    }
    String location = locationOf(table.io(), file.key());
    InputFile input = table.io().newInputFile(location);
    byte[] bytes;
    try (InputStream in = input.newStream()) {
      bytes = in.readAllBytes();
    } catch (org.apache.iceberg.exceptions.NotFoundException e) {
      throw new IllegalStateException("Cannot apply commit " + record.seq() + " of " + partition + ": its file "
          + location + " is missing", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read Iceberg data file " + location, e);
    }
    return IcebergDataFiles.describe(location, bytes, table.spec(), MetricsConfig.forTable(table));
  }

  /** The ledger's name of a data file: its store key when the table's FileIO is the lake's store, else its location. */
  private static String keyOf(FileIO io, String location) {
    return io instanceof ObjectStoreFileIO store && location.startsWith(store.root() + "/") ? store.keyOf(location)
        : location;
  }

  private static String locationOf(FileIO io, String key) {
    return key.contains("://") || !(io instanceof ObjectStoreFileIO store) ? key : store.location(key);
  }

  /** The snapshot summary key of a source partition's durable state. */
  public static String summaryKey(SourcePartition partition) {
    return SUMMARY_PREFIX + partition.stream() + "/" + partition.partition();
  }

  /**
   * Why the last call to the catalog failed, when it did (e.g. {@code iceberg catalog unreachable: jdbc:...}):
   * a readiness reason. Empty once a call succeeds again.
   */
  public Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  /** Runs {@code call}, turning a catalog that cannot be reached into a retryable store failure (back-pressure). */
  private <T> T catalogCall(Supplier<T> call) {
    try {
      T result = callCatalog(call);
      problem = null;
      return result;
    } catch (StoreException e) {
      problem = e.getMessage();
      throw e;
    }
  }

  private <T> T callCatalog(Supplier<T> call) {
    try {
      return call.get();
    } catch (NotAuthorizedException | ForbiddenException | BadRequestException | UnprocessableEntityException e) {
      // An answer, not an outage: retrying would wait forever. The process stops, its checkpoint behind.
      throw new StoreException("Cannot use the iceberg catalog " + catalogName + ": " + e.getMessage(), false, e);
    } catch (UncheckedSQLException | RuntimeIOException | RESTException e) {
      // RESTException: 5xx (ServiceFailureException, ServiceUnavailableException) and transport failures.
      throw new StoreException("iceberg catalog unreachable: " + catalogName + ": " + e.getMessage(), true, e);
    }
  }
}
