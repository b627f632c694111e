package io.tributary.app.cli;

import io.tributary.app.catalog.LakeLayouts;
import io.tributary.app.catalog.LakeTables;
import io.tributary.app.config.ConfigLoader;
import io.tributary.app.config.ServiceConfig;
import io.tributary.catalog.CatalogLayout;
import io.tributary.catalog.hive.DdlDialect;
import io.tributary.catalog.hive.HiveDdl;
import io.tributary.catalog.hive.HiveTable;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tributary ddl}: the CREATE statements of the lake's tables, from the schema history. */
@Command(name = "ddl", mixinStandardHelpOptions = true, description = {"Print the CREATE EXTERNAL TABLE of each "
    + "dataset (or one) at its latest schema version, for creating the tables by hand when the engine does not "
    + "keep them in Glue (catalog.type: none).",
    "athena: with partition projection (no partition maintenance); spark, trino: followed by the statement that "
        + "registers the partitions written so far (MSCK REPAIR TABLE, system.sync_partition_metadata), to run "
        + "again when new ones appear.",
    "With --lake the partition keys are read from the files' paths; with --config from the configuration."})
final class DdlCommand implements Callable<Integer> {

  @Option(names = "--dataset", paramLabel = "NAME", description = "Only this dataset.")
  String dataset;

  @Option(names = "--dialect", paramLabel = "DIALECT", defaultValue = "athena",
      description = "athena (default), spark or trino.")
  String dialect;

  @Mixin
  LakeOptions lakeOptions = new LakeOptions();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    DdlDialect chosen;
    try {
      chosen = DdlDialect.fromWord(dialect);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 2;
    }
    LakeOptions.Lake lake = lakeOptions.open();
    CatalogLayout layout = lakeOptions.config != null
        ? LakeLayouts.of(ServiceConfig.withoutSource(ConfigLoader.standard().load(lakeOptions.config)))
        : LakeLayouts.ofFolder(lake.folder().orElseThrow(), lake.store());
    LakeTables tables = new LakeTables(lake.store(), lake.prefix(), layout);
    List<String> datasets = dataset == null ? tables.datasets() : List.of(dataset);
    PrintWriter out = spec.commandLine().getOut();
    for (String name : datasets) {
      Optional<HiveTable> table = tables.table(name);
      if (table.isEmpty()) {
        spec.commandLine().getErr().println("No schema versions of dataset '" + name + "' in " + lake.description());
        return 1;
      }
      out.println("-- dataset " + name + ", schema version " + table.get().schemaVersion());
      out.println(HiveDdl.of(table.get(), chosen));
    }
    if (dataset == null) {
      if (chosen == DdlDialect.ATHENA) {
        out.println("-- the error files");
        out.println(HiveDdl.of(tables.errorsTable(), chosen));
      } else {
        out.println("-- the error files: their first folder is the dataset's bare name (not key=value), which only "
            + "Athena's partition projection reads as a partition; read them with `tributary query` (view "
            + "`errors`) or in Athena");
      }
    }
    out.flush();
    return 0;
  }
}
