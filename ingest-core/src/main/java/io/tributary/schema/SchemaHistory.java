package io.tributary.schema;

import io.tributary.layout.LakeLayout;
import io.tributary.schema.internal.SchemaDiff;
import io.tributary.schema.internal.SchemaJson;
import io.tributary.schema.internal.SchemaMerge;
import io.tributary.store.ObjectStore;
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
 */
public final class SchemaHistory {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaHistory.class);
  /** More losses in a row than any real race produces: a store that never lets a write win. */
  private static final int MAX_ATTEMPTS = 1000;

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

  /** Every version of {@code dataset}, oldest first. */
  public List<HistoryEntry> entries(String dataset) {
    List<HistoryEntry> entries = new ArrayList<>();
    for (String key : log(dataset).keys()) {
      entries.add(read(key));
    }
    return entries;
  }

  /** The newest version of {@code dataset}, or empty if it has none. */
  public Optional<DatasetSchema> latest(String dataset) {
    VersionedLog log = log(dataset);
    long latest = log.latest();
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

  private HistoryEntry read(String key) {
    byte[] bytes = store.get(key).orElseThrow(() -> new IllegalStateException(
        "Cannot read schema version " + key + ": found but gone (schema versions are never deleted)"));
    return SchemaJson.read(bytes, key);
  }

  private VersionedLog log(String dataset) {
    return new VersionedLog(store, layout.schemaLog(dataset));
  }
}
