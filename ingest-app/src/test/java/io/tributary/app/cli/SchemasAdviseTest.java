package io.tributary.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.app.Main;
import io.tributary.app.config.ConfigLoader;
import io.tributary.app.config.ServiceConfig;
import io.tributary.landing.Landing;
import io.tributary.source.SourcePartition;
import io.tributary.source.SourceRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tributary schemas --advise}: the rescue hot spots of a real lake, with the override for each. */
class SchemasAdviseTest {

  @TempDir
  Path dir;

  @Test
  void rescuedValuesAreReportedPerFieldPathWithTheOverrideThatKeepsThem() throws Exception {
    Path config = Files.writeString(dir.resolve("tributary.yaml"), "store:\n  type: local\n  path: "
        + dir.resolve("lake") + "\n");
    land(config, "orders", List.of("{\"qty\": 5, \"ok\": true}", "{\"qty\": \"five\", \"ok\": true}",
        "{\"qty\": \"six\", \"ok\": \"yes\"}", "{\"qty\": {\"n\": 7}, \"ok\": false}", "{\"qty\": 8}"));
    land(config, "clean", List.of("{\"a\": 1}", "{\"a\": 2}"));

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new String[] {"schemas", "--lake", dir.resolve("lake").toString(), "--advise"},
        new PrintWriter(out, true), new PrintWriter(err, true));

    assertThat(status).as(err.toString()).isZero();
    // v2: a (whole numbers only) is decided at the roll; qty (5, then text) by the text, as its first value says.
    assertThat(out.toString()).contains("clean (v2): 0 rows with rescued values, nothing to advise",
        "orders (v2): 3 rows with rescued values, 2 field paths:");
    assertThat(out.toString().lines().map(String::strip).toList()).containsSubsequence(
        "qty                            bigint        3 values (1 object, 2 string)",
        "override: qty: json (values of several JSON types: one text column keeps them all)",
        "ok                             boolean       1 values (1 string)",
        "override: ok: json (values of several JSON types: one text column keeps them all)");
  }

  @Test
  void aConfigFileWithoutASourceSectionIsEnoughToReadTheLake() throws Exception {
    Path config = Files.writeString(dir.resolve("tributary.yaml"), "store:\n  type: local\n  path: "
        + dir.resolve("lake") + "\n");
    land(config, "orders", List.of("{\"qty\": 5}", "{\"qty\": \"five\"}"));

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new String[] {"schemas", "--config", config.toString(), "--advise"},
        new PrintWriter(out, true), new PrintWriter(err, true));

    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString()).contains("orders (v2): 1 rows with rescued values");
  }

  @Test
  void aDatasetWithoutFilesIsOneLineAndExitsOne() throws Exception {
    StringWriter err = new StringWriter();
    int status = Main.run(new String[] {"schemas", "--lake", dir.resolve("lake").toString(), "--advise", "--dataset",
        "nosuch"}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    assertThat(status).isEqualTo(1);
    assertThat(err.toString().strip()).isEqualTo("No data files of dataset 'nosuch' in "
        + dir.resolve("lake").toAbsolutePath().normalize());
  }

  private static void land(Path config, String stream, List<String> payloads) throws Exception {
    ServiceConfig service = ServiceConfig.withoutSource(ConfigLoader.standard().load(config));
    Landing landing = new Landing(service.landingSettings(), service.openStore(), Clock.systemUTC());
    landing.assign(new SourcePartition(stream, "0"));
    for (int i = 0; i < payloads.size(); i++) {
      landing.accept(SourceRecord.of(stream, "0", Integer.toString(i), 1_796_000_400_000L,
          payloads.get(i).getBytes(StandardCharsets.UTF_8)));
    }
    landing.close();
  }
}
