package io.tributary.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A log of numbered records in an object store, each written once with {@link ObjectStore#putIfAbsent}: the commit
 * ledger of a source partition and the schema history of a dataset are two. Versions start at 1 and a writer only
 * writes the version after the latest it read, so the records are contiguous; of two writers racing for one
 * version, exactly one wins it and the other reads the winner. Records are never rewritten or deleted.
 *
 * <p>Holds no state besides the store: thread-safe, and any number of instances may share one log.
 */
public final class VersionedLog {
  /** {@link #latestListed} lists versions by blocks of 10^BLOCK_DIGITS: keys equal but for their last digits. */
  private static final int BLOCK_DIGITS = 2;
  private static final long BLOCK = 100;

  /**
   * Where a log lives: version {@code v} is {@code <folder>/<name><v zero-padded to digits>.json}, so that keys list
   * in version order.
   */
  public record Location(String folder, String name, int digits) {
    public Location {
      ObjectKeys.validate(Objects.requireNonNull(folder, "folder may not be null"));
      Objects.requireNonNull(name, "name may not be null");
      if (digits < 1 || digits > 20) {
        throw new IllegalArgumentException("Invalid log location " + folder + ": digits " + digits
            + " must be 1 to 20");
      }
    }

    /** The key of {@code version}. */
    public String key(long version) {
      if (version < 1) {
        throw new IllegalArgumentException("Invalid version " + version + " of log " + folder + ": must be >= 1");
      }
      String number = Long.toString(version);
      return folder + "/" + name + "0".repeat(Math.max(0, digits - number.length())) + number + ".json";
    }
  }

  private final ObjectStore store;
  private final Location location;

  public VersionedLog(ObjectStore store, Location location) {
    this.store = Objects.requireNonNull(store, "store may not be null");
    this.location = Objects.requireNonNull(location, "location may not be null");
  }

  /** The key of {@code version}, for messages and for readers that fetch it themselves. */
  public String key(long version) {
    return location.key(version);
  }

  /**
   * Writes {@code version} unless it exists.
   *
   * @return true if this call wrote it, false if another writer had (the existing record is left untouched)
   */
  public boolean tryWrite(long version, byte[] bytes) {
    return store.putIfAbsent(key(version), bytes);
  }

  /** The bytes of {@code version}, or empty if it was never written. */
  public Optional<byte[]> read(long version) {
    return store.get(key(version));
  }

  /**
   * The latest version, 0 when the log is empty: a few reads however long the log is (probe 1, 2, 4, ... for the
   * first missing version, then bisect). The result is always a version that exists and whose next one does not,
   * the one a writer appends after; on a contiguous log (the only kind writers make) it is the last one.
   */
  public long latest() {
    if (read(1).isEmpty()) {
      return 0;
    }
    long present = 1;
    long missing = 2;
    while (read(missing).isPresent()) {
      present = missing;
      missing *= 2;
    }
    while (missing - present > 1) {
      long middle = present + (missing - present) / 2;
      if (read(middle).isPresent()) {
        present = middle;
      } else {
        missing = middle;
      }
    }
    return present;
  }

  /**
   * The latest version, 0 when the log is empty, found by listing rather than probing: given a version known to
   * exist, one listing of the keys that share its number but for the last two digits (at most 100 keys), and one more
   * per further hundred versions. A reader that knows a recent version (a checkpoint) finds the latest in one or two
   * requests however long the log is.
   *
   * @param known a version known to exist, or 0 when none is
   */
  public long latestListed(long known) {
    if (location.digits() <= BLOCK_DIGITS) {
      return latest();
    }
    long latest = known;
    for (long block = known / BLOCK; ; block++) {
      String number = Long.toString(block);
      String prefix = location.folder() + "/" + location.name()
          + "0".repeat(Math.max(0, location.digits() - BLOCK_DIGITS - number.length())) + number;
      long highest = 0;
      for (String key : store.list(prefix)) {
        highest = Math.max(highest, versionOf(key));
      }
      latest = Math.max(latest, highest);
      if (highest < block * BLOCK + BLOCK - 1) {
        return latest;
      }
    }
  }

  /** The version {@code key} names in this log, 0 for a key that is no version of it. */
  public long versionOf(String key) {
    String head = location.folder() + "/" + location.name();
    if (!key.startsWith(head) || !key.endsWith(".json") || key.length() != head.length() + location.digits() + 5) {
      return 0;
    }
    try {
      return Long.parseLong(key.substring(head.length(), head.length() + location.digits()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The keys of every record, oldest first (one listing of the folder). */
  public List<String> keys() {
    List<String> keys = new ArrayList<>();
    for (String key : store.list(location.folder() + "/" + location.name())) {
      if (key.endsWith(".json") && key.indexOf('/', location.folder().length() + 1) < 0) {
        keys.add(key);
      }
    }
    return keys;
  }
}
