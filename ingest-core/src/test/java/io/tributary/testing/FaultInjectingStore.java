package io.tributary.testing;

import io.tributary.store.ObjectStore;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Wraps a real store and "crashes" (throws {@link Crash}) at the first call that a rule picks, so tests can stop
 * the landing layer at every step of a flush and check what a restart finds.
 */
public final class FaultInjectingStore implements ObjectStore {
  /** The simulated crash: nothing after it runs. */
  public static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash(String operation, String key) {
      super("Injected crash at " + operation + " " + key);
    }
  }

  private final ObjectStore delegate;
  private volatile BiPredicate<String, String> crashWhen = (operation, key) -> false;

  public FaultInjectingStore(ObjectStore delegate) {
    this.delegate = delegate;
  }

  /** Crash at the first call for which {@code rule(operation, key)} holds; operations are the method names. */
  public void crashWhen(BiPredicate<String, String> rule) {
    this.crashWhen = rule;
  }

  public void heal() {
    this.crashWhen = (operation, key) -> false;
  }

  private void check(String operation, String key) {
    if (crashWhen.test(operation, key)) {
      heal();
      throw new Crash(operation, key);
    }
  }

  @Override
  public void put(String key, byte[] bytes) {
    check("put", key);
    delegate.put(key, bytes);
  }

  @Override
  public boolean putIfAbsent(String key, byte[] bytes) {
    check("putIfAbsent", key);
    return delegate.putIfAbsent(key, bytes);
  }

  @Override
  public Optional<byte[]> get(String key) {
    check("get", key);
    return delegate.get(key);
  }

  @Override
  public List<String> list(String prefix) {
    check("list", prefix);
    return delegate.list(prefix);
  }

  @Override
  public void delete(String key) {
    check("delete", key);
    delegate.delete(key);
  }
}
