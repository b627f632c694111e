package io.tributary.app.query;

import io.tributary.store.ObjectKeys;
import io.tributary.store.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * SQL over a lake with DuckDB: one view per dataset ({@code read_parquet} of its files with Hive partitions and
 * union by name, so every schema version reads as the latest), and a view {@code errors} over the error files. A
 * lake in S3 is first copied to a local folder (DuckDB cannot reach S3 without its httpfs extension, which is
 * downloaded from the internet).
 */
public final class LakeQuery implements AutoCloseable {

  private final Connection connection;
  private final List<String> datasets;

  private LakeQuery(Connection connection, List<String> datasets) {
    this.connection = connection;
    this.datasets = datasets;
  }

  /**
   * Opens DuckDB over the lake.
   *
   * @param folder the lake's folder when it is local; else its files are copied from {@code store}
   */
  public static LakeQuery open(ObjectStore store, String prefix, String errorPrefix, Optional<Path> folder)
      throws SQLException {
    Path root = folder.orElseGet(() -> copyDown(store, prefix, errorPrefix));
    Path data = root.resolve(prefix);
    Path errors = root.resolve(errorPrefix);
    List<String> datasets = new ArrayList<>();
    Connection connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement statement = connection.createStatement()) {
      for (Path dataset : children(data)) {
        String name = dataset.getFileName().toString();
        if (name.startsWith("_") || name.startsWith(".") || dataset.equals(errors) || !hasParquet(dataset)) {
          continue;
        }
        statement.execute("CREATE VIEW " + identifier(name) + " AS SELECT * FROM read_parquet("
            + literal(dataset.resolve("**").resolve("*.parquet")) + ", hive_partitioning=true, union_by_name=true)");
        datasets.add(name);
      }
      if (hasParquet(errors)) {
        statement.execute("CREATE VIEW errors AS SELECT * FROM read_parquet(" + literal(errors.resolve("**")
            .resolve("*.parquet")) + ", hive_partitioning=true, union_by_name=true)");
      }
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
    return new LakeQuery(connection, List.copyOf(datasets));
  }

  /** The datasets that have a view. */
  public List<String> datasets() {
    return datasets;
  }

  /** The column names and rows of {@code sql}. */
  public Result run(String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnLabel(i));
      }
      List<List<Object>> rows = new ArrayList<>();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns.size(); i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
      return new Result(columns, rows);
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }

  /** A query's answer. */
  public record Result(List<String> columns, List<List<Object>> rows) {

    /** As an aligned text table. */
    public String table() {
      int[] widths = new int[columns.size()];
      for (int i = 0; i < widths.length; i++) {
        widths[i] = columns.get(i).length();
      }
      for (List<Object> row : rows) {
        for (int i = 0; i < widths.length; i++) {
          widths[i] = Math.min(60, Math.max(widths[i], String.valueOf(row.get(i)).length()));
        }
      }
      StringBuilder out = new StringBuilder();
      line(out, new ArrayList<>(columns), widths);
      StringBuilder rule = new StringBuilder();
      for (int w : widths) {
        rule.append("-".repeat(w)).append("  ");
      }
      out.append(rule.toString().stripTrailing()).append('\n');
      for (List<Object> row : rows) {
        line(out, row, widths);
      }
      out.append("(").append(rows.size()).append(rows.size() == 1 ? " row)\n" : " rows)\n");
      return out.toString();
    }

    private static void line(StringBuilder out, List<Object> cells, int[] widths) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        String text = String.valueOf(cells.get(i));
        if (text.length() > widths[i]) {
          text = text.substring(0, widths[i] - 1) + "…";
        }
        line.append(text).append(" ".repeat(widths[i] - text.length())).append("  ");
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }

  private static Path copyDown(ObjectStore store, String prefix, String errorPrefix) {
    try {
      Path root = Files.createTempDirectory("tributary-query");
      root.toFile().deleteOnExit();
      TreeMap<String, String> keys = new TreeMap<>();
      for (String from : List.of(prefix, errorPrefix)) {
        for (String key : store.list(from.isEmpty() ? "" : ObjectKeys.join(from, ""))) {
          if (key.endsWith(".parquet") && !key.contains("/_tributary/") && !key.startsWith("_tributary/")) {
            keys.put(key, key);
          }
        }
      }
      for (String key : keys.keySet()) {
        Path target = root.resolve(key);
        Files.createDirectories(target.getParent());
        Files.write(target, store.get(key).orElseThrow());
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot copy the lake to a local folder", e);
    }
  }

  private static List<Path> children(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean hasParquet(Path folder) {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.anyMatch(p -> p.toString().endsWith(".parquet"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static String literal(Path path) {
    return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
  }
}
