package io.tributary.app.cli;

import io.tributary.schema.HistoryEntry;
import io.tributary.schema.SchemaChange;
import io.tributary.schema.SchemaHistory;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code tributary schemas DATASET}: the versions of a dataset's schema and what changed in each. */
@Command(name = "schemas", mixinStandardHelpOptions = true, description = {"Print a dataset's schema versions, when and by whom each was made, and "
    + "the columns each added (with their Athena types and original field names)."})
final class SchemasCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "DATASET", description = "The dataset, as it lands (e.g. orders).")
  String dataset;

  @Mixin
  LakeOptions lakeOptions = new LakeOptions();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    LakeOptions.Lake lake = lakeOptions.open();
    PrintWriter out = spec.commandLine().getOut();
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
