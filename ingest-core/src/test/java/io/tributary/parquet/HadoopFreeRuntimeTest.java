package io.tributary.parquet;

import io.tributary.testing.DuckDb;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that writing needs no Hadoop class at run time: the test class path carries hadoop-client-api (it is
 * {@code provided}, so compile and test scope have it), and the write runs in a class loader built from that class
 * path minus every Hadoop jar, whose parent is the platform loader so nothing leaks in from the test's own loader.
 */
class HadoopFreeRuntimeTest {
  @TempDir
  Path dir;

  private static boolean isHadoopJar(String entry) {
    return new File(entry).getName().startsWith("hadoop-");
  }

  @Test
  void writerWritesReadableFilesWithEveryCodecWithoutAnyHadoopJar() throws Exception {
    List<String> classPath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
    List<URL> withoutHadoop = new ArrayList<>();
    for (String entry : classPath) {
      if (!isHadoopJar(entry)) {
        withoutHadoop.add(new File(entry).toURI().toURL());
      }
    }
    assertThat(classPath).as("the test class path must carry Hadoop for this test to prove anything")
        .anyMatch(HadoopFreeRuntimeTest::isHadoopJar);

    String[] files;
    try (URLClassLoader isolated = new URLClassLoader(withoutHadoop.toArray(URL[]::new),
        ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> isolated.loadClass("org.apache.hadoop.conf.Configuration"))
          .isInstanceOf(ClassNotFoundException.class);
      Class<?> probe = isolated.loadClass(HadoopFreeWriteProbe.class.getName());
      assertThat(probe.getClassLoader()).isSameAs(isolated);
      assertThat(probe.getClassLoader().loadClass(ParquetRowWriter.class.getName()).getClassLoader())
          .isSameAs(isolated);

      files = (String[]) probe.getMethod("writeFiles", String.class).invoke(null, dir.toString());
    }

    assertThat(files).hasSize(Compression.values().length);
    try (DuckDb duck = DuckDb.open()) {
      for (String file : files) {
        String source = DuckDb.literal(Path.of(file));
        assertThat(duck.rows("SELECT count(*), sum(id)::BIGINT, count(DISTINCT name), max(attrs['x']), "
            + "count(*) FILTER (WHERE \"inner\".ok) FROM read_parquet(" + source + ")"))
            .as(file).containsExactly(List.of(1_000L, 499_500L, 10L, 499.5, 500L));
      }
      assertThat(duck.rows("SELECT DISTINCT compression FROM parquet_metadata("
          + DuckDb.listLiteral(Arrays.stream(files).map(Path::of).toArray(Path[]::new)) + ") ORDER BY 1"))
          .containsExactly(List.of("SNAPPY"), List.of("UNCOMPRESSED"), List.of("ZSTD"));
    }
  }
}
