package io.tributary.iceberg.maintain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.layout.LakeLayout;
import io.tributary.store.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The lease that makes one maintenance runner at a time, elected through the object store with put-if-absent only
 * (no compare-and-swap, which S3Proxy's filesystem backend does not make atomic: DESIGN §7).
 *
 * <p>The lease is a chain of epochs {@code <prefix>/_tributary/maintenance/lease/<epoch>.json}, each
 * {@code {"owner", "expiresAt"}} and written once with put-if-absent: whoever writes epoch {@code n+1} holds the
 * lease until its expiry. The holder renews by writing the next epoch itself before its own expires; a contender
 * writes the next epoch only once the latest has expired (a killed holder is replaced one lease duration after its
 * last renewal); of two racing for one epoch, exactly one wins. A winner then lists the chain again and yields if
 * a higher epoch exists (a contender that read a stale listing). Releasing writes an expired epoch, so the next
 * contender need not wait. Old epochs are deleted by the holder, the latest two kept.
 *
 * <p>Expiry is judged by the readers' clocks against the writer's: clocks of ECS tasks are kept within milliseconds,
 * far below a lease of minutes; a zombie that still acts after losing the lease cannot corrupt a table, since every
 * maintenance commit is validated by Iceberg (it only wastes work). Thread-safe.
 */
public final class MaintenanceLease {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int EPOCH_DIGITS = 20;

  private final ObjectStore store;
  private final String folder;
  private final String owner;
  private final Duration duration;
  private final Clock clock;
  private long epoch;
  private long expiresAt;

  /**
   * @param owner this runner's name (an instance id); a random suffix makes two runners of one instance distinct
   * @param duration how long a written epoch holds the lease
   */
  public MaintenanceLease(ObjectStore store, LakeLayout layout, String owner, Duration duration, Clock clock) {
    this.store = Objects.requireNonNull(store, "store may not be null");
    this.folder = layout.stateKey("maintenance/lease");
    this.owner = Objects.requireNonNull(owner, "owner may not be null") + "/" + UUID.randomUUID();
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("Invalid maintenance lease " + duration + ": must be positive");
    }
    this.duration = duration;
    this.clock = Objects.requireNonNull(clock, "clock may not be null");
  }

  /** How long a lease lasts. */
  public Duration duration() {
    return duration;
  }

  /**
   * Takes the lease if it is free or expired, renews it if this runner holds it and a third of it has passed.
   *
   * @return whether this runner holds the lease now
   */
  public synchronized boolean acquire() {
    long now = clock.millis();
    Latest latest = latest();
    if (latest != null && latest.owner.equals(owner) && latest.epoch == epoch && now < latest.expiresAt) {
      return expiresAt - now > duration.toMillis() * 2 / 3 || claim(epoch + 1, now);
    }
    epoch = 0;
    if (latest != null && now < latest.expiresAt) {
      return false;
    }
    return claim(latest == null ? 1 : latest.epoch + 1, now);
  }

  /** Whether this runner holds the lease, by its own clock (no request). */
  public synchronized boolean held() {
    return epoch > 0 && clock.millis() < expiresAt;
  }

  /** Gives the lease up, if held, so another runner takes it at once. */
  public synchronized void release() {
    if (epoch > 0) {
      store.putIfAbsent(key(epoch + 1), record("", 0));
      epoch = 0;
    }
  }

  private boolean claim(long next, long now) {
    long until = now + duration.toMillis();
    if (!store.putIfAbsent(key(next), record(owner, until))) {
      epoch = 0;
      return false;
    }
    List<String> keys = store.list(folder + "/");
    if (!keys.isEmpty() && !keys.get(keys.size() - 1).equals(key(next))) {
      epoch = 0; // a higher epoch exists: our listing was stale
      return false;
    }
    epoch = next;
    expiresAt = until;
    for (String old : keys.subList(0, Math.max(0, keys.size() - 2))) {
      store.delete(old);
    }
    return true;
  }

  private record Latest(long epoch, String owner, long expiresAt) {}

  private Latest latest() {
    List<String> keys = store.list(folder + "/");
    for (int i = keys.size() - 1; i >= 0; i--) {
      String key = keys.get(i);
      var bytes = store.get(key);
      if (bytes.isPresent()) {
        try {
          JsonNode node = JSON.readTree(bytes.get());
          String name = key.substring(folder.length() + 1, key.length() - ".json".length());
          return new Latest(Long.parseLong(name), node.path("owner").asText(), node.path("expiresAt").asLong());
        } catch (IOException | NumberFormatException e) {
          throw new IllegalStateException("Cannot read the maintenance lease " + key + ": " + e.getMessage(), e);
        }
      }
    }
    return null;
  }

  private String key(long n) {
    String number = Long.toString(n);
    return folder + "/" + "0".repeat(EPOCH_DIGITS - number.length()) + number + ".json";
  }

  private static byte[] record(String owner, long expiresAt) {
    try {
      return JSON.writeValueAsBytes(JSON.createObjectNode().put("owner", owner).put("expiresAt", expiresAt));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
