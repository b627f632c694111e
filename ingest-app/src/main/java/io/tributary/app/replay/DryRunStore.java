package io.tributary.app.replay;

import io.tributary.store.ObjectStore;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A store that reads through to another and keeps every write and delete to itself, in memory: a dry run lands
 * through the real landing code (schema history, ledger, files) and sees its own writes, while the store below is
 * never changed.
 */
final class DryRunStore implements ObjectStore {
  private static final byte[] DELETED = new byte[0];

  private final ObjectStore below;
  /** Keys written or deleted here; {@link #DELETED} (by identity) marks a delete. */
  private final Map<String, byte[]> changes = new ConcurrentHashMap<>();

  DryRunStore(ObjectStore below) {
    this.below = Objects.requireNonNull(below, "below may not be null");
  }

  @Override
  public void put(String key, byte[] bytes) {
    changes.put(key, bytes.clone());
  }

  @Override
  public synchronized boolean putIfAbsent(String key, byte[] bytes) {
    if (get(key).isPresent()) {
      return false;
    }
    put(key, bytes);
    return true;
  }

  @Override
  public Optional<byte[]> get(String key) {
    byte[] changed = changes.get(key);
    if (changed == null) {
      return below.get(key);
    }
    return changed == DELETED ? Optional.empty() : Optional.of(changed.clone());
  }

  @Override
  public List<String> list(String prefix) {
    TreeSet<String> keys = new TreeSet<>(below.list(prefix));
    new TreeMap<>(changes).forEach((key, bytes) -> {
      if (key.startsWith(prefix)) {
        if (bytes == DELETED) {
          keys.remove(key);
        } else {
          keys.add(key);
        }
      }
    });
    return List.copyOf(keys);
  }

  @Override
  public void delete(String key) {
    changes.put(key, DELETED);
  }

  /** How many keys a real run would have written or deleted. */
  int changedKeys() {
    return changes.size();
  }
}
