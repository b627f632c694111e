package io.tributary.app.cli;

import io.tributary.schema.HistoryEntry;
import io.tributary.schema.SchemaChange;
import io.tributary.schema.SchemaHistory;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tributary schemas DATASET}: the versions of a dataset's schema and what changed in each. */
@Command(name = "schemas", mixinStandardHelpOptions = true, description = {"Print a dataset's schema versions, when and by whom each was made, and "
    + "the columns each added (with their Athena types and original field names).",
    "With --advise: the rescue hot spots of a dataset (or of all): the field paths whose values went to _rescued, "
        + "what they were, and the override (datasets.<name>.overrides) that would keep them in a column.",
    "Examples: tributary schemas --lake lake orders; tributary schemas --config tributary.yaml --advise"})
final class SchemasCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "DATASET",
      description = "The dataset, as it lands (e.g. orders); optional with --advise.")
  String dataset;

  @Option(names = "--advise", description = "Report the rescue hot spots and the overrides that would keep them.")
  boolean advise;

  @Option(names = {"-d", "--dataset"}, paramLabel = "NAME", description = "The dataset (the same as DATASET).")
  String datasetOption;

  @Mixin
  LakeOptions lakeOptions = new LakeOptions();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws SQLException {
    LakeOptions.Lake lake = lakeOptions.open();
    PrintWriter out = spec.commandLine().getOut();
    String dataset = datasetOption != null ? datasetOption : this.dataset;
    if (advise) {
      int read = new RescueReport(lake, out).print(Optional.ofNullable(dataset));
      out.flush();
      if (read == 0) {
        spec.commandLine().getErr().println("No data files" + (dataset == null ? "" : " of dataset '" + dataset + "'")
            + " in " + lake.description());
        return 1;
      }
      return 0;
    }
    if (dataset == null) {
      throw new CommandFailure("schemas: name a dataset (tributary schemas DATASET), or use --advise");
    }
    List<HistoryEntry> entries = new SchemaHistory(lake.store(), lake.prefix(), "cli", Clock.systemUTC())
        .entries(dataset);
    if (entries.isEmpty()) {
      spec.commandLine().getErr().println("No schema versions of dataset '" + dataset + "' in " + lake.description());
      return 1;
    }
    for (HistoryEntry entry : entries) {
      out.printf("v%d  %s  by %s  (%d changes)%n", entry.schema().version(), entry.createdAt(), entry.createdBy(),
          entry.changes().size());
      for (SchemaChange change : entry.changes()) {
        boolean renamed = change.originalName() != null && !change.path().endsWith(change.originalName());
        out.printf("    + %-40s %s%s%n", change.path(), change.type(),
            renamed ? "   (from field \"" + change.originalName() + "\")" : "");
      }
    }
    out.flush();
    return 0;
  }
}
