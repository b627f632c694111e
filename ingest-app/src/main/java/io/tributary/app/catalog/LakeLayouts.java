package io.tributary.app.catalog;

import io.tributary.app.config.ServiceConfig;
import io.tributary.catalog.CatalogLayout;
import io.tributary.config.CoreKeys;
import io.tributary.landing.LandingSettings;
import io.tributary.partition.EventTimeFormat;
import io.tributary.partition.Granularity;
import io.tributary.partition.PartitionSpec;
import io.tributary.store.ObjectKeys;
import io.tributary.store.ObjectStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@link CatalogLayout} of a configured service, or of a local lake read from its folders. */
public final class LakeLayouts {
  private LakeLayouts() {}

  /** The layout a configured service writes: its roots, each dataset's partitions, its table prefix. */
  public static CatalogLayout of(ServiceConfig service) {
    LandingSettings landing = service.landingSettings();
    String root = service.localLake()
        .map(folder -> folder.toAbsolutePath().normalize().toUri().toString())
        .orElseGet(() -> "s3://" + service.config().find(CoreKeys.S3_BUCKET).orElseThrow() + "/");
    return new CatalogLayout(under(root, landing.prefix()), under(root, landing.errorPrefix()),
        dataset -> landing.datasets().apply(dataset).partitioning(), landing.errorGranularity(),
        service.catalogSettings().tablePrefix());
  }

  /**
   * The layout of a local lake with no configuration at hand (prefix empty, errors under {@code _errors}): each
   * dataset's partition keys are read from the path of one of its files ({@code year=/month=/day=/region=}), so
   * the tables match what was written whatever its configuration was; a dataset without files gets the default
   * layout (hourly, no field keys).
   */
  public static CatalogLayout ofFolder(Path folder, ObjectStore store) {
    String root = folder.toAbsolutePath().normalize().toUri().toString();
    return new CatalogLayout(root, under(root, "_errors"), dataset -> readLayout(store, dataset),
        readLayout(store, "_errors").granularity(), "");
  }

  /** The partition keys of the files under {@code folder}, read from the path of the first one. */
  static PartitionSpec readLayout(ObjectStore store, String folder) {
    Optional<String> file = store.list(folder + "/").stream().filter(k -> k.endsWith(".parquet")).findFirst();
    if (file.isEmpty()) {
      return PartitionSpec.defaults();
    }
    String[] segments = file.get().substring(folder.length() + 1).split("/");
    List<String> timeKeys = new ArrayList<>();
    List<String> extraKeys = new ArrayList<>();
    for (int i = 0; i < segments.length - 1; i++) {
      int eq = segments[i].indexOf('=');
      String name = eq > 0 ? segments[i].substring(0, eq) : null;
      if (name != null) {
        (Granularity.TIME_KEY_NAMES.contains(name) ? timeKeys : extraKeys).add(name);
      }
    }
    Granularity granularity = timeKeys.isEmpty() ? Granularity.DEFAULT
        : Granularity.fromConfig(timeKeys.get(timeKeys.size() - 1));
    return new PartitionSpec(null, EventTimeFormat.DEFAULT, granularity, extraKeys);
  }

  private static String under(String root, String prefix) {
    return prefix.isEmpty() ? root : root + ObjectKeys.join(prefix) + "/";
  }
}
