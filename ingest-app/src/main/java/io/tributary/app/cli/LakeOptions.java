package io.tributary.app.cli;

import io.tributary.app.config.ConfigLoader;
import io.tributary.app.config.IcebergWiring;
import io.tributary.app.config.ServiceConfig;
import io.tributary.app.query.LakeQuery;
import io.tributary.iceberg.scan.TableSnapshots;
import io.tributary.landing.LandingSettings;
import io.tributary.store.LocalFileStore;
import io.tributary.store.ObjectStore;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the lake is, for the commands that read it: a configuration file, or a folder. */
final class LakeOptions {

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "The service's configuration: its store, prefix and error prefix.")
  Path config;

  @Option(names = {"-l", "--lake"}, paramLabel = "DIR",
      description = "A local lake folder (prefix empty, errors under _errors). Default: ./lake")
  Path lake;

  /** The store, the data prefix and the error prefix. */
  Lake open() {
    if (config != null) {
      ServiceConfig service = ServiceConfig.withoutSource(ConfigLoader.standard().load(config));
      LandingSettings landing = service.landingSettings();
      return new Lake(service.openStore(), landing.prefix(), landing.errorPrefix(), service.storeDescription(),
          service.localLake(), service.iceberg());
    }
    Path folder = lake == null ? Path.of("lake") : lake;
    return new Lake(new LocalFileStore(folder), "", "_errors", folder.toAbsolutePath().normalize().toString(),
        Optional.of(folder), Optional.empty());
  }

  /** The lake: its store and prefixes, its folder when it is local, and its Iceberg catalog if it has one. */
  record Lake(ObjectStore store, String prefix, String errorPrefix, String description, Optional<Path> folder,
      Optional<IcebergWiring> iceberg) {

    /** Its Iceberg tables, through the catalog opened now (to close); {@link TableSnapshots#NONE} without one. */
    TableSnapshots tables() {
      return LakeQuery.tables(iceberg, store);
    }
  }
}
