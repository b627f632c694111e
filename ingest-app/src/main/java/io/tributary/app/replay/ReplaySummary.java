package io.tributary.app.replay;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a replay did, per original error type: rows taken, landed now, landed by an earlier replay, still failing
 * with why. Not thread-safe.
 */
public final class ReplaySummary {
  private static final int REASONS_SHOWN = 3;

  private final Map<String, Tally> byType = new TreeMap<>();
  private final boolean dryRun;

  ReplaySummary(boolean dryRun) {
    this.dryRun = dryRun;
  }

  /** The counts of one error type. */
  public record Counts(long rows, long landedNow, long landedBefore, long stillFailing, Map<String, Long> reasons) {}

  void landedNow(String type) {
    tally(type).landedNow++;
  }

  void landedBefore(String type) {
    tally(type).landedBefore++;
  }

  void stillFailing(String type, String reason) {
    Tally tally = tally(type);
    tally.stillFailing++;
    tally.reasons.merge(reason, 1L, Long::sum);
  }

  /** The counts by original error type. */
  public Map<String, Counts> byType() {
    Map<String, Counts> out = new LinkedHashMap<>();
    byType.forEach((type, t) -> out.put(type, new Counts(t.landedNow + t.landedBefore + t.stillFailing, t.landedNow,
        t.landedBefore, t.stillFailing, Map.copyOf(t.reasons))));
    return out;
  }

  /** Whether nothing was written. */
  public boolean dryRun() {
    return dryRun;
  }

  /** The lines to print: one per error type, then its most common reasons of still failing. */
  public List<String> lines(String source) {
    List<String> lines = new java.util.ArrayList<>();
    long rows = byType().values().stream().mapToLong(Counts::rows).sum();
    lines.add((dryRun ? "Dry run (nothing written): replaying " : "Replayed ") + rows + " error rows of " + source
        + (rows == 0 ? ": none matched" : ":"));
    byType().forEach((type, c) -> {
      lines.add(String.format("  %-10s %d rows: %d %s now, %d landed by an earlier replay, %d still failing", type,
          c.rows(), c.landedNow(), dryRun ? "would land" : "landed", c.landedBefore(), c.stillFailing()));
      c.reasons().entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .limit(REASONS_SHOWN)
          .forEach(r -> lines.add(String.format("      %d x %s", r.getValue(), r.getKey())));
    });
    return lines;
  }

  private Tally tally(String type) {
    return byType.computeIfAbsent(type, t -> new Tally());
  }

  /** Counts of one type. */
  private static final class Tally {
    final Map<String, Long> reasons = new TreeMap<>(Comparator.naturalOrder());
    long landedNow;
    long landedBefore;
    long stillFailing;
  }
}
