package io.tributary.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.config.ConfigKey;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/configuration.md is what the key declarations generate: the documentation cannot drift from the code. */
class ConfigDocsTest {

  @Test
  void theConfigurationReferenceIsUpToDate() throws Exception {
    Path docs = Path.of("..", "docs", "configuration.md");
    assertThat(Files.exists(docs)).as("docs/configuration.md exists").isTrue();
    assertThat(Files.readString(docs))
        .as("docs/configuration.md is stale: run ./tributary config-docs > docs/configuration.md")
        .isEqualTo(ConfigDocs.markdown());
  }

  @Test
  void everyKeyIsDocumentedWithItsTypeAndDefault() {
    String markdown = ConfigDocs.markdown();
    for (ConfigKey<?> key : ConfigKeys.all()) {
      assertThat(markdown).contains("| `" + key.name().replace("*", "<dataset>") + "` | " + key.type().describe());
      assertThat(key.doc()).as(key.name()).isNotBlank();
    }
  }
}
