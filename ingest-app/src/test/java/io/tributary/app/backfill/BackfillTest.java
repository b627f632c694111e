package io.tributary.app.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.app.Main;
import io.tributary.testing.DuckDb;
import io.tributary.testing.LakeCounts;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary backfill}: JSON-lines files and folders (also gzipped) land in the configured datasets with the
 * same error handling and schema history; running it again lands nothing twice.
 */
class BackfillTest {

  @TempDir
  Path dir;

  @Test
  void filesAndGzippedFilesLandOnceWithBadLinesInTheErrorPrefix() throws Exception {
    Path exports = Files.createDirectories(dir.resolve("exports"));
    StringBuilder plain = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      plain.append(i == 10 ? "{\"id\": 10, \"broken\": " : "{\"id\": " + i + ", \"ts\": 1763704800000}").append('\n');
    }
    plain.append("\n");
    Files.writeString(exports.resolve("part-1.jsonl"), plain.toString());
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(exports.resolve("part-2.jsonl.gz")))) {
      for (int i = 50; i < 80; i++) {
        gz.write(("{\"id\": " + i + ", \"ts\": 1763704800000, \"note\": \"late\"}\r\n")
            .getBytes(StandardCharsets.UTF_8));
      }
      gz.write("[1, 2]\n".getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(exports.resolve("README.txt"), "not a JSON-lines file");
    Path config = dir.resolve("tributary.yaml");
    // No kafka.* at all: backfill reads only files.
    Files.writeString(config, "store:\n  type: local\n"
        + "  path: " + dir.resolve("lake") + "\ndataset-defaults:\n  event-time-field: ts\n");

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new String[] {"backfill", "--config", config.toString(), "--stream", "orders",
        exports.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Backfilled 2 files, 81 records", "79 landed, 2 to the error prefix, "
        + "0 already there");

    Path lake = dir.resolve("lake");
    Map<String, Long> landed = LakeCounts.landed(lake, lake.resolve("_errors"));
    assertThat(landed).hasSize(81);
    assertThat(landed.values()).containsOnly(1L);
    try (DuckDb duck = DuckDb.open()) {
      assertThat(duck.value("SELECT count(*) FROM read_parquet('" + lake.resolve("orders") + "/**/*.parquet', "
          + "hive_partitioning=true, union_by_name=true) WHERE note = 'late'")).isEqualTo(30L);
    }
    assertThat(lake.resolve("_schemas/orders")).isDirectory();

    out.getBuffer().setLength(0);
    status = Main.run(new String[] {"backfill", "--config", config.toString(), "--stream", "orders",
        exports.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(status).isZero();
    assertThat(out.toString()).contains("0 landed, 0 to the error prefix, 81 already there");
    assertThat(LakeCounts.landed(lake, lake.resolve("_errors")).values()).containsOnly(1L);
  }

  @Test
  void aMissingPathIsOneLineNamingItAndExitsTwo() throws Exception {
    Path config = dir.resolve("tributary.yaml");
    Files.writeString(config, "store:\n  type: local\n  path: " + dir.resolve("lake") + "\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new String[] {"backfill", "--config", config.toString(), "--stream", "orders",
        dir.resolve("nope").toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(status).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("backfill: No file or folder at " + dir.resolve("nope"));
  }
}
