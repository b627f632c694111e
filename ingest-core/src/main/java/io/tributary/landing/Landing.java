package io.tributary.landing;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.buffer.MemoryBudget;
import io.tributary.catalog.CatalogSync;
import io.tributary.buffer.RollReason;
import io.tributary.commit.CommitRecord;
import io.tributary.commit.Ledger;
import io.tributary.source.SourcePartition;
import io.tributary.commit.StagedFile;
import io.tributary.decode.DecodeResult;
import io.tributary.decode.JsonDecoder;
import io.tributary.error.ErrorType;
import io.tributary.errors.ErrorRows;
import io.tributary.errors.FailedRecord;
import io.tributary.commit.TableFormat;
import io.tributary.commit.TableFormatFactory;
import io.tributary.layout.LakeLayout;
import io.tributary.metrics.LandingMetrics;
import io.tributary.schema.SchemaHistory;
import io.tributary.source.Position;
import io.tributary.source.SourceLanding;
import io.tributary.source.SourceRecord;
import io.tributary.store.ObjectStore;
import io.tributary.store.StoreException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The landing layer: records in, durable positions out ({@link SourceLanding} says what adapters may rely on).
 * Ties together the per-record path ({@link RecordPath}: decode, route, Hive partition path, shape, errors), the
 * buffers of each assigned source partition ({@link PartitionState}), when they roll ({@link RollReason}), and the
 * flush loop ({@link Flusher}) that commits them through a {@link TableFormat}. In this class "partition" always
 * means a source partition; a row's Hive partition path is part of its buffer's folder.
 *
 * <p>Thread-safe: every method takes one lock, so an upload blocks other partitions (the simplest form of
 * back-pressure; finer locking is for the performance work). Metrics ({@link io.tributary.metrics.TributaryMeter})
 * go to the registry given at construction; the gauges read volatile copies of the state and never take the lock,
 * so a scrape does not wait for an upload.
 */
public final class Landing implements SourceLanding, AutoCloseable {
  private final Clock clock;
  private final TableFormat format;
  private final MemoryBudget budget;
  private final Backoff backoff;
  private final LandingMetrics metrics;
  private final RecordPath path;
  private final Flusher flusher;
  private final AssignedPartitions partitions = new AssignedPartitions();
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
   * {@code registry} (one {@code Landing} per registry; null for none).
   */
  public Landing(LandingSettings settings, ObjectStore store, Clock clock, Backoff backoff, MeterRegistry registry) {
    this(settings, store, clock, backoff, registry, CatalogSync.none());
  }

  /**
   * As above, and {@code catalog} told of every schema version this instance publishes and of every committed
   * file's schema, so that the dataset's table follows (it works off the landing path).
   */
  public Landing(LandingSettings settings, ObjectStore store, Clock clock, Backoff backoff, MeterRegistry registry,
      CatalogSync catalog) {
    this(settings, store, clock, backoff, registry, catalog, TableFormatFactory.hive());
  }

  /**
   * As above, with the table format built by {@code formats} (once, from this landing's store, layout and schema
   * history): which datasets land as Hive files and which as, e.g., Iceberg tables is the caller's choice.
   */
  public Landing(LandingSettings settings, ObjectStore store, Clock clock, Backoff backoff, MeterRegistry registry,
      CatalogSync catalog, TableFormatFactory formats) {
    Objects.requireNonNull(settings, "settings may not be null");
    Objects.requireNonNull(formats, "formats may not be null");
    Objects.requireNonNull(catalog, "catalog may not be null");
    this.backoff = Objects.requireNonNull(backoff, "backoff may not be null");
    this.clock = Objects.requireNonNull(clock, "clock may not be null");
    LakeLayout layout = new LakeLayout(settings.prefix(), settings.errorPrefix());
    SchemaHistory history = new SchemaHistory(store, layout.prefix(), settings.instanceId(), clock);
    this.format = Objects.requireNonNull(formats.open(new TableFormatFactory.Context(store, layout,
        settings.instanceId(), clock, history, settings.parquet())), "the table format may not be null");
    this.budget = new MemoryBudget(settings.memoryBudgetBytes());
    this.metrics = new LandingMetrics(partitions::heldBytes, this::freshnessSeconds);
    if (registry != null) {
      metrics.bindTo(registry);
    }
    this.path = new RecordPath(settings, layout, history, metrics, catalog);
    this.flusher = new Flusher(format, new FlushWriter(format, path.numbers()), backoff, metrics, catalog, clock);
  }

  @Override
  public synchronized Optional<Position> assign(SourcePartition partition) {
    Optional<CommitRecord> latest = retrying(() -> format.recover(partition));
    partitions.assign(partition, latest.orElse(null));
    return latest.map(CommitRecord::watermark);
  }

