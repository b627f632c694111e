package io.tributary.iceberg;

import io.tributary.store.ObjectStore;
import java.util.List;
import java.util.Optional;

/** An object store that forwards every call: tests override one method to inject a failure. */
class DelegatingStore implements ObjectStore {
  private final ObjectStore delegate;

  DelegatingStore(ObjectStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public void put(String key, byte[] bytes) {
    delegate.put(key, bytes);
  }

  @Override
  public boolean putIfAbsent(String key, byte[] bytes) {
    return delegate.putIfAbsent(key, bytes);
  }

  @Override
  public Optional<byte[]> get(String key) {
    return delegate.get(key);
  }

  @Override
  public List<String> list(String prefix) {
    return delegate.list(prefix);
  }

  @Override
  public void delete(String key) {
    delegate.delete(key);
  }
}
