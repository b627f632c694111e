package io.tributary.source;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lag of each owned partition as a source measures it: records behind the log end (Kafka) or milliseconds behind
 * the newest record (Kinesis, which does not count records). Written by the source's threads as they read, a
 * partition removed when it is given up; read by metrics through {@link #snapshot}.
 */
public final class LagTracker {

  /** What the source measures. */
  public enum Unit { RECORDS, MILLIS }

  private final Unit unit;
  private final Map<SourcePartition, Long> behind = new ConcurrentHashMap<>();

  public LagTracker(Unit unit) {
    this.unit = unit;
  }

  public void update(SourcePartition partition, long behind) {
    this.behind.put(partition, behind);
  }

  public void remove(SourcePartition partition) {
    behind.remove(partition);
  }

  public SourceLag snapshot() {
    return unit == Unit.RECORDS ? new SourceLag(behind, Map.of()) : new SourceLag(Map.of(), behind);
  }
}
