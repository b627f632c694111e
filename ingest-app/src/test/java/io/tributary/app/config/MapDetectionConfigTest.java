package io.tributary.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.schema.EvolutionSettings.MapDetection;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** `map-detection.*` reaches each dataset's evolution settings: defaults, dataset-defaults, per dataset, bad values. */
class MapDetectionConfigTest {

  private static ServiceConfig service(String yaml) {
    return ServiceConfig.withoutSource(new ConfigLoader(ConfigKeys.all(), Map.of()).parse(yaml, "test.yaml"));
  }

  private static MapDetection of(ServiceConfig service, String dataset) {
    return service.landingSettings().datasets().apply(dataset).evolution().mapDetection();
  }

  @Test
  void onWithSixteenKeysUnlessADatasetSaysOtherwise() {
    ServiceConfig service = service("""
        dataset-defaults:
          map-detection:
            min-keys: 40
        datasets:
          clicks:
            map-detection:
              enabled: false
        """);

    assertThat(of(service(""), "orders")).isEqualTo(new MapDetection(true, 16));
    assertThat(of(service, "orders")).isEqualTo(new MapDetection(true, 40));
    assertThat(of(service, "clicks").enabled()).isFalse();
  }

  @Test
  void tooFewKeysIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> service("dataset-defaults:\n  map-detection:\n    min-keys: 1\n"))
        .hasMessageContaining("dataset-defaults.map-detection.min-keys");
  }
}
