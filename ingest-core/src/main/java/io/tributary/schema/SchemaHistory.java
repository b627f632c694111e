package io.tributary.schema;

import io.tributary.layout.LakeLayout;
import io.tributary.schema.internal.HistoryCheckpoint;
import io.tributary.schema.internal.SchemaDiff;
import io.tributary.schema.internal.SchemaJson;
import io.tributary.schema.internal.SchemaMerge;
import io.tributary.store.ObjectStore;
import io.tributary.store.StoreException;
import io.tributary.store.VersionedLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema versions of every dataset, persisted in the object store as
 * {@code <prefix>/_schemas/<dataset>/v0000000001.json} ({@link LakeLayout#schemaLog}, a {@link VersionedLog}), so
 * that every instance converges on one history.
 *
 * <p>Versions are allocated with {@link ObjectStore#putIfAbsent}: of two instances that race for version N, one
 * writes it; the other reads it, merges its own new columns into it ({@link SchemaMerge}: the published version
 * wins every conflict) and tries N+1. No version is ever rewritten, so a file that names its schema version can
 * always be read with it, and with every later version.
 *
 * <p>Reading stays cheap however long the history grows: every {@value #CHECKPOINT_INTERVAL} versions, the writer
 * of the version also writes a checkpoint of the merged history up to it ({@link HistoryCheckpoint}, at
 * {@link LakeLayout#schemaCheckpoints}, put-if-absent: every writer would write the same bytes). The latest version
 * is then found with one listing of the checkpoints, one listing of the versions from the newest checkpoint on
 * ({@link VersionedLog#latestListed}) and one read; the whole history with one listing, one read of the checkpoint
 * and one read per version after it. A checkpoint that was never written (a writer died between its version and
 * its checkpoint) only makes readers start from the one before.
 */
public final class SchemaHistory {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaHistory.class);
  /** More losses in a row than any real race produces: a store that never lets a write win. */
  private static final int MAX_ATTEMPTS = 1000;
  /** Versions between two checkpoints: the most versions a reader reads one by one. */
  public static final int CHECKPOINT_INTERVAL = 50;

  private final ObjectStore store;
  private final LakeLayout layout;
  private final String instanceId;
  private final Clock clock;

  /**
   * @param prefix the key prefix of the lake (may be empty)
   * @param instanceId recorded in each version this instance creates, for operators
   */
  public SchemaHistory(ObjectStore store, String prefix, String instanceId, Clock clock) {
    this.store = Objects.requireNonNull(store, "store may not be null");
    this.layout = new LakeLayout(prefix, "");
    this.instanceId = Objects.requireNonNull(instanceId, "instanceId may not be null");
    this.clock = Objects.requireNonNull(clock, "clock may not be null");
  }

  /** Every version of {@code dataset}, oldest first: the newest checkpoint and the versions after it. */
  public List<HistoryEntry> entries(String dataset) {
    long checkpoint = latestCheckpoint(dataset);
    List<HistoryEntry> entries = new ArrayList<>();
    if (checkpoint > 0) {
      String key = checkpoints(dataset).key(checkpoint);
      entries.addAll(HistoryCheckpoint.read(store.get(key).orElseThrow(() -> new IllegalStateException(
          "Cannot read schema checkpoint " + key + ": listed but gone (checkpoints are never deleted)")), key));
    }
    VersionedLog log = log(dataset);
    for (long version = checkpoint + 1; ; version++) {
      Optional<byte[]> bytes = log.read(version);
      if (bytes.isEmpty()) {
        return entries;
      }
      entries.add(SchemaJson.read(bytes.get(), log.key(version)));
    }
  }

  /** The newest version of {@code dataset}, or empty if it has none: three requests however many versions. */
  public Optional<DatasetSchema> latest(String dataset) {
    VersionedLog log = log(dataset);
    long latest = log.latestListed(latestCheckpoint(dataset));
    return latest == 0 ? Optional.empty() : Optional.of(read(log.key(latest)).schema());
  }

  /** Version {@code version} of {@code dataset}, or empty. */
  public Optional<DatasetSchema> version(String dataset, int version) {
    VersionedLog log = log(dataset);
    return log.read(version).map(bytes -> SchemaJson.read(bytes, log.key(version)).schema());
  }

  /**
   * Publishes the next version after {@code base} with the columns of {@code proposed} (which extends
   * {@code base}'s). When another instance published first, its version wins and this one's extra columns are
   * merged into the following version.
   *
   * @param base the version {@code proposed} grew from, or null for a dataset's first version
   * @param maxColumns the dataset's column cap, applied when merging
   * @return the newest version holding every column of {@code proposed} that the cap and earlier versions allow
   */
  public DatasetSchema publish(String dataset, DatasetSchema base, StructType proposed, int maxColumns) {
    DatasetSchema parent = base;
    StructType wanted = proposed;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      int next = parent == null ? 1 : parent.version() + 1;
      DatasetSchema candidate = new DatasetSchema(dataset, next, wanted);
      List<SchemaChange> changes = SchemaDiff.added(parent == null ? null : parent.root(), wanted);
      HistoryEntry entry = new HistoryEntry(candidate, changes, clock.instant(), instanceId);
      if (log(dataset).tryWrite(next, SchemaJson.write(entry))) {
        LOG.info("Schema of {} is now version {}: added {}", dataset, next,
            changes.stream().map(c -> c.path() + " " + c.type()).toList());
        if (next % CHECKPOINT_INTERVAL == 0) {
          checkpoint(dataset, next);
        }
        return candidate;
      }
      DatasetSchema winner = latest(dataset).orElseThrow(() -> new IllegalStateException(
          "Cannot publish schema of " + dataset + ": version " + next + " exists but cannot be read"));
      StructType merged = SchemaMerge.merge(winner.root(), wanted, maxColumns);
      if (merged == winner.root()) {
        return winner;
      }
      parent = winner;
      wanted = merged;
    }
    throw new IllegalStateException("Cannot publish schema of " + dataset + ": lost " + MAX_ATTEMPTS
        + " races for a version in a row; is another writer looping?");
  }

  /** Writes the checkpoint of versions 1 to {@code version}; a failure only costs readers a few more reads. */
  private void checkpoint(String dataset, int version) {
    try {
      List<HistoryEntry> entries = entries(dataset);
      store.putIfAbsent(checkpoints(dataset).key(version),
          HistoryCheckpoint.write(entries.subList(0, Math.min(version, entries.size()))));
    } catch (StoreException e) {
      LOG.warn("Cannot write the schema checkpoint of {} at version {}; readers start from an earlier one",
          dataset, version, e);
    }
  }

  /** The version of the newest checkpoint of {@code dataset}, 0 when it has none: one listing. */
  private long latestCheckpoint(String dataset) {
    VersionedLog checkpoints = new VersionedLog(store, checkpoints(dataset));
    long latest = 0;
    for (String key : checkpoints.keys()) {
      latest = Math.max(latest, checkpoints.versionOf(key));
    }
    return latest;
  }

  private VersionedLog.Location checkpoints(String dataset) {
    return layout.schemaCheckpoints(dataset);
  }

  private HistoryEntry read(String key) {
    byte[] bytes = store.get(key).orElseThrow(() -> new IllegalStateException(
        "Cannot read schema version " + key + ": found but gone (schema versions are never deleted)"));
    return SchemaJson.read(bytes, key);
  }

  private VersionedLog log(String dataset) {
    return new VersionedLog(store, layout.schemaLog(dataset));
  }
}
