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
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The landing layer: records in, durable positions out ({@link SourceLanding} says what adapters may rely on).
 * Ties together the per-record path ({@link RecordPath}: decode, route, Hive partition path, shape, errors), the
 * buffers of each assigned source partition ({@link PartitionState}), when they roll ({@link RollReason}), and the
 * flush loop ({@link Flusher}) that commits them through a {@link TableFormat}. In this class "partition" always
 * means a source partition; a row's Hive partition path is part of its buffer's folder.
 *
 * <p>Thread-safe, one lock per source partition ({@link PartitionState}): a record, a roll and a flush of a
 * partition (its encode and upload included) hold that partition's lock only, so partition A's flush never holds
 * up partition B's records or flushes, while each partition's records and commits stay in order. A thread holds at
 * most one partition's lock at a time, so no two threads can wait for each other. What partitions share is
 * thread-safe on its own: the memory total ({@link AssignedPartitions}), the schemas ({@link RecordPath}), the table
 * format and the metrics. When the buffers hold more than the memory budget, the thread that took the record rolls
 * the largest buffers after releasing its own partition: first those of partitions no other thread holds, then,
 * if memory is still over, waiting for each busy partition in turn (back-pressure; see docs/design/landing.md,
 * "Concurrency"). Metrics ({@link io.tributary.metrics.TributaryMeter}) go to the registry given at construction;
 * the gauges read volatile copies of the state and never take a lock, so a scrape does not wait for an upload.
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
  private final LongAdder accepted = new LongAdder();

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
  public Optional<Position> assign(SourcePartition partition) {
    PartitionState old = partitions.get(partition);
    if (old != null) {
      // Assigned again without a revoke: no flush of the old state may commit while the new one recovers.
      old.lock();
    }
    try {
      Optional<CommitRecord> latest = retrying(() -> format.recover(partition));
      partitions.assign(partition, latest.orElse(null));
      if (old != null) {
        old.clear();
      }
      return latest.map(CommitRecord::watermark);
    } finally {
      if (old != null) {
        old.unlock();
      }
    }
  }

  /** {@inheritDoc} Takes no lock: the latest commit is published when it is made. */
  @Override
  public Optional<Position> checkpoint(SourcePartition partition) {
    PartitionState state = partitions.get(partition);
    return state == null ? Optional.empty() : state.latest().map(CommitRecord::watermark);
  }

  @Override
  public Outcome accept(SourceRecord record) {
    accepted.increment();
    PartitionState state = lockAssigned(partitions.get(record.sourcePartition()), record.sourcePartition());
    Outcome outcome;
    try {
      // Only the schema history can fail here before the record is buffered; flushes retry by themselves.
      outcome = retrying(() -> acceptOnce(state, record));
    } finally {
      state.unlock();
    }
    // Errors are counted when buffered, where their type is known.
    if (outcome == Outcome.LANDED) {
      metrics.landed(record.value().length);
    } else if (outcome == Outcome.DUPLICATE) {
      metrics.duplicate(record.value().length);
    }
    keepWithinBudget();
    return outcome;
  }

  /** Locks {@code state}, the current state of {@code partition}; throws when the partition is not assigned. */
  private static PartitionState lockAssigned(PartitionState state, SourcePartition partition) {
    if (state != null) {
      state.lock();
      if (state.assigned()) {
        return state;
      }
      state.unlock();
    }
    throw new IllegalStateException("Cannot accept a record of " + partition + ": the partition is not assigned");
  }

  /** Buffers {@code record} in {@code state} (whose lock the caller holds), rolling its buffer when it is full. */
  private Outcome acceptOnce(PartitionState state, SourceRecord record) {
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
    state.append(row.folder(), row.rolling(), row.schema(), row.row(), row.fitted(), position,
        record.timestampMillis(), row.eventTimeMicros(), row.waiting(), now);
    state.took(position);
    if (row.error() != null) {
      metrics.errored(row.error(), row.dataset(), record.value().length);
    }
    Optional<RollReason> due = state.dueBySize(row.folder());
    if (due.isEmpty() && budget.bufferExceeded(state.memoryBytes(row.folder()))) {
      due = Optional.of(RollReason.MEMORY);
    }
    due.ifPresent(reason -> flusher.flush(state, Map.of(row.folder(), reason), false));
    return row.error() == null ? Outcome.LANDED : Outcome.ERROR;
  }

  /**
   * When all buffers together hold more than the budget, rolls the largest until they fit. The caller holds no
   * partition's lock, so waiting for a busy partition here cannot close a cycle: first the partitions no thread
   * holds; if that was not enough, each busy one in turn (back-pressure until its thread lets go).
   */
  private void keepWithinBudget() {
    if (!budget.exceeded(partitions.heldBytes())) {
      return;
    }
    rollVictims(partitions.overBudget(budget, false));
    if (budget.exceeded(partitions.heldBytes())) {
      rollVictims(partitions.overBudget(budget, true));
    }
  }

  private void rollVictims(Map<PartitionState, Map<String, RollReason>> victims) {
    victims.forEach((victim, folders) -> whileLocked(victim, () -> flusher.flush(victim, folders, false)));
  }

  @Override
  public void rollDue() {
    for (PartitionState state : partitions.all()) {
      whileLocked(state, () -> {
        Map<String, RollReason> due = state.due(clock.millis());
        if (!due.isEmpty()) {
          flusher.flush(state, due, false);
        }
      });
    }
  }

  /** {@inheritDoc} If this instance turns out to be a zombie, its rows are dropped where the successor has them. */
  @Override
  public Optional<Position> revoke(SourcePartition partition) {
    return giveUp(partition, RollReason.REVOKE);
  }

  @Override
  public void drop(SourcePartition partition) {
    PartitionState state = partitions.get(partition);
    if (state != null) {
      whileLocked(state, () -> partitions.remove(state));
    }
  }

  /** The partitions this instance owns. */
  public List<SourcePartition> assigned() {
    return partitions.sources();
  }

  /** How many records {@link #accept} was handed since this instance started, replays included. */
  public long acceptedCount() {
    return accepted.sum();
  }

  /** Bytes of memory the buffers hold now. */
  public long bufferedBytes() {
    return partitions.heldBytes();
  }

  /** Rolls and commits every buffer: the shutdown path. */
  @Override
  public void close() {
    for (SourcePartition partition : partitions.sources()) {
      giveUp(partition, RollReason.SHUTDOWN);
    }
  }

  private Optional<Position> giveUp(SourcePartition partition, RollReason reason) {
    PartitionState state = partitions.get(partition);
    if (state == null) {
      return Optional.empty();
    }
    state.lock();
    try {
      if (!state.assigned()) {
        return Optional.empty();
      }
      flusher.flush(state, state.all(reason), true);
      Optional<Position> last = state.latest().map(CommitRecord::watermark);
      partitions.remove(state);
      return last;
    } finally {
      state.unlock();
    }
  }

  /** Runs {@code action} holding {@code state}'s lock, if the partition is still assigned. */
  private static void whileLocked(PartitionState state, Runnable action) {
    state.lock();
    try {
      if (state.assigned()) {
        action.run();
      }
    } finally {
      state.unlock();
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
