package io.tributary.app.replay;

import io.tributary.landing.Landing;
import io.tributary.landing.LandingSettings;
import io.tributary.layout.LakeLayout;
import io.tributary.source.Position;
import io.tributary.source.SourceLanding;
import io.tributary.store.ObjectStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code tributary replay}: error rows back through the current configuration, from their raw payload and original
 * source coordinates, through the real landing layer (its {@link SourceLanding} API, as any source).
 *
 * <p>Exactly once: each record goes to a {@link ReplayPartition} of its original partition, error folder and attempt,
 * at its original position, so the ledger of that partition makes a second replay, or one after a crash, skip what is
 * durable. The replay's landing writes its error rows under {@code <prefix>/_tributary/replay/errors/} (engine state,
 * invisible to readers of the error prefix) instead of the error prefix: a record that still fails gets no second
 * row there, and its replay error row says the next replay to try it as the next attempt. The originals are never
 * touched.
 */
public final class Replay {
  /** Where a replay's own error rows go, under the engine's state folder. */
  static final String ERRORS_STATE = "replay/errors";

  private final LandingSettings settings;
  private final ObjectStore store;
  private final Clock clock;
  private final LakeLayout layout;

  /**
   * @param settings the current configuration's landing settings
   * @param store the lake's store
   */
  public Replay(LandingSettings settings, ObjectStore store, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings may not be null");
    this.store = Objects.requireNonNull(store, "store may not be null");
    this.clock = Objects.requireNonNull(clock, "clock may not be null");
    this.layout = new LakeLayout(settings.prefix(), settings.errorPrefix());
  }

  /**
   * Replays the rows {@code filter} takes. A dry run lands through an in-memory layer over the store
   * ({@link DryRunStore}): the same decisions, nothing written.
   */
  public ReplaySummary run(ReplayFilter filter, boolean dryRun) {
    ObjectStore target = dryRun ? new DryRunStore(store) : store;
    String errorsState = layout.stateKey(ERRORS_STATE);
    List<ErrorRow> rows = selected(filter);
    Map<Attempt, ErrorRow> failedBefore = failures(new ErrorRowReader(target).read(errorsState));
    Map<ReplayPartition, List<ErrorRow>> plan = plan(rows, failedBefore);

    LandingSettings replaying = new LandingSettings(settings.prefix(), errorsState, settings.instanceId() + "-replay",
        settings.limits(), settings.router(), settings.datasets(), settings.errorGranularity(),
        settings.errorRolling(), settings.parquet(), settings.memoryBudgetBytes());
    Landing landing = new Landing(replaying, target, clock);
    Map<Attempt, SourceLanding.Outcome> outcomes = new HashMap<>();
    // Not closed on a failure: like a killed process, what was not committed stays for the next replay.
    plan.forEach((partition, records) -> {
      landing.assign(partition.source());
      for (ErrorRow row : records) {
        outcomes.put(Attempt.of(partition, row), landing.accept(row.record(partition.name())));
      }
      landing.revoke(partition.source());
    });
    landing.close();
    return summary(dryRun, plan, outcomes, failures(new ErrorRowReader(target).read(errorsState)));
  }

  /** The original error rows the filter takes, whole folders at a time for the time bounds. */
  private List<ErrorRow> selected(ReplayFilter filter) {
    List<ErrorRow> rows = new ErrorRowReader(store).read(LakeLayout.clean(settings.errorPrefix()), folder -> {
      String[] segments = folder.split("/", 3);
      String typeKey = LakeLayout.ERROR_TYPE_KEY + "=";
      return segments.length >= 2 && segments[1].startsWith(typeKey) && !LakeLayout.isState(folder)
          && filter.takesFolder(segments[0], segments[1].substring(typeKey.length()));
    });
    Set<String> timely = new HashSet<>();
    for (ErrorRow row : rows) {
      if (filter.takesTime(row.sourceMillis())) {
        timely.add(group(row));
      }
    }
    return rows.stream().filter(row -> timely.contains(group(row))).toList();
  }

  /** A record's folder group: the unit time bounds select, so a replay partition is always replayed whole. */
  private static String group(ErrorRow row) {
    return row.folder() + "\n" + row.stream() + "\n" + row.partition();
  }

  /** Each record's partition for this replay, records in position order. */
  private static Map<ReplayPartition, List<ErrorRow>> plan(List<ErrorRow> rows, Map<Attempt, ErrorRow> failedBefore) {
    Map<Attempt, Integer> lastFailed = new HashMap<>();
    failedBefore.keySet().forEach(a -> lastFailed.merge(a.first(), a.attempt(), Math::max));
    Map<ReplayPartition, List<ErrorRow>> plan = new TreeMap<>(Comparator.comparing(ReplayPartition::stream)
        .thenComparing(ReplayPartition::name));
    for (ErrorRow row : rows) {
      ReplayPartition first = ReplayPartition.first(row);
      int attempt = lastFailed.getOrDefault(Attempt.of(first, row), 0) + 1;
      ReplayPartition partition = new ReplayPartition(first.stream(), first.original(), attempt, first.folderHash());
      plan.computeIfAbsent(partition, p -> new ArrayList<>()).add(row);
    }
    plan.values().forEach(records -> records.sort(Comparator.comparing(ErrorRow::position)));
    return plan;
  }

  /** The replay error rows by the attempt they failed in. */
  private static Map<Attempt, ErrorRow> failures(List<ErrorRow> replayErrors) {
    Map<Attempt, ErrorRow> failures = new LinkedHashMap<>();
    for (ErrorRow row : replayErrors) {
      ReplayPartition.parse(row.stream(), row.partition())
          .ifPresent(partition -> failures.put(Attempt.of(partition, row), row));
    }
    return failures;
  }

  private static ReplaySummary summary(boolean dryRun, Map<ReplayPartition, List<ErrorRow>> plan,
      Map<Attempt, SourceLanding.Outcome> outcomes, Map<Attempt, ErrorRow> failures) {
    ReplaySummary summary = new ReplaySummary(dryRun);
    plan.forEach((partition, records) -> {
      for (ErrorRow row : records) {
        Attempt attempt = Attempt.of(partition, row);
        ErrorRow failed = failures.get(attempt);
        SourceLanding.Outcome outcome = outcomes.get(attempt);
        if (outcome == SourceLanding.Outcome.LANDED) {
          summary.landedNow(row.type());
        } else if (failed != null) {
          summary.stillFailing(row.type(), failed.type() + ": " + failed.message());
        } else {
          // Durable already in this attempt's partition and not as an error: an earlier replay landed it.
          summary.landedBefore(row.type());
        }
      }
    });
    return summary;
  }

  /** One record in one attempt: the key of the replay's ledgers and error rows. */
  private record Attempt(String stream, String original, String folderHash, Position position, int attempt) {
    static Attempt of(ReplayPartition partition, ErrorRow row) {
      return new Attempt(partition.stream(), partition.original(), partition.folderHash(), row.position(),
          partition.attempt());
    }

    /** The same record in its first attempt: the record's identity across attempts. */
    Attempt first() {
      return new Attempt(stream, original, folderHash, position, 1);
    }
  }
}
