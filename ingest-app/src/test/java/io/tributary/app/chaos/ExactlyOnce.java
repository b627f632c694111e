package io.tributary.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.LakeCounts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The chaos suite's checks on a lake, whatever the source: what landed (data and error files together, counted by
 * source coordinates {@code stream/partition/position} with DuckDB) against what the source holds, and DESIGN §7's
 * invariant against what the source committed. Every check is a set or map lookup per record (linear), so that a long
 * run's million records are checked in seconds.
 */
final class ExactlyOnce {

  private final String scenario;
  private final Counts counts;

  ExactlyOnce(String scenario, Path dataRoot, Path errorRoot) {
    this(scenario, Counts.files(dataRoot, errorRoot));
  }

  ExactlyOnce(String scenario, Counts counts) {
    this.scenario = scenario;
    this.counts = counts;
  }

  /**
   * What landed, by source coordinate → how many times: the Hive layout's data and error files ({@link #files}), or
   * a table format's own reader (Iceberg: the tables' current snapshots) with the error files.
   */
  interface Counts {
    /** Data and errors together. */
    Map<String, Long> landed() throws Exception;

    /** The error files alone. */
    Map<String, Long> errors() throws Exception;

    /** A line on what the lake holds beyond coordinates (rows, files, snapshots per table), or empty. */
    default String describe() throws Exception {
      return "";
    }

    /** Both counted over Parquet files with DuckDB ({@link LakeCounts}). */
    static Counts files(Path dataRoot, Path errorRoot) {
      return new Counts() {
        @Override
        public Map<String, Long> landed() throws Exception {
          return LakeCounts.landed(dataRoot, errorRoot);
        }

        @Override
        public Map<String, Long> errors() throws Exception {
          return LakeCounts.errors(errorRoot);
        }
      };
    }
  }

  /** Distinct coordinates landed so far (0 while nothing is readable). */
  long landed() {
    try {
      return counts.landed().size();
    } catch (Exception e) {
      return 0;
    }
  }

  /** True when every coordinate of {@code acked} has landed. */
  boolean holdsAll(Set<String> acked) {
    try {
      return counts.landed().keySet().containsAll(acked);
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * Asserts exactly once — every record of {@code log} (coordinate → broken) in the lake once, nothing else, the
   * broken ones in the error files, every acknowledged one in the log — and returns the counts for the record.
   */
  Figures assertExactlyOnce(Map<String, Boolean> log, Set<String> acked) throws Exception {
    Map<String, Long> landed = counts.landed();
    long lost = log.keySet().stream().filter(c -> !landed.containsKey(c)).count();
    long duplicated = landed.values().stream().mapToLong(n -> n - 1).sum();
    long foreign = landed.keySet().stream().filter(c -> !log.containsKey(c)).count();
    Set<String> bad = new TreeSet<>();
    log.forEach((c, broken) -> {
      if (broken) {
        bad.add(c);
      }
    });
    Figures figures = new Figures(scenario, log.size(), bad.size(), landed.size(), lost, duplicated);
    // Set lookups, not AssertJ's containsAll (a linear scan per element: hours over a long run's million records).
    assertThat(acked.stream().filter(c -> !log.containsKey(c)).limit(20).toList())
        .as("%s: acknowledged records missing from the log", scenario).isEmpty();
    assertThat(landed.entrySet().stream().filter(e -> e.getValue() > 1).limit(20).toList())
        .as("%s: records landed more than once", scenario).isEmpty();
    assertThat(log.keySet().stream().filter(c -> !landed.containsKey(c)).limit(20).toList())
        .as("%s: records of the log missing from the lake (%d in all)", scenario, lost).isEmpty();
    assertThat(foreign).as("%s: landed records that are not in the log", scenario).isZero();
    assertThat(new TreeSet<>(counts.errors().keySet())).as("%s: the broken records are the errors",
        scenario).isEqualTo(bad);
    return figures;
  }

  /**
   * DESIGN §7's invariant, checked while no instance runs: every acknowledged record the source's committed position
   * covers ({@code belowCommitted}) is in the lake. Returns how many records that covered.
   */
  long assertCommittedAreDurable(Set<String> acked, Predicate<String> belowCommitted, String positions)
      throws Exception {
    Set<String> landed = counts.landed().keySet();
    long covered = 0;
    List<String> missing = new ArrayList<>();
    for (String coordinate : acked) {
      if (belowCommitted.test(coordinate)) {
        covered++;
        if (!landed.contains(coordinate) && missing.size() < 20) {
          missing.add(coordinate);
        }
      }
    }
    assertThat(missing).as("%s: records below a committed position but not in the lake (committed: %s)", scenario,
        positions).isEmpty();
    return covered;
  }

  /** What a scenario measured: printed for docs/reliability.md. */
  record Figures(String scenario, long produced, long bad, long landed, long lost, long duplicated) {

    void print(String recovery) {
      System.out.printf("CHAOS %-16s produced=%d (bad %d) landed=%d lost=%d duplicated=%d %s%n", scenario, produced,
          bad, landed, lost, duplicated, recovery);
    }
  }
}
