package io.tributary.app.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.iceberg.ObjectStoreFileIO;
import io.tributary.store.LocalFileStore;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Iceberg path runs without Hadoop, as the service jar ships (Hadoop is only on the test class path, for Iceberg's
 * generic reader): {@code tributary backfill} into an Iceberg table in a child JVM whose class path has every jar of
 * this test's but Hadoop's.
 */
class IcebergWithoutHadoopTest {
  @TempDir Path dir;

  @Test
  void backfillLandsAnIcebergTableWithNoHadoopOnTheClassPath() throws Exception {
    String classpath = Arrays.stream(System.getProperty("surefire.test.class.path",
            System.getProperty("java.class.path")).split(File.pathSeparator))
        .filter(entry -> !entry.replace(File.separatorChar, '/').contains("/org/apache/hadoop/"))
        .collect(Collectors.joining(File.pathSeparator));
    assertThat(classpath).doesNotContain("/org/apache/hadoop/").contains("parquet-hadoop");
    Path exports = Files.createDirectories(dir.resolve("exports"));
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      lines.append("{\"id\": ").append(i).append(", \"ts\": ").append(1_763_704_800_000L + i).append("}\n");
    }
    Files.writeString(exports.resolve("part.jsonl"), lines);
    Path config = dir.resolve("tributary.yaml");
    Files.writeString(config, "store:\n  type: local\n  path: " + dir.resolve("lake") + "\ncatalog:\n  type: jdbc\n"
        + "  jdbc:\n    url: jdbc:sqlite:" + dir.resolve("catalog.db") + "\ndataset-defaults:\n"
        + "  table-format: iceberg\n  event-time-field: ts\n");

    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", classpath, "io.tributary.app.Main",
        "backfill", "--config", config.toString(), "--stream", "orders", exports.toString())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("40 landed");

    ObjectStoreFileIO io = new ObjectStoreFileIO(new LocalFileStore(dir.resolve("lake")),
        "file:" + dir.resolve("lake").toAbsolutePath().normalize());
    try (IcebergReader reader = new IcebergReader(dir.resolve("catalog.db"), io)) {
      assertThat(IcebergReader.rows(reader.table("orders"))).hasSize(40);
    }
  }
}
