package io.tributary.app.chaos;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Iceberg lakes of a chaos test class, one per scenario, their catalogs stopped after the class: register it
 * with {@code @RegisterExtension static final IcebergLakes lakes = new IcebergLakes();}.
 */
final class IcebergLakes implements AfterAllCallback {
  private final Map<String, IcebergLake> lakes = new ConcurrentHashMap<>();

  /** Opens the lake of {@code scenario} in {@code root}. */
  IcebergLake open(Path root, String scenario) {
    IcebergLake lake = IcebergLake.open(root.resolve("iceberg-" + scenario));
    lakes.put(scenario, lake);
    return lake;
  }

  IcebergLake get(String scenario) {
    return lakes.get(scenario);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    lakes.values().forEach(IcebergLake::close);
    lakes.clear();
  }
}
