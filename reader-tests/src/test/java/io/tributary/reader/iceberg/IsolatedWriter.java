package io.tributary.reader.iceberg;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs the writer side of an Iceberg test (Tributary's IcebergTableFormat on iceberg-core 1.12.0) in a class loader
 * of its own, beside the Spark reader in the same JVM.
 *
 * <p>Why: {@code iceberg-spark-runtime} is a shaded jar that bundles Iceberg's own classes compiled against its
 * relocated Jackson, Parquet and Avro ({@code org.apache.iceberg.shaded.*}), so on one class path either Spark or
 * our writer would get the other's {@code org.apache.iceberg} classes and fail with a {@code NoSuchMethodError}.
 * The writer's loader sees the test class path without the runtime jar, with only the JDK as parent; the two sides
 * share nothing but the catalog's SQLite file and the warehouse folder, and talk through {@code java.util} maps.
 */
final class IsolatedWriter implements AutoCloseable {
  private final URLClassLoader loader;

  IsolatedWriter() {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<URL> urls = new ArrayList<>();
    for (String entry : classpath.split(File.pathSeparator)) {
      if (entry.isBlank() || Path.of(entry).getFileName().toString().startsWith("iceberg-spark-runtime")) {
        continue;
      }
      try {
        urls.add(Path.of(entry).toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("Invalid class path entry: " + entry, e);
      }
    }
    loader = new URLClassLoader("iceberg-writer", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }

  /**
   * Runs {@code scenario} (a class of this package implementing {@code Function<Map<String, String>, Map<String,
   * String>>}, loaded in the writer's loader) with {@code arguments}, returning what it reports.
   */
  @SuppressWarnings("unchecked")
  Map<String, String> run(String scenario, Map<String, String> arguments) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      Class<?> type = Class.forName(IsolatedWriter.class.getPackageName() + "." + scenario, true, loader);
      Function<Map<String, String>, Map<String, String>> writer =
          (Function<Map<String, String>, Map<String, String>>) type.getDeclaredConstructor().newInstance();
      return Map.copyOf(writer.apply(Map.copyOf(arguments)));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot run writer " + scenario + ": " + e, e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Override
  public void close() {
    try {
      loader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