  @Override
  public synchronized Optional<Position> checkpoint(SourcePartition partition) {
    PartitionState state = partitions.get(partition);
    return state == null ? Optional.empty() : state.latest().map(CommitRecord::watermark);
  }

  @Override
  public synchronized Outcome accept(SourceRecord record) {
    accepted++;
    // Only the schema history can fail here before the record is buffered; flushes retry by themselves.
    Outcome outcome = retrying(() -> acceptOnce(record));
    // Errors are counted when buffered, where their type is known.
    if (outcome == Outcome.LANDED) {
      metrics.landed(record.value().length);
    } else if (outcome == Outcome.DUPLICATE) {
      metrics.duplicate(record.value().length);
    }
    return outcome;
  }

  private Outcome acceptOnce(SourceRecord record) {
    PartitionState state = partitions.get(record.sourcePartition());
    if (state == null) {
      throw new IllegalStateException("Cannot accept a record of " + record.sourcePartition()
          + ": the partition is not assigned");
    }
    Position position = record.position();
    if (state.seen(position)) {
      // Durable already, or taken since the assignment (buffered or durable): a source that went back to an
      // older position without a rebalance (Kafka Streams seeks after a failed commit) re-delivers it.
      return Outcome.DUPLICATE;
    }
    long now = clock.millis();
    RecordPath.Placement placement = path.place(record, now * 1_000L, folder -> state.isDurable(folder, position));
    if (!(placement instanceof RecordPath.Row row)) {
      state.took(position);
      return Outcome.DUPLICATE;
    }
    state.append(row.folder(), row.rolling(), row.schema(), row.row(), position, record.timestampMillis(),
        row.eventTimeMicros(), now);
    partitions.buffered(record.timestampMillis());
    state.took(position);
    if (row.error() != null) {
      metrics.errored(row.error(), row.dataset(), record.value().length);
    }
    Optional<RollReason> due = state.dueBySize(row.folder());
    if (due.isEmpty() && budget.bufferExceeded(state.memoryBytes(row.folder()))) {
      due = Optional.of(RollReason.MEMORY);
    }
    due.ifPresent(reason -> flush(state, Map.of(row.folder(), reason), false));
    if (budget.exceeded(partitions.heldBytes())) {
      partitions.overBudget(budget).forEach((victim, folders) -> flush(victim, folders, false));
    }
    return row.error() == null ? Outcome.LANDED : Outcome.ERROR;
  }

  @Override
  public synchronized void rollDue() {
    long now = clock.millis();
    for (PartitionState state : partitions.all()) {
      Map<String, RollReason> due = state.due(now);
      if (!due.isEmpty()) {
        flush(state, due, false);
      }
    }
  }

  /** {@inheritDoc} If this instance turns out to be a zombie, its rows are dropped where the successor has them. */
  @Override
  public synchronized Optional<Position> revoke(SourcePartition partition) {
    return giveUp(partition, RollReason.REVOKE);
  }

  @Override
  public synchronized void drop(SourcePartition partition) {
    partitions.remove(partition);
  }

  /** The partitions this instance owns. */
  public synchronized List<SourcePartition> assigned() {
    return partitions.sources();
  }

  /** How many records {@link #accept} was handed since this instance started, replays included. */
  public synchronized long acceptedCount() {
    return accepted;
  }

  /** Bytes of memory the buffers hold now. */
  public synchronized long bufferedBytes() {
    return partitions.heldBytes();
  }

  /** Rolls and commits every buffer: the shutdown path. */
  @Override
  public synchronized void close() {
    for (SourcePartition partition : partitions.sources()) {
      giveUp(partition, RollReason.SHUTDOWN);
    }
  }

  private Optional<Position> giveUp(SourcePartition partition, RollReason reason) {
    PartitionState state = partitions.get(partition);
    if (state == null) {
      return Optional.empty();
    }
    flush(state, state.all(reason), true);
    Optional<Position> last = state.latest().map(CommitRecord::watermark);
    partitions.remove(partition);
    return last;
  }

  private void flush(PartitionState state, Map<String, RollReason> folders, boolean untilEmpty) {
    try {
      flusher.flush(state, folders, untilEmpty);
    } finally {
      partitions.rescanOldest();
    }
  }

  /** Runs {@code call}, waiting and trying again while the store has a transient failure. */
  private <T> T retrying(Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (StoreException e) {
        if (!e.retryable()) {
          throw e;
        }
        backoff.pause(attempt, e);
      }
    }
  }

  /** The freshness gauge: how old the oldest buffered record is, 0 when nothing is buffered. Takes no lock. */
  private double freshnessSeconds() {
    long oldest = partitions.oldestSourceMillis();
    return oldest == Long.MAX_VALUE ? 0 : Math.max(0, clock.millis() - oldest) / 1000.0;
  }
}
