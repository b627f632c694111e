package io.tributary.reader.iceberg;

import static io.tributary.iceberg.testing.EvolvingOrders.file;
import static io.tributary.iceberg.testing.EvolvingOrders.flush;

import io.tributary.commit.CommitOutcome;
import io.tributary.commit.CommitRecord;
import io.tributary.iceberg.IcebergTableFormat;
import io.tributary.iceberg.testing.UnknownOutcomeCatalog;
import io.tributary.source.SourcePartition;
import io.tributary.store.ObjectStore;
import io.tributary.testing.ForwardingStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Function;

/**
 * Writer side of {@link IcebergCrashPointsReadTest} (runs in {@link IsolatedWriter}'s loader): one crash point or
 * zombie interleaving through an Iceberg commit per call (argument {@code scenario}), each in a namespace and
 * ledger of its own, on partition {@code orders-topic/0}, all rows in one hour. It reports what the instances saw
 * (outcomes, recovered seqs); Spark then counts the rows.
 */
public final class CrashPointsWriter implements Function<Map<String, String>, Map<String, String>> {
  private static final SourcePartition P0 = new SourcePartition("orders-topic", "0");
  private static final long H = EvolvedTableWriter.H0;

  /** What a process killed at that point leaves: the call does not return. */
  static final class Killed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Killed(String where) {
      super("injected: killed " + where);
    }
  }

  private WriterLake lake;
  private final Map<String, String> report = new HashMap<>();

  @Override
  public Map<String, String> apply(Map<String, String> arguments) {
    try (WriterLake opened = new WriterLake(arguments)) {
      lake = opened;
      switch (arguments.get("scenario")) {
        case "crash-before-ledger" -> crashBeforeLedger();
        case "crash-after-ledger" -> crashAfterLedger();
        case "unknown-outcome-committed" -> unknownOutcome(true);
        case "unknown-outcome-not-committed" -> unknownOutcome(false);
        case "late-zombie" -> lateZombie();
        case "zombie-wins-then-dies" -> zombieWinsThenDies();
        case "concurrent-recoveries" -> concurrentRecoveries();
        default -> throw new IllegalArgumentException("Invalid scenario: " + arguments.get("scenario"));
      }
      return report;
    } catch (Exception e) {
      throw new IllegalStateException("Cannot run scenario " + arguments.get("scenario") + ": " + e, e);
    }
  }

  /** A store on which the instance is killed at its next ledger record: before writing it, or right after. */
  private ObjectStore killedAtLedger(boolean afterWriting) {
    return new ForwardingStore(lake.store()) {
      @Override
      public boolean putIfAbsent(String key, byte[] bytes) {
        if (!key.contains("/_tributary/ledger/")) {
          return super.putIfAbsent(key, bytes);
        }
        if (afterWriting) {
          super.putIfAbsent(key, bytes);
          throw new Killed("after its ledger record, before the Iceberg append");
        }
        throw new Killed("before its ledger record");
      }
    };
  }

  private static String outcome(CommitOutcome outcome) {
    return outcome instanceof CommitOutcome.Lost lost
        ? "lost to " + lost.winner().owner() + " seq " + lost.winner().seq() : "committed";
  }

  private static String seqOf(Optional<CommitRecord> record) {
    return record.map(r -> r.seq() + "@" + r.watermark()).orElse("none");
  }

  /** Instance "first" lands offsets 0–4 as seq 1, then is killed at the ledger record of seq 2 (5–9). */
  private void landThenDie(boolean afterLedgerRecord) {
    IcebergTableFormat first = lake.format("first", lake.store());
    first.commit(P0, flush(1, 4, file(first, lake.layout(), P0, 1, 0, 4, H)));
    IcebergTableFormat dying = lake.format("first", killedAtLedger(afterLedgerRecord));
    try {
      dying.commit(P0, flush(2, 9, file(dying, lake.layout(), P0, 1, 5, 9, H)));
    } catch (Killed e) {
      report.put("crash", e.getMessage());
    }
  }

  /** Offsets 0–4 land; the next flush (5–9) dies before its ledger record; the restart replays 5–9. */
  private void crashBeforeLedger() {
    landThenDie(false);
    IcebergTableFormat restarted = lake.format("restarted", lake.store());
    report.put("recovered", seqOf(restarted.recover(P0)));
    report.put("replay", outcome(restarted.commit(P0, flush(2, 9, file(restarted, lake.layout(), P0, 2, 5, 9, H)))));
  }

  /** The flush of 5–9 dies after its ledger record, before the append: the successor's recovery appends it. */
  private void crashAfterLedger() {
    landThenDie(true);
    IcebergTableFormat successor = lake.format("successor", lake.store());
    report.put("recovered", seqOf(successor.recover(P0)));
    report.put("next", outcome(successor.commit(P0,
        flush(3, 14, file(successor, lake.layout(), P0, 3, 10, 14, H)))));
  }

  /** The append of 5–9 is answered with an unknown outcome, made or not: resolved by reading the table. */
  private void unknownOutcome(boolean made) {
    UnknownOutcomeCatalog catalog = new UnknownOutcomeCatalog(lake.catalog());
    IcebergTableFormat format = lake.format("first", lake.store(), catalog);
    format.commit(P0, flush(1, 4, file(format, lake.layout(), P0, 1, 0, 4, H)));
    (made ? catalog.commitThenFail : catalog.failWithoutCommit).set(1);
    // Version 1 again: the first commit through the catalog is then the append, not a schema update.
    report.put("outcome", outcome(format.commit(P0, flush(2, 9, file(format, lake.layout(), P0, 1, 5, 9, H)))));
    report.put("injected-left", Integer.toString(catalog.commitThenFail.get() + catalog.failWithoutCommit.get()));
    report.put("recovered", seqOf(lake.format("successor", lake.store()).recover(P0)));
  }

  /** A zombie that encoded 0–4 before losing the partition commits after its successor landed 0–9. */
  private void lateZombie() {
    IcebergTableFormat zombie = lake.format("zombie", lake.store());
    var stale = file(zombie, lake.layout(), P0, 1, 0, 4, H);
    IcebergTableFormat successor = lake.format("successor", lake.store());
    successor.commit(P0, flush(1, 6, file(successor, lake.layout(), P0, 1, 0, 6, H)));
    successor.commit(P0, flush(2, 9, file(successor, lake.layout(), P0, 2, 7, 9, H)));
    report.put("zombie", outcome(zombie.commit(P0, flush(1, 4, stale))));
    report.put("files-on-disk", Integer.toString(lake.store().list("warehouse/" + lake.namespace() + "/orders/data/")
        .stream().filter(k -> k.endsWith(".parquet")).toList().size()));
  }

  /**
   * Both hold seq 1 (0–4). The zombie wins the ledger record of seq 2 (5–9) and dies before its append; the
   * successor, flushing 5–12 as seq 2, loses to it, applies the zombie's record, and lands 10–12 as seq 3.
   */
  private void zombieWinsThenDies() {
    IcebergTableFormat successor = lake.format("successor", lake.store());
    successor.commit(P0, flush(1, 4, file(successor, lake.layout(), P0, 1, 0, 4, H)));
    IcebergTableFormat zombie = lake.format("zombie", killedAtLedger(true));
    try {
      zombie.commit(P0, flush(2, 9, file(zombie, lake.layout(), P0, 1, 5, 9, H)));
    } catch (Killed e) {
      report.put("zombie", e.getMessage());
    }
    report.put("successor", outcome(successor.commit(P0,
        flush(2, 12, file(successor, lake.layout(), P0, 3, 5, 12, H)))));
    report.put("next", outcome(successor.commit(P0, flush(3, 12, file(successor, lake.layout(), P0, 3, 10, 12, H)))));
  }

  /** The flush of 5–9 dies after its ledger record; two successors recover at once, each appending it if absent. */
  private void concurrentRecoveries() throws Exception {
    landThenDie(true);
    List<IcebergTableFormat> successors = List.of(lake.format("s1", lake.store()), lake.format("s2", lake.store()));
    CyclicBarrier start = new CyclicBarrier(successors.size());
    List<CompletableFuture<String>> recoveries = successors.stream().map(s -> CompletableFuture.supplyAsync(() -> {
      try {
        start.await();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return seqOf(s.recover(P0));
    })).toList();
    for (int i = 0; i < recoveries.size(); i++) {
      report.put("recovered-" + i, recoveries.get(i).get());
    }
  }
}
