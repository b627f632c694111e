package io.tributary.app.query;

import io.tributary.app.config.IcebergWiring;
import io.tributary.iceberg.scan.SnapshotFiles;
import io.tributary.iceberg.scan.TableSnapshots;
import io.tributary.layout.LakeLayout;
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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * SQL over a lake with DuckDB: one view per dataset ({@code read_parquet} of its files with Hive partitions and
 * union by name, so every schema version reads as the latest), and a view {@code errors} over the error files. In
 * every view the time partition columns ({@code year}, {@code month}, {@code day}, {@code hour}) are INTEGER, other
 * partition columns VARCHAR (as the Glue tables type them), and {@code _offset} is BIGINT when every offset of the
 * view is a 64-bit number (Kafka offsets, backfill line numbers); Kinesis sequence numbers (up to 128 bits) keep it
 * VARCHAR. A lake in S3 is first copied, only the files of the {@link Selection}, to a local folder (DuckDB cannot
 * reach S3 without its httpfs extension, which is downloaded from the internet).
 *
 * <p>An Iceberg dataset's view reads exactly the data files of its table's current snapshot, as Iceberg plans them
 * ({@link TableSnapshots}; DuckDB's iceberg extension cannot be installed offline): never a file of a failed commit
 * or one that compaction replaced. Its columns are those of the files (Tributary's names; a data column
 * {@code _event_time} is {@code _event_time_}), with no partition columns from the path. Without a catalog (a
 * {@code --lake} folder), an Iceberg table's folder (one with {@code metadata/*.metadata.json}) gets no view: its
 * files alone cannot say which rows are in the table.
 */
public final class LakeQuery implements AutoCloseable {

  private static final List<String> TIME_KEYS = List.of("year", "month", "day", "hour");

  private final Connection connection;
  private final List<String> datasets;
  private final boolean hasErrors;

  private LakeQuery(Connection connection, List<String> datasets, boolean hasErrors) {
    this.connection = connection;
    this.datasets = datasets;
    this.hasErrors = hasErrors;
  }

  /** Opens DuckDB over the whole lake, its Iceberg datasets read through {@code tables}. */
  public static LakeQuery open(ObjectStore store, String prefix, String errorPrefix, Optional<Path> folder,
      TableSnapshots tables) throws SQLException {
    return open(store, prefix, errorPrefix, folder, Selection.ALL, tables, note -> { });
  }

  /**
   * Opens DuckDB over the files of {@code selection}.
   *
   * @param folder the lake's folder when it is local; else the selected files are copied from {@code store}
   * @param tables the lake's Iceberg tables ({@link TableSnapshots#NONE} without a catalog): each one's view reads
   *     the data files of its current snapshot
   * @param notes told what is downloaded from a remote store, and how much, and which Iceberg folders get no view
   */
  public static LakeQuery open(ObjectStore store, String prefix, String errorPrefix, Optional<Path> folder,
      Selection selection, TableSnapshots tables, Consumer<String> notes) throws SQLException {
    Map<String, SnapshotFiles> iceberg = new TreeMap<>();
    for (String table : tables.tables()) {
      if (selection.includesDataset(table)) {
        iceberg.put(table, tables.current(table, selection.since().map(since -> since.toInstant(ZoneOffset.UTC))));
      }
    }
    Path root = folder.orElseGet(() -> copyDown(store, prefix, errorPrefix, selection, iceberg, notes));
    Path data = root.resolve(prefix);
    Path errors = root.resolve(errorPrefix);
    List<String> datasets = new ArrayList<>();
    List<Path> errorFiles;
    Connection connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement statement = connection.createStatement()) {
      for (Path dataset : children(data)) {
        String name = dataset.getFileName().toString();
        if (name.startsWith("_") || name.startsWith(".") || dataset.equals(errors)
            || !selection.includesDataset(name) || iceberg.containsKey(name)) {
          continue;
        }
        if (isIcebergTable(dataset)) {
          notes.accept(name + " is an Iceberg table: no view without its catalog (give --config FILE)");
          continue;
        }
        List<Path> files = parquetFiles(dataset, data, selection);
        if (!files.isEmpty()) {
          createView(statement, identifier(name), files, selection.all() ? Optional.of(dataset) : Optional.empty(),
              true);
          datasets.add(name);
        }
      }
      for (SnapshotFiles table : iceberg.values()) {
        if (!table.keys().isEmpty()) {
          createView(statement, identifier(table.dataset()), table.keys().stream().map(root::resolve).toList(),
              Optional.empty(), false);
          datasets.add(table.dataset());
        }
      }
      errorFiles = parquetFiles(errors, errors, selection);
      if (!errorFiles.isEmpty()) {
        createView(statement, "errors", errorFiles, selection.all() ? Optional.of(errors) : Optional.empty(), true);
      }
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
    return new LakeQuery(connection, datasets.stream().sorted().toList(), !errorFiles.isEmpty());
  }

  /**
   * The Iceberg tables of a lake whose configuration has {@code iceberg}, through its catalog, opened now (close
   * it); {@link TableSnapshots#NONE} when every dataset is Hive.
   */
  public static TableSnapshots tables(Optional<IcebergWiring> iceberg, ObjectStore store) {
    return iceberg.map(wiring -> TableSnapshots.open(wiring.catalogName(), wiring.catalog(), wiring.namespace(),
        wiring.storeRoot(), store, wiring.settings().icebergDatasets())).orElse(TableSnapshots.NONE);
  }

  /**
   * A view over the files (a glob under {@code whole} when every file is read), with its columns typed; with
   * {@code hive}, the partition folders' keys are columns too.
   */
  private static void createView(Statement statement, String name, List<Path> files, Optional<Path> whole,
      boolean hive) throws SQLException {
    String read = "read_parquet(" + whole.map(dir -> literal(dir.resolve("**").resolve("*.parquet")))
        .orElseGet(() -> "[" + String.join(", ", files.stream().map(LakeQuery::literal).toList()) + "]")
        + (hive ? ", hive_partitioning=true, hive_types_autocast=false" : ", hive_partitioning=false")
        + ", union_by_name=true)";
    List<String> columns = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery("DESCRIBE SELECT * FROM " + read)) {
      while (rs.next()) {
        columns.add(rs.getString(1));
      }
    }
    List<String> replaced = new ArrayList<>();
    for (String key : TIME_KEYS) {
      if (columns.contains(key)) {
        replaced.add("CAST(" + key + " AS INTEGER) AS " + key);
      }
    }
    if (columns.contains("_offset")) {
      try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + read
          + " WHERE _offset IS NOT NULL AND TRY_CAST(_offset AS BIGINT) IS NULL")) {
        rs.next();
        if (rs.getLong(1) == 0) {
          replaced.add("CAST(_offset AS BIGINT) AS _offset");
        }
      }
    }
    statement.execute("CREATE VIEW " + name + " AS SELECT *" + (replaced.isEmpty() ? ""
        : " REPLACE (" + String.join(", ", replaced) + ")") + " FROM " + read);
  }

  /** Whether there is an {@code errors} view (error files in the selection). */
  public boolean hasErrors() {
    return hasErrors;
  }

  /** The datasets that have a view. */
  public List<String> datasets() {
    return datasets;
  }

  /**
   * The column names and rows of {@code sql}; a statement without a result (COPY … TO, SET, CREATE …) gives no
   * columns and its update count, if any, in {@link Result#updated()}.
   */
  public Result run(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      if (!statement.execute(sql)) {
        long count = statement.getUpdateCount();
        return new Result(List.of(), List.of(), count >= 0 ? OptionalLong.of(count) : OptionalLong.empty());
      }
      try (ResultSet rs = statement.getResultSet()) {
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
        return new Result(columns, rows, OptionalLong.empty());
      }
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }

  /** A query's answer: columns and rows, or for a statement without a result the rows it changed if known. */
  public record Result(List<String> columns, List<List<Object>> rows, OptionalLong updated) {

    public Result(List<String> columns, List<List<Object>> rows) {
      this(columns, rows, OptionalLong.empty());
    }

    /** As an aligned text table, cells cut at 60 characters. */
    public String table() {
      return ResultFormat.TABLE.render(this, 60);
    }
  }

  private static Path copyDown(ObjectStore store, String prefix, String errorPrefix, Selection selection,
      Map<String, SnapshotFiles> iceberg, Consumer<String> notes) {
    try {
      Path root = Files.createTempDirectory("tributary-query");
      root.toFile().deleteOnExit();
      TreeMap<String, String> keys = new TreeMap<>();
      for (String from : List.of(prefix, errorPrefix)) {
        String base = from.isEmpty() ? "" : ObjectKeys.join(from, "");
        for (String key : store.list(base)) {
          String relative = key.substring(base.length());
          // An Iceberg table's folder is read through its snapshot, below; without a catalog, not at all.
          if (key.endsWith(".parquet") && !LakeLayout.isState(key) && !relative.startsWith("_")
              && selection.includes(relative) && !iceberg.containsKey(relative.split("/")[0])) {
            keys.put(key, key);
          }
        }
      }
      iceberg.values().forEach(table -> table.keys().forEach(key -> keys.put(key, key)));
      notes.accept("Downloading " + keys.size() + " files to " + root + " ...");
      long bytes = 0;
      long started = System.nanoTime();
      for (String key : keys.keySet()) {
        Path target = root.resolve(key);
        Files.createDirectories(target.getParent());
        byte[] file = store.get(key).orElseThrow();
        Files.write(target, file);
        bytes += file.length;
      }
      notes.accept(String.format("Downloaded %d files, %.1f MiB in %.1f s", keys.size(), bytes / 1048576.0,
          (System.nanoTime() - started) / 1e9));
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot copy the lake to a local folder", e);
    }
  }

  /** The Parquet files under {@code folder} that the selection reads (paths taken relative to {@code base}). */
  private static List<Path> parquetFiles(Path folder, Path base, Selection selection) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(p -> p.toString().endsWith(".parquet"))
          .filter(p -> selection.includes(base.relativize(p).toString().replace('\\', '/')))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether {@code folder} holds an Iceberg table: {@code metadata/} with a table metadata file. */
  private static boolean isIcebergTable(Path folder) {
    Path metadata = folder.resolve("metadata");
    if (!Files.isDirectory(metadata)) {
      return false;
    }
    try (Stream<Path> files = Files.list(metadata)) {
      return files.anyMatch(p -> p.getFileName().toString().endsWith(".metadata.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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

  private static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static String literal(Path path) {
    return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
  }
}
