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
  private volatile int remaining;
  private volatile boolean afterCall;
  private volatile boolean down;

  public FaultInjectingStore(ObjectStore delegate) {
    this.delegate = delegate;
  }

  /** Crash at the first call for which {@code rule(operation, key)} holds; operations are the method names. */
  public void crashWhen(BiPredicate<String, String> rule) {
    crashAt(rule, 1, false);
  }

  /**
   * Crash at the {@code occurrence}-th call for which {@code rule(operation, key)} holds: before the call reaches
   * the store, or, with {@code afterCall}, once the store has done it.
   */
  public synchronized void crashAt(BiPredicate<String, String> rule, int occurrence, boolean afterCall) {
    this.crashWhen = rule;
    this.remaining = occurrence;
    this.afterCall = afterCall;
  }

  public synchronized void heal() {
    this.crashWhen = (operation, key) -> false;
  }

  /** From now on every call fails as an unreachable store does (retryable), until {@link #up()}. */
  public void down() {
    down = true;
  }

  public void up() {
    down = false;
  }

  /** True when the call must crash; counts the call. */
  private synchronized boolean due(String operation, String key) {
    if (crashWhen.test(operation, key) && --remaining == 0) {
      heal();
      return true;
    }
    return false;
  }

  private void check(String operation, String key) {
    if (down) {
      throw new io.tributary.store.StoreException("Injected outage: " + operation + " " + key, true);
    }
    if (!afterCall && due(operation, key)) {
      throw new Crash(operation, key);
    }
  }

  private void checkAfter(String operation, String key) {
    if (afterCall && due(operation, key)) {
      throw new Crash(operation + " (after it was done)", key);
    }
  }

  @Override
  public void put(String key, byte[] bytes) {
    check("put", key);
    delegate.put(key, bytes);
    checkAfter("put", key);
  }

  @Override
  public boolean putIfAbsent(String key, byte[] bytes) {
    check("putIfAbsent", key);
    boolean created = delegate.putIfAbsent(key, bytes);
    checkAfter("putIfAbsent", key);
    return created;
  }

  /** Checked as operation {@code copy} on the key copied to. */
  @Override
  public boolean copy(String from, String to) {
    check("copy", to);
    boolean copied = delegate.copy(from, to);
    checkAfter("copy", to);
    return copied;
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
    checkAfter("delete", key);
  }
}
