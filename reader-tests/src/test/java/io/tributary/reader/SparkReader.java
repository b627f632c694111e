package io.tributary.reader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One Spark session per test JVM, local[1], with Hive support over an embedded Derby metastore in
 * {@code target/spark/}: an engine we did not write, reading the lake the way a user's Spark would. Started on first
 * use ({@link #get()}), stopped when the JVM exits. Reusable by any test that needs an independent reader (the
 * Iceberg tables will add their catalog here).
 */
public final class SparkReader {
  private static SparkReader instance;

  private final SparkSession spark;
  private final long startMillis;

  private SparkReader(Path home) {
    long started = System.nanoTime();
    Path warehouse = home.resolve("warehouse");
    System.setProperty("derby.system.home", home.resolve("derby").toString());
    spark = SparkSession.builder()
        .appName("tributary-reader-tests")
        .master("local[1]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.datetime.java8API.enabled", "true")
        .config("spark.sql.warehouse.dir", warehouse.toUri().toString())
        .config("spark.hadoop.javax.jdo.option.ConnectionURL",
            "jdbc:derby:;databaseName=" + home.resolve("metastore_db") + ";create=true")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .enableHiveSupport()
        .getOrCreate();
    startMillis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("SparkReader: Spark %s session started in %d ms%n", spark.version(), startMillis);
    Runtime.getRuntime().addShutdownHook(new Thread(spark::stop));
  }

  /** The session, started on first use in a fresh {@code target/spark/}. */
  public static synchronized SparkReader get() {
    if (instance == null) {
      Path home = Path.of("target", "spark").toAbsolutePath();
      deleteRecursively(home);
      instance = new SparkReader(home);
    }
    return instance;
  }

  /** How long the session took to start. */
  public long startMillis() {
    return startMillis;
  }

  public SparkSession session() {
    return spark;
  }

  /**
   * Runs a script of statements ending with {@code ;} (one per line end), skipping {@code --} comment lines: the
   * output of {@code tributary ddl --dialect spark} as a user would paste it.
   */
  public void script(String sql) {
    StringBuilder statement = new StringBuilder();
    for (String line : sql.split("\n")) {
      if (line.strip().startsWith("--")) {
        continue;
      }
      statement.append(line).append('\n');
      if (line.strip().endsWith(";")) {
        String text = statement.toString().strip();
        spark.sql(text.substring(0, text.length() - 1));
        statement.setLength(0);
      }
    }
    if (!statement.toString().isBlank()) {
      throw new IllegalArgumentException("Unterminated statement: " + statement);
    }
  }

  /** The rows of a query. */
  public List<Row> rows(String query) {
    return spark.sql(query).collectAsList();
  }

  /** A fresh database, made the current one. */
  public void useNewDatabase(String name) {
    spark.sql("DROP DATABASE IF EXISTS " + name + " CASCADE");
    spark.sql("CREATE DATABASE " + name);
    spark.sql("USE " + name);
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
