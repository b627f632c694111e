package io.tributary.deploy.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The image's jar (ingest-app's target/tributary-service.jar, built by the reactor before this module): what `run`
 * needs, under 100 MB; no embedded Kafka broker, no DuckDB, codec natives for Linux x86_64 and arm64 only. The fat
 * jar beside it keeps everything for the launcher (demo, dev-kafka, query).
 */
class ServiceJarTest {

  private static final long LIMIT_BYTES = 100L * 1000 * 1000;

  @Test
  void theServiceJarIsUnderOneHundredMegabytesAndHoldsWhatRunNeedsOnly() throws IOException {
    Path jar = Path.of(System.getProperty("tributary.service.jar", "../ingest-app/target/tributary-service.jar"));
    long size = Files.size(jar);
    System.out.printf("tributary-service.jar: %.1f MB%n", size / 1e6);
    assertThat(size).as("%s bytes", size).isLessThan(LIMIT_BYTES);
    try (JarFile file = new JarFile(jar.toFile())) {
      List<String> names = file.stream().map(ZipEntry::getName).toList();
      assertThat(names).contains("io/tributary/app/Main.class", "io/tributary/kafka/KafkaSource.class",
          "io/tributary/kinesis/KinesisSource.class", "org/apache/kafka/streams/KafkaStreams.class",
          "software/amazon/awssdk/services/s3/S3Client.class", "logback-run.xml",
          "linux/amd64/libzstd-jni-1.5.7-15.so", "linux/aarch64/libzstd-jni-1.5.7-15.so");
      assertThat(names).noneMatch(n -> n.startsWith("org/apache/kafka/common/test/"))
          .noneMatch(n -> n.startsWith("kafka/server/"))
          .noneMatch(n -> n.startsWith("scala/"))
          .noneMatch(n -> n.startsWith("org/duckdb/") || n.startsWith("libduckdb"))
          .noneMatch(n -> n.startsWith("darwin/") || n.startsWith("win/") || n.contains("/native/Windows/")
              || n.contains("/native/Mac/"));
      assertThat(file.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("io.tributary.app.Main");
    }
  }
}
