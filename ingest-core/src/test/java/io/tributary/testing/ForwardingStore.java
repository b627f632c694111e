package io.tributary.testing;

import io.tributary.store.ObjectStore;
import java.util.List;
import java.util.Optional;

/** A store that forwards every call to another; tests override the calls they watch or disturb. */
public abstract class ForwardingStore implements ObjectStore {
  protected final ObjectStore delegate;

  protected ForwardingStore(ObjectStore delegate) {
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
  public boolean copy(String from, String to) {
    return delegate.copy(from, to);
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
