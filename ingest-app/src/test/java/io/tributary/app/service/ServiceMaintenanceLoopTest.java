package io.tributary.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.app.config.ConfigLoader;
import io.tributary.app.config.ServiceConfig;
import io.tributary.iceberg.maintain.MaintenanceLoop;
import io.tributary.store.LocalFileStore;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which services run the table maintenance loop: those with Iceberg datasets, unless it is turned off. */
class ServiceMaintenanceLoopTest {
  @TempDir Path dir;

  @Test
  void aServiceWithIcebergDatasetsRunsTheLoop() {
    try (MaintenanceLoop loop = start("dataset-defaults:\n  table-format: iceberg\n").orElseThrow()) {
      assertThat(loop).isNotNull();
    }
  }

  @Test
  void theLoopIsOffWhenMaintenanceIsDisabledOrEveryDatasetIsHive() {
    assertThat(start("dataset-defaults:\n  table-format: iceberg\nmaintenance:\n  enabled: false\n")).isEmpty();
    assertThat(start("")).isEmpty();
  }

  private Optional<MaintenanceLoop> start(String yaml) {
    ServiceConfig config = ServiceConfig.withoutSource(ConfigLoader.standard().parse("store:\n  type: local\n"
        + "  path: " + dir.resolve("lake") + "\ncatalog:\n  type: jdbc\n  jdbc:\n    url: jdbc:sqlite:"
        + dir.resolve("catalog.db") + "\n" + yaml, "test.yaml"));
    return ServiceMaintenanceLoop.start(config, new LocalFileStore(dir.resolve("lake")), new SimpleMeterRegistry());
  }
}
