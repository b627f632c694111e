package io.tributary.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An in-process DuckDB to read written files back, as an independent Parquet reader. */
public final class DuckDb implements AutoCloseable {
  private final Connection connection;

  private DuckDb(Connection connection) {
    this.connection = connection;
  }

  public static DuckDb open() throws SQLException {
    return new DuckDb(DriverManager.getConnection("jdbc:duckdb:"));
  }

  /** A SQL string literal naming {@code file}. */
  public static String literal(Path file) {
    return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
  }

  /** A SQL list literal naming {@code files}. */
  public static String listLiteral(Path... files) {
    return "[" + String.join(", ", Arrays.stream(files).map(DuckDb::literal).toList()) + "]";
  }

  /** Every row of the query, each as a list of JDBC values. */
  public List<List<Object>> rows(String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      List<List<Object>> rows = new ArrayList<>();
      while (result.next()) {
        List<Object> row = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
          row.add(result.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  /** The single value of a one-row, one-column query. */
  public Object value(String sql) throws SQLException {
    List<List<Object>> rows = rows(sql);
    if (rows.size() != 1 || rows.get(0).size() != 1) {
      throw new AssertionError("Expected one value from " + sql + ", got " + rows);
    }
    return rows.get(0).get(0);
  }

  /** The values of one row of the query, by column label. */
  public Map<String, Object> row(String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      if (!result.next()) {
        throw new AssertionError("No row from " + sql);
      }
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
        row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
      }
      if (result.next()) {
        throw new AssertionError("More than one row from " + sql);
      }
      return row;
    }
  }

  /** Column name to DuckDB type, in order, of what {@code from} (a table expression) returns. */
  public Map<String, String> columnTypes(String from) throws SQLException {
    Map<String, String> types = new LinkedHashMap<>();
    for (List<Object> row : rows("DESCRIBE SELECT * FROM " + from)) {
      types.put((String) row.get(0), (String) row.get(1));
    }
    return types;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
