package io.tributary.reader.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Crash points through an Iceberg commit and zombie interleavings ({@link CrashPointsWriter}), each in a table of
 * its own, counted by Spark through its own Iceberg catalog: every source coordinate exactly once (0 lost,
 * 0 duplicated).
 */
class IcebergCrashPointsReadTest {
  private static SparkIceberg spark;
  private static IsolatedWriter writer;

  @BeforeAll
  static void start() {
    spark = SparkIceberg.get();
    writer = new IsolatedWriter();
  }

  @AfterAll
  static void stop() {
    if (writer != null) {
      writer.close();
    }
  }

  /** Runs {@code scenario} in namespace {@code scenario} (dashes as underscores), returning its report. */
  private static Map<String, String> run(String scenario) {
    Map<String, String> arguments = new HashMap<>(spark.writerArguments(scenario.replace('-', '_')));
    arguments.put("scenario", scenario);
    return writer.run("CrashPointsWriter", arguments);
  }

  /** Offsets {@code 0..last} of orders-topic/0 in {@code scenario}'s table, each exactly once. */
  private static void assertEachOnce(String scenario, int last) {
    Map<String, Long> expected = new HashMap<>();
    for (int o = 0; o <= last; o++) {
      expected.put("orders-topic/0/" + o, 1L);
    }
    assertThat(spark.rowsPerCoordinate(SparkIceberg.orders(scenario.replace('-', '_')))).isEqualTo(expected);
  }

  @Test
  void aCrashBeforeTheLedgerRecordLeavesNothingAndTheReplayLandsOnce() {
    Map<String, String> report = run("crash-before-ledger");

    assertThat(report).containsEntry("crash", "injected: killed before its ledger record")
        .containsEntry("recovered", "1@4").containsEntry("replay", "committed");
    assertEachOnce("crash-before-ledger", 9);
  }

  @Test
  void aCrashAfterTheLedgerRecordBeforeTheAppendIsAppendedOnceByTheSuccessor() {
    Map<String, String> report = run("crash-after-ledger");

    assertThat(report).containsEntry("crash", "injected: killed after its ledger record, before the Iceberg append")
        .containsEntry("recovered", "2@9").containsEntry("next", "committed");
    assertEachOnce("crash-after-ledger", 14);
  }

  @Test
  void anAppendWhoseOutcomeIsUnknownButWasMadeIsFoundInTheTableAndNotRepeated() {
    Map<String, String> report = run("unknown-outcome-committed");

    assertThat(report).containsEntry("outcome", "committed").containsEntry("injected-left", "0")
        .containsEntry("recovered", "2@9");
    assertEachOnce("unknown-outcome-committed", 9);
  }

  @Test
  void anAppendWhoseOutcomeIsUnknownAndWasNotMadeIsMadeOnce() {
    Map<String, String> report = run("unknown-outcome-not-committed");

    assertThat(report).containsEntry("outcome", "committed").containsEntry("injected-left", "0")
        .containsEntry("recovered", "2@9");
    assertEachOnce("unknown-outcome-not-committed", 9);
  }

  @Test
  void aLateZombieLosesAndLeavesNoFileBehind() {
    Map<String, String> report = run("late-zombie");

    assertThat(report).containsEntry("zombie", "lost to successor seq 1").containsEntry("files-on-disk", "2");
    assertEachOnce("late-zombie", 9);
  }

  @Test
  void aZombieThatWonTheLedgerAndDiedIsAppliedByTheSuccessorOnce() {
    Map<String, String> report = run("zombie-wins-then-dies");

    assertThat(report).containsEntry("successor", "lost to zombie seq 2").containsEntry("next", "committed");
    assertEachOnce("zombie-wins-then-dies", 12);
  }

  @Test
  void twoSuccessorsRecoveringAtOnceAppendTheRecordOnce() {
    Map<String, String> report = run("concurrent-recoveries");

    assertThat(report).containsEntry("recovered-0", "2@9").containsEntry("recovered-1", "2@9");
    assertEachOnce("concurrent-recoveries", 9);
  }
}
