package io.tributary.bench;

import io.tributary.store.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * An object store in memory, for the JMH benchmarks only: they measure CPU and allocation of the core path, and
 * the few store calls it makes (schema history) must not add disk or network time. Keys sort by their UTF-8 bytes,
 * as the store contract says (the benchmark keys are ASCII, where that is the natural string order).
 */
public final class MemoryStore implements ObjectStore {
  private final ConcurrentSkipListMap<String, byte[]> objects = new ConcurrentSkipListMap<>();

  @Override
  public void put(String key, byte[] bytes) {
    objects.put(key, bytes.clone());
  }

  @Override
  public boolean putIfAbsent(String key, byte[] bytes) {
    return objects.putIfAbsent(key, bytes.clone()) == null;
  }

  @Override
  public Optional<byte[]> get(String key) {
    byte[] bytes = objects.get(key);
    return bytes == null ? Optional.empty() : Optional.of(bytes.clone());
  }

  @Override
  public List<String> list(String prefix) {
    List<String> keys = new ArrayList<>();
    for (String key : objects.tailMap(prefix).keySet()) {
      if (!key.startsWith(prefix)) {
        break;
      }
      keys.add(key);
    }
    return keys;
  }

  @Override
  public void delete(String key) {
    objects.remove(key);
  }

  /** The number of objects held. */
  public int size() {
    return objects.size();
  }

  /** The text of the object at {@code key}, for checks. */
  public String text(String key) {
    return new String(objects.get(key), StandardCharsets.UTF_8);
  }
}
