package io.tributary.landing;

import io.tributary.buffer.RollingPolicy;
import io.tributary.buffer.UndecidedNumbers;
import io.tributary.catalog.CatalogSync;
import io.tributary.decode.DecodeResult;
import io.tributary.decode.JsonDecoder;
import io.tributary.decode.Tape;
import io.tributary.decode.TapeEvent;
import io.tributary.error.ErrorType;
import io.tributary.errors.ErrorRows;
import io.tributary.errors.FailedRecord;
import io.tributary.layout.LakeLayout;
import io.tributary.metrics.LandingMetrics;
import io.tributary.partition.PartitionResult;
import io.tributary.partition.Partitioner;
import io.tributary.routing.RouteResult;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.DatasetSchemas;
import io.tributary.schema.FittedRow;
import io.tributary.schema.SchemaHistory;
import io.tributary.schema.ShapeResult;
import io.tributary.source.SourceRecord;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The per-record path: decode, route to a dataset, find the Hive partition path, shape the row under the dataset's
 * schema; or, when a step fails, make the record's error row. Says which folder (buffer) the row goes to and never
 * touches a buffer. Thread-safe: records of different source partitions go through it at once (the decoder, the
 * router, the partitioners and {@link DatasetSchemas} are thread-safe; the per-dataset lookups are concurrent maps).
 */
final class RecordPath {

  /** Where one record's row goes. */
  sealed interface Placement {}

  /** The record is durable already in the folder it maps to: skip it. */
  record Duplicate() implements Placement {}

  /**
   * A row for the buffer of {@code folder}.
   *
   * @param error the error type when it is an error row, else null
   * @param dataset the dataset, null for a record no dataset could be chosen for
   * @param eventTimeMicros the row's event time (its source time for an error row), microseconds since the epoch
   * @param row the row as objects, or null when it is left in its event's tape ({@code fitted})
   * @param fitted the row left in its event's tape, valid until the thread places its next record; else null
   * @param waiting true when the row holds values waiting for their column's type ({@link ShapeResult.Shaped#waiting})
   */
  record Row(String folder, RollingPolicy rolling, DatasetSchema schema, Object[] row, FittedRow fitted,
      ErrorType error, String dataset, long eventTimeMicros, boolean waiting) implements Placement {}

  /** A thread's tape and fitted row, reused record after record. */
  private static final class Scratch {
    final Tape tape = new Tape();
    final FittedRow fitted = new FittedRow();
  }

  private static final Duplicate DUPLICATE = new Duplicate();
  private static final int MAX_CACHED_FOLDERS = 4096;

  private final LandingSettings settings;
  private final LakeLayout layout;
  private final JsonDecoder decoder;
  private final DatasetSchemas schemas;
  private final LandingMetrics metrics;
  private final CatalogSync catalog;
  private final Map<String, DatasetLanding> datasets = new ConcurrentHashMap<>();
  private final Map<String, Partitioner> partitioners = new ConcurrentHashMap<>();
  // Per dataset: partition path -> data folder key, joined and validated once (a few hours' paths are live at once).
  private final Map<String, Map<String, String>> folders = new ConcurrentHashMap<>();
  private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

  RecordPath(LandingSettings settings, LakeLayout layout, SchemaHistory history, LandingMetrics metrics,
      CatalogSync catalog) {
    this.settings = settings;
    this.layout = layout;
    this.decoder = new JsonDecoder(settings.limits());
    // New whole-number fields wait for their type until their buffer rolls: FlushWriter decides it.
    this.schemas = new DatasetSchemas(history, dataset -> datasetOf(dataset).evolution(), true);
    this.metrics = metrics;
    this.catalog = catalog;
  }

