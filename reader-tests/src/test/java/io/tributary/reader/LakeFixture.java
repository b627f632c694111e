package io.tributary.reader;

import io.tributary.app.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Lands events with the real engine ({@code tributary backfill}) and asks {@code tributary ddl} for the tables. */
final class LakeFixture {
  private final Path dir;
  private final Path config;
  private int exports;

  /** A lake in {@code dir}/lake, configured by {@code datasetsYaml} (the {@code datasets:} block). */
  LakeFixture(Path dir, String datasetsYaml) throws IOException {
    this.dir = dir;
    this.config = dir.resolve("tributary.yaml");
    Files.writeString(config, "kafka:\n  bootstrap-servers: unused:9092\n  topics: [unused]\nstore:\n  type: local\n"
        + "  path: " + lake() + "\ndataset-defaults:\n  event-time-field: ts\n  event-time-format: epoch-millis\n"
        + datasetsYaml);
  }

  /** The engine's configuration file. */
  Path config() {
    return config;
  }

  Path lake() {
    return dir.resolve("lake");
  }

  /** Lands {@code lines} (JSON lines) from stream {@code stream}: one run of the engine, so its own files. */
  void land(String stream, String lines) throws IOException {
    Path file = Files.createDirectories(dir.resolve("exports")).resolve("export-" + (++exports) + ".jsonl");
    Files.writeString(file, lines);
    String out = run("backfill", "--config", config.toString(), "--stream", stream, file.toString());
    if (!out.contains("landed")) {
      throw new IllegalStateException("backfill said: " + out);
    }
  }

  /** {@code tributary ddl --lake <lake> --dialect <dialect>}. */
  String ddl(String dialect) {
    return run("ddl", "--lake", lake().toString(), "--dialect", dialect);
  }

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    if (status != 0) {
      throw new IllegalStateException(String.join(" ", args) + " exited " + status + ": " + err + out);
    }
    return out.toString();
  }
}
