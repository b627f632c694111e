package io.tributary.iceberg.maintain;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.commit.CommitRecord;
import io.tributary.commit.Ledger;
import io.tributary.iceberg.ObjectStoreFileIO;
import io.tributary.layout.LakeLayout;
import io.tributary.source.SourcePartition;
import io.tributary.store.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.apache.iceberg.ManifestContent;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ReachableFileUtil;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Removal of orphan files: objects under a table's data and metadata folders that no snapshot of the table
 * references (files of a flush that lost, or whose commit failed with an unknown outcome; metadata of failed
 * commits; files of a compaction killed before its commit).
 *
 * <p>The object store keeps no modification times we could trust across stores, so age is observed: each run
 * records, under the engine's state folder, when it first saw each unreferenced file, and a file is deleted only
 * once it has been seen unreferenced for the orphan age (so a file is never deleted sooner than the orphan age
 * after it was written). The store is listed before the references are read, so a file committed in between counts
 * as referenced. A data file named like the engine's own ({@code <stream>+<partition>+…}) that the latest ledger
 * record of its source partition lists is kept: that record's append has not reached the table yet (the next
 * recovery applies it).
 */
final class OrphanFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectStore store;
  private final ObjectStoreFileIO io;
  private final LakeLayout layout;
  private final Ledger ledger;
  private final Clock clock;

  /** What a cleanup found: files unreferenced now, those deleted, those kept because a ledger record lists them. */
  record Result(int unreferenced, int removed, int pending) {}

  OrphanFiles(ObjectStore store, ObjectStoreFileIO io, LakeLayout layout, Clock clock) {
    this.store = store;
    this.io = io;
    this.layout = layout;
    this.clock = clock;
    this.ledger = new Ledger(store, layout, "maintenance", clock);
  }

  /** Finds the orphans of {@code table} and deletes those seen for {@code age} (none with {@code dryRun}). */
  Result clean(Table table, Duration age, boolean dryRun, BooleanSupplier leader) {
    List<String> listed = new ArrayList<>();
    for (String folder : folders(table)) {
      listed.addAll(store.list(folder + "/"));
    }
    table.refresh();
    Set<String> referenced = references(table);
    String marksKey = layout.stateKey("maintenance/orphans/" + table.name() + ".json");
    Map<String, Long> seen = readMarks(marksKey);
    Map<String, Long> marks = new TreeMap<>();
    long now = clock.millis();
    int removed = 0;
    int pending = 0;
    int unreferenced = 0;
    Map<SourcePartition, Optional<CommitRecord>> latest = new HashMap<>();
    for (String key : listed) {
      if (referenced.contains(key) || LakeLayout.isState(key)) {
        continue;
      }
      unreferenced++;
      long firstSeen = seen.getOrDefault(key, now);
      boolean due = now - firstSeen >= age.toMillis();
      if (due && listedByLedger(key, latest)) {
        pending++;
        marks.put(key, firstSeen);
      } else if (due && !dryRun && leader.getAsBoolean()) {
        store.delete(key);
        removed++;
      } else {
        removed += due && dryRun ? 1 : 0; // a dry run counts what it would delete
        marks.put(key, firstSeen);
      }
    }
    if (!dryRun && leader.getAsBoolean()) {
      writeMarks(marksKey, marks);
    }
    return new Result(unreferenced, removed, pending);
  }

  /** The store folders of the table's data and metadata (Iceberg's defaults unless the table moves them). */
  private List<String> folders(Table table) {
    String data = table.properties().getOrDefault(TableProperties.WRITE_DATA_LOCATION, table.location() + "/data");
    String metadata = table.properties().getOrDefault(TableProperties.WRITE_METADATA_LOCATION,
        table.location() + "/metadata");
    return List.of(io.keyOf(strip(data)), io.keyOf(strip(metadata)));
  }

  private static String strip(String location) {
    return location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
  }

  /** The keys of every file a snapshot of the table references, and of its metadata files. */
  private Set<String> references(Table table) {
    Set<String> locations = new HashSet<>(ReachableFileUtil.metadataFileLocations(table, false));
    locations.addAll(ReachableFileUtil.manifestListLocations(table));
    locations.addAll(ReachableFileUtil.statisticsFilesLocations(table));
    Set<String> manifests = new HashSet<>();
    for (Snapshot snapshot : table.snapshots()) {
      for (ManifestFile manifest : snapshot.allManifests(table.io())) {
        if (manifests.add(manifest.path())) {
          locations.addAll(filesOf(table, manifest));
        }
      }
    }
    locations.addAll(manifests);
    Set<String> keys = new HashSet<>();
    for (String location : locations) {
      if (location.startsWith(io.root() + "/")) {
        keys.add(io.keyOf(location));
      }
    }
    return keys;
  }

  private static List<String> filesOf(Table table, ManifestFile manifest) {
    List<String> files = new ArrayList<>();
    try {
      if (manifest.content() == ManifestContent.DATA) {
        try (CloseableIterable<String> paths = ManifestFiles.readPaths(manifest, table.io(), table.specs())) {
          paths.forEach(files::add);
        }
      } else {
        try (var deletes = ManifestFiles.readDeleteManifest(manifest, table.io(), table.specs())) {
          deletes.forEach(d -> files.add(d.location()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read manifest " + manifest.path(), e);
    }
    return files;
  }

  /** Whether {@code key} is an engine data file listed by the latest ledger record of its source partition. */
  private boolean listedByLedger(String key, Map<SourcePartition, Optional<CommitRecord>> latest) {
    String name = key.substring(key.lastIndexOf('/') + 1);
    String[] parts = name.split("\\+", 3);
    if (parts.length < 3) {
      return false;
    }
    Optional<CommitRecord> record;
    try {
      record = latest.computeIfAbsent(new SourcePartition(parts[0], parts[1]), ledger::latest);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return record.map(r -> r.files().stream().anyMatch(f -> f.key().equals(key))).orElse(false);
  }

  private Map<String, Long> readMarks(String key) {
    return store.get(key).map(bytes -> {
      try {
        return JSON.readValue(bytes, new TypeReference<Map<String, Long>>() {});
      } catch (IOException e) {
        // A damaged marks file only delays deletions: start observing again.
        return new HashMap<String, Long>();
      }
    }).orElseGet(HashMap::new);
  }

  private void writeMarks(String key, Map<String, Long> marks) {
    try {
      store.put(key, JSON.writeValueAsBytes(marks));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the orphan marks " + key, e);
    }
  }
}
