package io.tributary.firehose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 while batches are in flight: a child JVM ({@link FirehoseSenderMain}) sends a partition's records through
 * the real client to a stand-in that throttles and fails entries at random and appends what it accepts to a file;
 * it is killed with SIGKILL mid-run, then started again from its checkpoint. Whatever the moment of the kill, the
 * checkpoint never passes a record the stream lacks, and at the end every record is in the stream at least once.
 */
class KillDuringDeliveryTest {
  private static final long TOTAL = 40_000;

  @TempDir
  Path dir;
  private final List<Process> started = new java.util.ArrayList<>();

  /** A failed assertion must not leave a sender running. */
  @AfterEach
  void stopSenders() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void aSenderKilledMidBatchResumesFromItsCheckpointAndSkipsNothing() throws Exception {
    Path log = dir.resolve("stream.jsonl");
    Path checkpoint = dir.resolve("checkpoint");

    Process first = start(log, checkpoint, "first");
    waitFor(() -> approximateRecords(log) >= TOTAL / 8, first);
    first.destroyForcibly();
    assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);

    long acknowledged = Files.exists(checkpoint) ? Long.parseLong(Files.readString(checkpoint).strip()) : 0;
    Map<Long, Integer> atKill = offsets(log);
    assertThat(acknowledged).as("killed before the end").isLessThan(TOTAL);
    assertThat(atKill.keySet()).as("every record below the checkpoint is in the stream")
        .containsAll(LongStream.range(0, acknowledged).boxed().toList());

    Process second = start(log, checkpoint, "second");
    assertThat(second.waitFor(300, TimeUnit.SECONDS)).as("the restarted sender finishes").isTrue();
    assertThat(second.exitValue()).as(Files.readString(dir.resolve("second.err"))).isZero();

    Map<Long, Integer> delivered = offsets(log);
    assertThat(delivered.keySet()).as("every record sent at least once, none skipped")
        .containsExactlyInAnyOrderElementsOf(LongStream.range(0, TOTAL).boxed().toList());
    long duplicates = delivered.values().stream().mapToLong(n -> n - 1).sum();
    System.out.printf("KillDuringDeliveryTest: killed at checkpoint %d with %d records in the stream; %d records, "
        + "%d duplicates at the end%n", acknowledged, atKill.size(), delivered.size(), duplicates);
  }

  private Process start(Path log, Path checkpoint, String name) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        FirehoseSenderMain.class.getName(), log.toString(), checkpoint.toString(), Long.toString(TOTAL))
        .redirectOutput(dir.resolve(name + ".out").toFile())
        .redirectError(dir.resolve(name + ".err").toFile())
        .start();
    started.add(process);
    return process;
  }

  /** Waits (at most two minutes) until {@code condition} holds while {@code process} runs. */
  private static void waitFor(java.util.function.BooleanSupplier condition, Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!condition.getAsBoolean()) {
      assertThat(process.isAlive()).as("the sender is still running").isTrue();
      assertThat(System.nanoTime()).as("the sender made progress within two minutes").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  /** Records in the stream, roughly (a JSON line of {@link FirehoseSenderMain} is about 190 bytes). */
  private static long approximateRecords(Path log) {
    try {
      return Files.exists(log) ? Files.size(log) / 190 : 0;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** How often each offset is in the stream (a last line cut short by the kill is not a record). */
  private static Map<Long, Integer> offsets(Path log) throws IOException {
    String text = Files.readString(log, StandardCharsets.UTF_8);
    List<String> lines = List.of(text.substring(0, text.lastIndexOf('\n') + 1).split("\n"));
    Map<Long, Integer> counts = new HashMap<>();
    for (String line : lines) {
      counts.merge(TestRows.offsetOf(line), 1, Integer::sum);
    }
    return counts;
  }
}
