package io.tributary.landing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.DuckDb;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 5,000 open partition paths in a 512 MiB heap (-Xmx512m), in a JVM of their own, with no OutOfMemoryError. */
class ManyOpenPathsTest {
  @TempDir Path dir;

  @Test
  void fiveThousandOpenPartitionPathsRunInA512MebibyteHeap() throws Exception {
    int paths = 5_000;
    int records = 200_000;
    // About 70 MiB of records against a 32 MiB budget: the budget must roll buffers early, and hold.
    long budget = 32L << 20;
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+ExitOnOutOfMemoryError",
        "-cp", System.getProperty("java.class.path"),
        ManyOpenPathsProbe.class.getName(),
        dir.toString(), Integer.toString(paths), Integer.toString(records), Long.toString(budget)));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("probe.log").toFile()).start();
    boolean finished = process.waitFor(5, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    String log = java.nio.file.Files.readString(dir.resolve("probe.log"), StandardCharsets.UTF_8);

    assertThat(finished).as("probe finished: %s", log).isTrue();
    assertThat(process.exitValue()).as("probe exit code; output: %s", log).isZero();
    assertThat(log).contains("records=" + records, "maxHeap=").doesNotContain("OutOfMemoryError");
    java.util.regex.Matcher peak = java.util.regex.Pattern.compile("peakBufferedBytes=(\\d+)").matcher(log);
    assertThat(peak.find()).isTrue();
    assertThat(Long.parseLong(peak.group(1))).isLessThanOrEqualTo(budget);
    try (DuckDb duck = DuckDb.open()) {
      Object landed = duck.value("SELECT count(*) FROM read_parquet('" + dir.resolve("lake/events")
          + File.separator + "**" + File.separator + "*.parquet')");
      assertThat(landed).isEqualTo((long) records);
      Object hours = duck.value("SELECT count(DISTINCT ts // 3600000) FROM read_parquet('"
          + dir.resolve("lake/events") + "/**/*.parquet')");
      assertThat(hours).isEqualTo((long) paths);
    }
  }
}
