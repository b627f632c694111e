package io.tributary.app.demo;

import io.tributary.layout.LakeLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The demo's lake folder: made empty before the run, and counted from the file system for the progress lines. */
final class DemoLake {

  private DemoLake() {}

  /** Makes {@code dir} an empty lake, replacing a previous demo's; false for any other non-empty folder. */
  static boolean prepare(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      boolean empty;
      try (Stream<Path> entries = Files.list(dir)) {
        empty = entries.findAny().isEmpty();
      }
      if (!empty && !Files.isDirectory(dir.resolve(LakeLayout.STATE_FOLDER))) {
        return false;
      }
      EmbeddedKafka.deleteTree(dir);
    }
    Files.createDirectories(dir);
    return true;
  }

  /** Parquet files under {@code root}; with {@code errors} false, not those under a folder starting with '_'. */
  static long parquetFiles(Path root, boolean errors) {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".parquet"))
          .filter(p -> errors || !root.relativize(p).toString().startsWith("_")).count();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  /** Regular files under {@code root}, 0 when there is no such folder (yet). */
  static long countFiles(Path root) {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).count();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  /** The Parquet data files under {@code root}: what a reader opens to scan the dataset (docs/operations.md). */
  static long countDataFiles(Path root) {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".parquet")).count();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }
}
