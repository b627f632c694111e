package io.tributary.app.replay;

import io.tributary.source.Position;
import io.tributary.source.SourceRecord;
import io.tributary.store.LocalFileStore;
import io.tributary.store.ObjectKeys;
import io.tributary.store.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads the rows of the error files under a key prefix of a store with DuckDB: in place for a local store, else
 * from a temporary copy (DuckDB cannot reach S3 offline; see {@link io.tributary.app.query.LakeQuery}).
 */
final class ErrorRowReader {
  private static final String COLUMNS = "filename, error_type, error_message, dataset, source, \"partition\", "
      + "\"offset\", epoch_ms(source_time) AS source_ms, epoch_ms(ingest_time) AS ingest_ms, key, "
      + "map_keys(headers) AS header_keys, map_values(headers) AS header_values, payload";

  private final ObjectStore store;

  ErrorRowReader(ObjectStore store) {
    this.store = store;
  }

  /** Every row of the Parquet files under {@code prefix} (a folder key, may be empty for the root). */
  List<ErrorRow> read(String prefix) {
    return read(prefix, folder -> true);
  }

  /**
   * Every row of the Parquet files under {@code prefix} whose folder (relative to it) {@code takes} takes.
   */
  List<ErrorRow> read(String prefix, Predicate<String> takes) {
    String base = prefix.isEmpty() ? "" : ObjectKeys.validatePrefix(prefix + "/");
    List<String> keys = store.list(base).stream().filter(k -> k.endsWith(".parquet"))
        .filter(k -> takes.test(folderOf(k, base))).sorted().toList();
    if (keys.isEmpty()) {
      return List.of();
    }
    Path copy = null;
    try {
      Map<String, String> folders = new HashMap<>();
      List<String> files = new ArrayList<>();
      if (!(store instanceof LocalFileStore)) {
        copy = Files.createTempDirectory("tributary-replay");
      }
      for (String key : keys) {
        Path file = copy == null ? ((LocalFileStore) store).root().resolve(key) : download(key, copy);
        String path = file.toAbsolutePath().normalize().toString();
        files.add(path);
        folders.put(path, folderOf(key, base));
      }
      return query(files, folders);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the error files under '" + prefix + "': " + e.getMessage(), e);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the error files under '" + prefix + "': " + e.getMessage(), e);
    } finally {
      deleteQuietly(copy);
    }
  }

  private static String folderOf(String key, String base) {
    int slash = key.lastIndexOf('/');
    return slash < base.length() ? "" : key.substring(base.length(), slash);
  }

  private Path download(String key, Path copy) throws IOException {
    Path target = copy.resolve(key);
    Files.createDirectories(target.getParent());
    Files.write(target, store.get(key).orElseThrow(() -> new IOException("The file " + key + " is gone")));
    return target;
  }

  private static List<ErrorRow> query(List<String> files, Map<String, String> folders) throws SQLException {
    StringBuilder list = new StringBuilder("[");
    for (String file : files) {
      list.append(list.length() > 1 ? ", " : "").append('\'').append(file.replace("'", "''")).append('\'');
    }
    list.append(']');
    List<ErrorRow> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT " + COLUMNS + " FROM read_parquet(" + list
            + ", filename=true, hive_partitioning=false)")) {
      while (rs.next()) {
        rows.add(row(rs, folders));
      }
    }
    return rows;
  }

  private static ErrorRow row(ResultSet rs, Map<String, String> folders) throws SQLException {
    String file = Path.of(rs.getString("filename")).toAbsolutePath().normalize().toString();
    Object sourceMs = rs.getObject("source_ms");
    long sourceMillis = sourceMs != null ? ((Number) sourceMs).longValue() : rs.getLong("ingest_ms");
    String key = rs.getString("key");
    return new ErrorRow(folders.getOrDefault(file, ""), rs.getString("error_type"), rs.getString("error_message"),
        rs.getString("dataset"), rs.getString("source"), rs.getString("partition"),
        Position.parse(rs.getString("offset")), sourceMillis, key == null ? null : Base64.getDecoder().decode(key),
        headers(rs.getArray("header_keys"), rs.getArray("header_values")),
        Base64.getDecoder().decode(rs.getString("payload")));
  }

  private static List<SourceRecord.Header> headers(Array keys, Array values) throws SQLException {
    if (keys == null) {
      return List.of();
    }
    Object[] names = (Object[]) keys.getArray();
    Object[] bytes = (Object[]) values.getArray();
    List<SourceRecord.Header> headers = new ArrayList<>(names.length);
    for (int i = 0; i < names.length; i++) {
      headers.add(new SourceRecord.Header((String) names[i],
          bytes[i] == null ? null : Base64.getDecoder().decode((String) bytes[i])));
    }
    return headers;
  }

  private static void deleteQuietly(Path folder) {
    if (folder == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      folder.toFile().deleteOnExit();
    }
  }
}
