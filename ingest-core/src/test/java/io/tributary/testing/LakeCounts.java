package io.tributary.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What landed, counted by source coordinates: {@code stream/partition/position} → how many times, over the data
 * files under a data root and the error files under an error root together, read with DuckDB. Staged uploads
 * ({@code .bin} under {@code _tributary/}) are not Parquet names and so never counted.
 */
public final class LakeCounts {

  private LakeCounts() {}

  /** Every coordinate landed in data or error files, with how many times. */
  public static Map<String, Long> landed(Path dataRoot, Path errorRoot) throws Exception {
    Map<String, Long> counts = new TreeMap<>(data(dataRoot));
    errors(errorRoot).forEach((coordinate, n) -> counts.merge(coordinate, n, Long::sum));
    return counts;
  }

  /**
   * Coordinates in data files, with how many times. Folders whose names start with {@code _} or {@code .} are not
   * datasets (error files, schemas, the ledger may live there), as for Hive-style readers.
   */
  public static Map<String, Long> data(Path dataRoot) throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    if (!Files.isDirectory(dataRoot)) {
      return counts;
    }
    List<Path> datasets;
    try (Stream<Path> children = Files.list(dataRoot)) {
      datasets = children.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("_")
          && !p.getFileName().toString().startsWith(".")).toList();
    }
    for (Path dataset : datasets) {
      count(dataset, "_source || '/' || _partition || '/' || _offset", "union_by_name=true")
          .forEach((coordinate, n) -> counts.merge(coordinate, n, Long::sum));
    }
    return counts;
  }

  /** Coordinates in error files, with how many times. */
  public static Map<String, Long> errors(Path errorRoot) throws Exception {
    return count(errorRoot, "source || '/' || \"partition\" || '/' || \"offset\"", "union_by_name=false");
  }

  /** How many Parquet files are under {@code folder}. */
  public static long parquetFiles(Path folder) throws Exception {
    if (!Files.exists(folder)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(p -> p.toString().endsWith(".parquet")).count();
    }
  }

  private static Map<String, Long> count(Path root, String coordinate, String options) throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    if (parquetFiles(root) == 0) {
      return counts;
    }
    try (DuckDb duck = DuckDb.open()) {
      for (List<Object> row : duck.rows("SELECT " + coordinate + ", count(*) FROM read_parquet("
          + DuckDb.literal(root.resolve("**").resolve("*.parquet")) + ", hive_partitioning=true, " + options
          + ") GROUP BY 1")) {
        counts.merge((String) row.get(0), ((Number) row.get(1)).longValue(), Long::sum);
      }
    }
    return counts;
  }
}
