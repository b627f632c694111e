package io.tributary.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.app.Main;
import io.tributary.testing.LakeCounts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary demo} as a user runs it (shorter): an embedded broker, 22 drifting services with broken records,
 * progress, and a report that matches what is really in the folder.
 */
class DemoTest {

  @TempDir
  Path dir;

  @Test
  void theDemoLandsEveryEventOnceAndSaysWhatLandedAndWhere() throws Exception {
    Path lake = dir.resolve("demo-lake");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new String[] {"demo", "--lake", lake.toString(), "--seconds", "4", "--rate", "1500"},
        new PrintWriter(out, true), new PrintWriter(err, true));

    String printed = out.toString();
    assertThat(status).as("exit status; printed:%n%s%nerrors:%n%s", printed, err).isZero();
    assertThat(printed).contains("22 services", "Kafka broker up at", "received", "ev/s (5 s avg)",
        "schema versions", "tributary schemas --lake " + lake + " orders", "every event "
        + "exactly once", "DECODE", "The lake: " + lake.toAbsolutePath().normalize(), "How the schema of 'orders'");
    assertThat(printed).doesNotContain("Bootstrap metadata").doesNotContain("landed-in");

    Map<String, Long> landed = LakeCounts.landed(lake, lake.resolve("_errors"));
    assertThat(landed.values()).containsOnly(1L);
    assertThat(landed).hasSize(6000);
    assertThat(printed).contains("Produced 6000 events");
    try (var folders = Files.list(lake)) {
      assertThat(folders.map(p -> p.getFileName().toString()).filter(name -> !name.startsWith("_") && !name.startsWith(".")).toList())
          .hasSize(22);
    }
    assertThat(LakeCounts.errors(lake.resolve("_errors"))).isNotEmpty();
    // The report names each dataset's data files, as many as are on disk.
    Matcher orders = Pattern.compile("(?m)^orders\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\s+(\\d+)$").matcher(printed);
    assertThat(orders.find()).as(printed).isTrue();
    try (var files = Files.walk(lake.resolve("orders"))) {
      assertThat(Long.parseLong(orders.group(1))).isPositive()
          .isEqualTo(files.filter(f -> f.toString().endsWith(".parquet")).count());
    }

    StringWriter schemas = new StringWriter();
    assertThat(Main.run(new String[] {"schemas", "--lake", lake.toString(), "orders"}, new PrintWriter(schemas, true),
        new PrintWriter(err, true))).isZero();
    assertThat(schemas.toString()).contains("v1 ", "v2 ", "+ amount", "bigint", "by demo");
    StringWriter query = new StringWriter();
    assertThat(Main.run(new String[] {"query", "--lake", lake.toString(), "SELECT count(*) AS n FROM errors"},
        new PrintWriter(query, true), new PrintWriter(err, true))).as(err.toString()).isZero();
    assertThat(query.toString()).contains("n", "(1 row)");
  }

  @Test
  void theDemoRefusesAFolderThatIsNotADemoLake() throws Exception {
    Files.writeString(dir.resolve("precious.txt"), "mine");
    StringWriter err = new StringWriter();
    int status = Main.run(new String[] {"demo", "--lake", dir.toString()}, new PrintWriter(new StringWriter()),
        new PrintWriter(err, true));
    assertThat(status).isNotZero();
    assertThat(err.toString()).contains("not empty and holds no previous demo lake");
    assertThat(dir.resolve("precious.txt")).exists();
  }
}
