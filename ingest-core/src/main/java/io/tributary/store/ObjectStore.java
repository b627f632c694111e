package io.tributary.store;

import java.util.List;
import java.util.Optional;

/**
 * A flat key space of immutable-ish objects: the file system or S3.
 *
 * <p>Keys are {@code /}-separated relative paths ({@code prefix/_schemas/orders/v00000001.json}); see
 * {@link ObjectKeys#validate(String)}. Every method may throw {@link StoreException}; its
 * {@link StoreException#retryable()} tells a transient failure from a permanent one.
 */
public interface ObjectStore extends AutoCloseable {

  /** Writes {@code bytes} at {@code key}, replacing any object there. Readers never see a partial object. */
  void put(String key, byte[] bytes);

  /**
   * Writes {@code bytes} at {@code key} only if no object is there, atomically: of two racing callers exactly one
   * gets {@code true}. This is the only fencing primitive Tributary relies on (S3 {@code If-None-Match: *}).
   *
   * @return true if this call created the object, false if an object already existed (and was left untouched)
   */
  boolean putIfAbsent(String key, byte[] bytes);

  /**
   * Copies the object at {@code from} to {@code to}, replacing any object there, without its bytes passing through
   * this process where the store allows (S3: a server-side {@code CopyObject}; a folder: a hard link). Readers never
   * see a partial object at {@code to}. This default is {@link #copyThrough}: stores override it.
   *
   * @return true if the object was copied, false if there is no object at {@code from} (nothing was written)
   */
  default boolean copy(String from, String to) {
    return copyThrough(this, from, to);
  }

  /** A {@link #copy} that reads the bytes from {@code store} and writes them back: they travel twice. */
  static boolean copyThrough(ObjectStore store, String from, String to) {
    Optional<byte[]> bytes = store.get(from);
    bytes.ifPresent(b -> store.put(to, b));
    return bytes.isPresent();
  }

  /** The object at {@code key}, or empty if there is none. */
  Optional<byte[]> get(String key);

  /** Every key that starts with {@code prefix}, in ascending lexicographic (UTF-8 byte) order. */
  List<String> list(String prefix);

  /** Deletes the object at {@code key}; deleting a missing key is not an error. */
  void delete(String key);

  @Override
  default void close() {}
}