  /**
   * Places {@code record}. {@code durable} says whether the record is durable in a folder already; it is asked
   * before shaping, so a replayed record never evolves a schema twice. A row left in its event's tape
   * ({@link Row#fitted}) is valid until this thread places its next record: it must be appended before then.
   */
  Placement place(SourceRecord record, long ingestMicros, Predicate<String> durable) {
    Scratch thread = scratch.get();
    DecodeResult decoded = decoder.decode(record.value(), thread.tape);
    if (decoded instanceof DecodeResult.Failed failed) {
      return error(record, failed.error().type(), failed.error().reason(), null, ingestMicros, durable);
    }
    Map<String, Object> event = ((DecodeResult.Decoded) decoded).event();
    RouteResult route = settings.router().route(record, event);
    if (route instanceof RouteResult.Unroutable unroutable) {
      return error(record, ErrorType.ROUTING, unroutable.reason(), null, ingestMicros, durable);
    }
    String dataset = ((RouteResult.Routed) route).dataset();
    PartitionResult partitioned = partitionerOf(dataset).partition(record, event);
    if (partitioned instanceof PartitionResult.Failed failed) {
      return error(record, failed.type(), failed.reason(), dataset, ingestMicros, durable);
    }
    PartitionResult.Partitioned placed = (PartitionResult.Partitioned) partitioned;
    String folder = dataFolder(dataset, placed.path());
    if (durable.test(folder)) {
      return DUPLICATE;
    }
    String offset = record.position().toString();
    ShapeResult shaped = event instanceof TapeEvent tape
        ? schemas.shape(dataset, tape, thread.fitted, ingestMicros, record.stream(), record.partition(), offset)
        : schemas.shape(dataset, event, ingestMicros, record.stream(), record.partition(), offset);
    if (shaped instanceof ShapeResult.Fitted fitted) {
      metrics.shaped(dataset, 0, false);
      return new Row(folder, datasetOf(dataset).rolling(), fitted.schema(), null, fitted.row(), null, dataset,
          placed.eventTimeMicros(), false);
    }
    if (shaped instanceof ShapeResult.Rejected rejected) {
      return error(record, ErrorType.SCHEMA, rejected.reason(), dataset, ingestMicros, durable);
    }
    ShapeResult.Shaped row = (ShapeResult.Shaped) shaped;
    metrics.shaped(dataset, row.rescuedValues(), row.newVersion());
    if (row.newVersion()) {
      // Before the first file under it commits: the table has the new columns by the time the file is readable.
      catalog.schemaPublished(row.schema());
    }
    return new Row(folder, datasetOf(dataset).rolling(), row.schema(), row.row(), null, null, dataset,
        placed.eventTimeMicros(), row.waiting());
  }

  /**
   * Decides, at a roll, the columns the waiting values of a buffer call for; a version it publishes is counted and
   * told to the catalog as one an event publishes.
   */
  UndecidedNumbers numbers() {
    return new UndecidedNumbers(schemas, schema -> {
      metrics.shaped(schema.dataset(), 0, true);
      catalog.schemaPublished(schema);
    });
  }

  /** The settings of {@code dataset}, looked up once. */
  DatasetLanding datasetOf(String dataset) {
    return datasets.computeIfAbsent(dataset, d -> Objects.requireNonNull(settings.datasets().apply(d),
        () -> "no settings for dataset " + d));
  }

  private Placement error(SourceRecord record, ErrorType type, String message, String dataset, long ingestMicros,
      Predicate<String> durable) {
    FailedRecord failed = new FailedRecord(type, message, dataset, record, ingestMicros);
    String folder = ErrorRows.folder(layout, failed, settings.errorGranularity());
    if (durable.test(folder)) {
      return DUPLICATE;
    }
    return new Row(folder, settings.errorRolling(), ErrorRows.schema(), ErrorRows.row(failed), null, type, dataset,
        record.timestampMillis() * 1_000L, false);
  }

  private String dataFolder(String dataset, String partitionPath) {
    Map<String, String> ofDataset = folders.computeIfAbsent(dataset, d -> new ConcurrentHashMap<>());
    String folder = ofDataset.get(partitionPath);
    if (folder == null) {
      folder = layout.dataFolder(dataset, partitionPath);
      if (ofDataset.size() >= MAX_CACHED_FOLDERS) {
        ofDataset.clear();
      }
      ofDataset.put(partitionPath, folder);
    }
    return folder;
  }

  private Partitioner partitionerOf(String dataset) {
    return partitioners.computeIfAbsent(dataset, d -> new Partitioner(datasetOf(d).partitioning()));
  }
}
