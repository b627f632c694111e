package io.tributary.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary maintain}: its options and configuration checks. The runs themselves are tested in iceberg-table
 * (LakeMaintenance on a JdbcCatalog); the catalog from a configuration arrives with the Iceberg wiring.
 */
class MaintainCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private Path config(String extra) throws Exception {
    Path config = dir.resolve("tributary.yaml");
    Files.writeString(config, "store:\n  type: local\n  path: " + dir.resolve("lake") + "\n" + extra);
    return config;
  }

  @Test
  void aConfigurationWithoutAnIcebergCatalogFailsNamingIt() throws Exception {
    Path config = config("");

    assertThat(run("maintain", "--config", config.toString(), "--dry-run")).isEqualTo(2);
    assertThat(err.toString()).contains("Cannot maintain: " + config, "configures no Iceberg catalog");
  }

  @Test
  void anInvalidMaintenanceSettingFailsNamingItsKey() throws Exception {
    Path config = config("dataset-defaults:\n  maintenance:\n    orphan-age: 5m\n");

    assertThat(run("maintain", "--config", config.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("dataset-defaults.maintenance.orphan-age", "at least 1h");
  }
}
