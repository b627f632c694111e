package io.tributary.landing;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.buffer.MemoryBudget;
import io.tributary.buffer.RollingPolicy;
import io.tributary.buffer.RowBuffer;
import io.tributary.commit.CommitOutcome;
import io.tributary.commit.CommitRecord;
import io.tributary.commit.Ledger;
import io.tributary.commit.SourcePartition;
import io.tributary.commit.StagedFile;
import io.tributary.decode.DecodeResult;
import io.tributary.decode.JsonDecoder;
import io.tributary.error.ErrorType;
import io.tributary.errors.ErrorRows;
import io.tributary.errors.FailedRecord;
import io.tributary.metrics.LandingMetrics;
import io.tributary.partition.PartitionResult;
import io.tributary.partition.Partitioner;
import io.tributary.record.SourceRecord;
import io.tributary.routing.RouteResult;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.DatasetSchemas;
import io.tributary.schema.SchemaHistory;
import io.tributary.schema.ShapeResult;
import io.tributary.store.ObjectKeys;
import io.tributary.store.ObjectStore;
import io.tributary.store.StoreException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The landing layer as adapters see it: records in, durable positions out.
 *
 * <p>An adapter {@link #assign}s a source partition (which recovers it from the ledger and says where to resume),
 * hands its records to {@link #accept} in order, calls {@link #rollDue} now and then for time-based rolls, moves
 * its source position only to {@link #checkpoint}, and {@link #revoke}s the partition when it loses it. Every
 * record ends in a data file, an error file, or stays behind the checkpoint. Adapters hold no landing logic.
 *
 * <p>Thread-safe: every method takes one lock, so an upload blocks other partitions (the simplest form of
 * back-pressure; finer locking is for the performance work). Metrics ({@link io.tributary.metrics.TributaryMeter})
 * go to the registry given at construction; the gauges read volatile copies of the state and never take the lock,
 * so a scrape does not wait for an upload.
 */
public final class Landing implements AutoCloseable {

  /** What became of one accepted record. */
  public enum Outcome {
    /** Buffered for a data file. */
    LANDED,
    /** Buffered for an error file. */
    ERROR,
    /** Already durable (a replay after a restart or a rebalance): skipped. */
    DUPLICATE
  }

  private final LandingSettings settings;
  private final Clock clock;
  private final JsonDecoder decoder;
  private final DatasetSchemas schemas;
  private final Ledger ledger;
  private final FlushWriter writer;
  private final MemoryBudget budget;
  private final Backoff backoff;
  private final LandingMetrics metrics;
  private final Map<String, Partitioner> partitioners = new HashMap<>();
  private final Map<String, DatasetSettings> datasetSettings = new HashMap<>();
  private final Map<SourcePartition, PartitionState> partitions = new LinkedHashMap<>();
  // Written under the lock, read by the gauges without it.
  private volatile long heldBytes;
  private volatile long oldestBufferedSourceMillis = Long.MAX_VALUE;
  private long accepted;

  public Landing(LandingSettings settings, ObjectStore store, Clock clock) {
    this(settings, store, clock, Backoff.exponential());
  }

  /** With {@code backoff} deciding how to wait while the store is down; no metrics. */
  public Landing(LandingSettings settings, ObjectStore store, Clock clock, Backoff backoff) {
    this(settings, store, clock, backoff, null);
  }

  /**
   * With {@code backoff} deciding how to wait while the store is down, and the landing meters registered in
   * {@code registry} (one {@code Landing} per registry).
   */
  public Landing(LandingSettings settings, ObjectStore store, Clock clock, Backoff backoff, MeterRegistry registry) {
    this.backoff = Objects.requireNonNull(backoff, "backoff may not be null");
    this.settings = Objects.requireNonNull(settings, "settings may not be null");
    this.clock = Objects.requireNonNull(clock, "clock may not be null");
    this.decoder = new JsonDecoder(settings.limits());
    this.schemas = new DatasetSchemas(new SchemaHistory(store, settings.prefix(), settings.instanceId(), clock),
        dataset -> settingsOf(dataset).evolution());
    this.ledger = new Ledger(store, settings.prefix(), settings.instanceId(), clock);
    this.writer = new FlushWriter(ledger, settings.parquet());
    this.budget = new MemoryBudget(settings.memoryBudgetBytes());
    this.metrics = registry == null ? LandingMetrics.none()
        : LandingMetrics.bind(registry, () -> heldBytes, this::freshnessSeconds);
  }

  /**
   * Takes ownership of {@code partition}: recovers it from the ledger (publishing a commit whose writer died before
   * publishing it). While the store is down this call waits. Assigning a partition again forgets what was buffered
   * for it (the source replays it from its checkpoint).
   *
   * @return the watermark to resume after (every position at or below it is durable), or empty to start from the
   *     source's own start position
   */
  public synchronized Optional<String> assign(SourcePartition partition) {
    for (int attempt = 1; ; attempt++) {
      try {
        Optional<CommitRecord> latest = ledger.recover(partition);
        PartitionState old = partitions.put(partition, new PartitionState(partition, latest.orElse(null)));
        if (old != null) {
          heldBytes -= old.memoryBytes();
          rescanOldest();
        }
        return latest.map(CommitRecord::watermark);
      } catch (StoreException e) {
        if (!e.retryable()) {
          throw e;
        }
        backoff.pause(attempt, e);
      }
    }
  }

  /** The position the source may commit: every record at or below it is durable. Empty when none is yet. */
  public synchronized Optional<String> checkpoint(SourcePartition partition) {
    PartitionState state = partitions.get(partition);
    return state == null || state.latest == null ? Optional.empty() : Optional.ofNullable(state.latest.watermark());
  }

  /**
   * Takes one record of an assigned partition, in source order. While the object store is down this call waits
   * (and so does the source) and loses nothing; it throws only for a permanent store failure.
   */
  public synchronized Outcome accept(SourceRecord record) {
    accepted++;
    for (int attempt = 1; ; attempt++) {
      try {
        Outcome outcome = acceptOnce(record);
        // Errors are counted in error(), which knows their type.
        if (outcome == Outcome.LANDED) {
          metrics.landed(record.value().length);
        } else if (outcome == Outcome.DUPLICATE) {
          metrics.duplicate(record.value().length);
        }
        return outcome;
      } catch (StoreException e) {
        // Only the schema history can fail here before the record is buffered; flushes retry by themselves.
        if (!e.retryable()) {
          throw e;
        }
        backoff.pause(attempt, e);
      }
    }
  }

  private Outcome acceptOnce(SourceRecord record) {
    SourcePartition partition = new SourcePartition(record.stream(), record.partition());
    PartitionState state = partitions.get(partition);
    if (state == null) {
      throw new IllegalStateException("Cannot accept a record of " + partition + ": the partition is not assigned");
    }
    if (state.belowWatermark(record.position()) || state.alreadyTaken(record.position())) {
      // Durable already, or taken since the assignment (buffered or durable): a source that went back to an
      // older position without a rebalance (Kafka Streams seeks after a failed commit) re-delivers it.
      return Outcome.DUPLICATE;
    }
    long now = clock.millis();
    long ingestMicros = now * 1_000L;
    DecodeResult decoded = decoder.decode(record.value());
    if (decoded instanceof DecodeResult.Failed failed) {
      return error(state, record, failed.error().type(), failed.error().reason(), null, ingestMicros);
    }
    Map<String, Object> event = ((DecodeResult.Decoded) decoded).event();
    RouteResult route = settings.router().route(record, event);
    if (route instanceof RouteResult.Unroutable unroutable) {
      return error(state, record, ErrorType.ROUTING, unroutable.reason(), null, ingestMicros);
    }
    String dataset = ((RouteResult.Routed) route).dataset();
    PartitionResult partitioned = partitionerOf(dataset).partition(record, event);
    if (partitioned instanceof PartitionResult.Failed failed) {
      return error(state, record, failed.type(), failed.reason(), dataset, ingestMicros);
    }
    String folder = ObjectKeys.join(settings.prefix(), dataset, ((PartitionResult.Partitioned) partitioned).path());
    if (state.isDurable(folder, record.position())) {
      state.took(record.position());
      return Outcome.DUPLICATE;
    }
    ShapeResult shaped = schemas.shape(dataset, event, ingestMicros, record.stream(), record.partition(),
        record.position());
    if (shaped instanceof ShapeResult.Rejected rejected) {
      return error(state, record, ErrorType.SCHEMA, rejected.reason(), dataset, ingestMicros);
    }
    ShapeResult.Shaped row = (ShapeResult.Shaped) shaped;
    metrics.shaped(dataset, row.rescuedValues(), row.newVersion());
    buffer(state, folder, settingsOf(dataset).rolling(), row.schema(), row.row(), record, now);
    return Outcome.LANDED;
  }

  /** Rolls every buffer whose age, size or record count is due. */
  public synchronized void rollDue() {
    long now = clock.millis();
    for (PartitionState state : new ArrayList<>(partitions.values())) {
      List<String> due = state.due(now);
      if (!due.isEmpty()) {
        flush(state, due, false);
      }
    }
  }

  /**
   * Gives up {@code partition}: rolls and commits everything buffered for it, then forgets it. If this instance
   * turns out to be a zombie, its rows are dropped where the successor committed them.
   *
   * @return the partition's last checkpoint (every record taken is at or below it), empty if it was not assigned
   *     or nothing of it is durable
   */
  public synchronized Optional<String> revoke(SourcePartition partition) {
    PartitionState state = partitions.get(partition);
    if (state == null) {
      return Optional.empty();
    }
    flush(state, state.keys(), true);
    Optional<String> last = checkpoint(partition);
    partitions.remove(partition);
    return last;
  }

  /** Gives up {@code partition} without writing anything: its records stay behind its checkpoint. */
  public synchronized void drop(SourcePartition partition) {
    PartitionState state = partitions.remove(partition);
    if (state != null) {
      heldBytes -= state.memoryBytes();
      rescanOldest();
    }
  }

  /** The partitions this instance owns. */
  public synchronized List<SourcePartition> assigned() {
    return List.copyOf(partitions.keySet());
  }

  /** How many records {@link #accept} was handed since this instance started, replays included. */
  public synchronized long acceptedCount() {
    return accepted;
  }

  /** Bytes of memory the buffers hold now. */
  public synchronized long bufferedBytes() {
    return heldBytes;
  }

  /** Rolls and commits every buffer: the shutdown path. */
  @Override
  public synchronized void close() {
    for (SourcePartition partition : List.copyOf(partitions.keySet())) {
      revoke(partition);
    }
  }

  private Outcome error(PartitionState state, SourceRecord record, ErrorType type, String message, String dataset,
      long ingestMicros) {
    FailedRecord failed = new FailedRecord(type, message, dataset, record, ingestMicros);
    String folder = ObjectKeys.join(settings.errorPrefix(), ErrorRows.pathFor(failed, settings.errorGranularity()));
    if (state.isDurable(folder, record.position())) {
      state.took(record.position());
      return Outcome.DUPLICATE;
    }
    buffer(state, folder, settings.errorRolling(), ErrorRows.schema(), ErrorRows.row(failed), record, clock.millis());
    metrics.errored(type, dataset, record.value().length);
    return Outcome.ERROR;
  }

  private void buffer(PartitionState state, String folder, RollingPolicy rolling,
      DatasetSchema schema, Object[] row, SourceRecord record, long now) {
    heldBytes += state.append(folder, rolling, schema, row, record.position(), record.timestampMillis(), now);
    oldestBufferedSourceMillis = Math.min(oldestBufferedSourceMillis, record.timestampMillis());
    state.took(record.position());
    if (state.dueBySize(folder) || budget.bufferExceeded(state.memoryBytes(folder))) {
      flush(state, List.of(folder), false);
    }
    if (budget.exceeded(heldBytes)) {
      relieveMemory();
    }
  }

  private void relieveMemory() {
    Map<BufferRef, RowBuffer> all = new HashMap<>();
    for (PartitionState state : partitions.values()) {
      state.collect(all);
    }
    Map<PartitionState, List<String>> byPartition = new LinkedHashMap<>();
    for (BufferRef ref : budget.victims(all)) {
      byPartition.computeIfAbsent(ref.state(), s -> new ArrayList<>()).add(ref.folder());
    }
    byPartition.forEach((state, folders) -> flush(state, folders, false));
  }

  /**
   * Writes {@code folders}' buffers of one partition as files and commits them. When another instance wins the
   * commit, rows it made durable are dropped and the rest go back to their buffers; with {@code untilEmpty}, the
   * flush is retried until nothing of those buffers is left.
   */
  private void flush(PartitionState state, List<String> folders, boolean untilEmpty) {
    try {
      flushUntilDone(state, folders, untilEmpty);
    } finally {
      rescanOldest();
    }
  }

  private void flushUntilDone(PartitionState state, List<String> folders, boolean untilEmpty) {
    List<String> pending = folders;
    int losses = 0;
    int storeFailures = 0;
    while (!pending.isEmpty()) {
      List<PartitionState.Rolled> rolled = state.take(pending);
      for (PartitionState.Rolled r : rolled) {
        heldBytes -= r.buffer().memoryBytes();
      }
      if (rolled.isEmpty()) {
        return;
      }
      CommitOutcome outcome;
      FlushWriter.Flush flush;
      long started = metrics.flushStarted();
      try {
        flush = writer.write(state.partition, rolled);
        outcome = ledger.commit(state.partition, state.nextSeq(), state.watermark(), flush.files(),
            state.aboveAfter(flush.ranges()));
      } catch (StoreException e) {
        metrics.flushed(started);
        // Nothing of this flush is visible unless its commit was written; if it was (its answer lost), the retry
        // loses the same seq to it, publishes its files and drops its rows. Either way: put the rows
        // back, wait, and try again. Staged copies of the failed attempt stay invisible.
        heldBytes += state.restore(rolled);
        if (!e.retryable()) {
          throw e;
        }
        backoff.pause(++storeFailures, e);
        continue;
      }
      metrics.flushed(started);
      if (outcome instanceof CommitOutcome.Committed committed) {
        state.committed(committed.record());
        countCommitted(rolled, flush.files());
        return;
      }
      if (++losses > 100) {
        throw new IllegalStateException("Cannot commit " + state.partition + ": lost 100 commits in a row");
      }
      CommitRecord winner = ((CommitOutcome.Lost) outcome).winner();
      heldBytes += state.lostTo(winner, rolled);
      pending = untilEmpty ? state.keys() : List.of();
    }
  }

  /** Counts the files of a committed flush: {@code files.get(i)} was written from {@code rolled.get(i)}. */
  private void countCommitted(List<PartitionState.Rolled> rolled, List<StagedFile> files) {
    long now = clock.millis();
    for (int i = 0; i < files.size(); i++) {
      RowBuffer buffer = rolled.get(i).buffer();
      StagedFile file = files.get(i);
      String dataset = buffer.schema().dataset();
      if (dataset.equals(ErrorRows.DATASET)) {
        metrics.errorFileCommitted(file.bytes());
      } else {
        metrics.dataFileCommitted(dataset, file.records(), file.bytes(), now - buffer.oldestSourceMillis());
      }
    }
  }

  /** Recomputes the oldest buffered source time after buffers were taken out, put back or forgotten. */
  private void rescanOldest() {
    long oldest = Long.MAX_VALUE;
    for (PartitionState state : partitions.values()) {
      oldest = Math.min(oldest, state.oldestSourceMillis());
    }
    oldestBufferedSourceMillis = oldest;
  }

  /** The freshness gauge: how old the oldest buffered record is, 0 when nothing is buffered. Takes no lock. */
  private double freshnessSeconds() {
    long oldest = oldestBufferedSourceMillis;
    return oldest == Long.MAX_VALUE ? 0 : Math.max(0, clock.millis() - oldest) / 1000.0;
  }

  private DatasetSettings settingsOf(String dataset) {
    return datasetSettings.computeIfAbsent(dataset, d -> Objects.requireNonNull(settings.datasets().apply(d),
        () -> "no settings for dataset " + d));
  }

  private Partitioner partitionerOf(String dataset) {
    return partitioners.computeIfAbsent(dataset, d -> new Partitioner(settingsOf(d).partitioning()));
  }

  /** A buffer of one partition, as the memory budget sees it. */
  record BufferRef(PartitionState state, String folder) {}
}
