package io.tributary.reader.iceberg;

import io.tributary.reader.SparkReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark side of the Iceberg tests: Spark's own Iceberg catalog ({@code SparkCatalog} of type {@code jdbc}, from
 * {@code iceberg-spark-runtime}) named {@value #CATALOG} like the writer's JdbcCatalog (whose rows are keyed by
 * that name, DESIGN §20), on the same SQLite file and warehouse folder, in {@link SparkReader}'s one session.
 * Table caching is off, so every query sees the catalog's latest snapshot. Registered on first use.
 */
final class SparkIceberg {
  static final String CATALOG = "tributary";
  private static SparkIceberg instance;

  private final SparkReader spark;
  private final Path folder;
  private final String catalogUri;

  private SparkIceberg(SparkReader spark, Path folder) {
    this.spark = spark;
    this.folder = folder;
    this.catalogUri = "jdbc:sqlite:" + folder.resolve("catalog.db");
    registerSqliteDriver();
    String prefix = "spark.sql.catalog." + CATALOG;
    SparkSession session = spark.session();
    session.conf().set(prefix, "org.apache.iceberg.spark.SparkCatalog");
    session.conf().set(prefix + ".type", "jdbc");
    session.conf().set(prefix + ".uri", catalogUri);
    session.conf().set(prefix + ".jdbc.schema-version", "V1");
    session.conf().set(prefix + ".warehouse", folder.resolve("warehouse").toUri().toString());
    session.conf().set(prefix + ".cache-enabled", "false");
  }

  static synchronized SparkIceberg get() {
    if (instance == null) {
      SparkReader spark = SparkReader.get();
      try {
        instance = new SparkIceberg(spark, Files.createDirectories(Path.of("target", "spark", "iceberg")
            .toAbsolutePath()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  /**
   * Loads SQLite's JDBC driver in the calling class's loader, which registers it with {@code DriverManager}: the
   * writer's loader registers its own copy, and {@code DriverManager} hands a caller only a driver its loader sees.
   */
  static void registerSqliteDriver() {
    try {
      Class.forName("org.sqlite.JDBC");
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Cannot find SQLite's JDBC driver: " + e.getMessage(), e);
    }
  }

  SparkSession session() {
    return spark.session();
  }

  /** What a writer ({@link WriterLake}) needs to land tables Spark reads, in namespace {@code namespace}. */
  Map<String, String> writerArguments(String namespace) {
    return Map.of("folder", folder.toString(), "catalog-uri", catalogUri, "namespace", namespace);
  }

  /** The orders table of {@code namespace}, as Spark names it. */
  static String orders(String namespace) {
    return CATALOG + "." + namespace + ".orders";
  }

  List<Row> rows(String sql) {
    return spark.rows(sql);
  }

  /**
   * How many rows of {@code table} carry each source coordinate ({@code <source>/<partition>/<offset>}): what
   * "nothing lost, nothing duplicated" is counted by.
   */
  Map<String, Long> rowsPerCoordinate(String table) {
    Map<String, Long> counts = new TreeMap<>();
    for (Row row : rows("SELECT _source, _source_partition, _offset, count(*) FROM " + table
        + " GROUP BY _source, _source_partition, _offset")) {
      counts.put(row.getString(0) + "/" + row.getString(1) + "/" + row.getString(2), row.getLong(3));
    }
    return counts;
  }
}
