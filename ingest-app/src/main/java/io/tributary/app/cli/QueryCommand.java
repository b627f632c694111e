package io.tributary.app.cli;

import io.tributary.app.query.LakeQuery;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code tributary query SQL}: DuckDB over the lake, one view per dataset and {@code errors}. */
@Command(name = "query", mixinStandardHelpOptions = true, description = {"Run SQL over the lake with DuckDB. Each dataset is a view of the same "
    + "name (Hive partitions as columns, every schema version read as the latest); `errors` holds the error rows.",
    "Example: tributary query --lake ./lake \"SELECT count(*) FROM orders\""})
final class QueryCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "SQL", description = "The query. Without it: the datasets and their rows.")
  String sql;

  @Mixin
  LakeOptions lakeOptions = new LakeOptions();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws SQLException {
    LakeOptions.Lake lake = lakeOptions.open();
    PrintWriter out = spec.commandLine().getOut();
    try (LakeQuery query = LakeQuery.open(lake.store(), lake.prefix(), lake.errorPrefix(), lake.folder())) {
      try {
        out.print(query.run(sql).table());
      } catch (SQLException e) {
        spec.commandLine().getErr().println("Query failed: " + e.getMessage().lines().findFirst().orElse("")
            + "\nDatasets (views): " + String.join(", ", query.datasets()) + (query.datasets().isEmpty()
                ? "(none in " + lake.description() + ")" : "") + "; errors");
        return 1;
      }
    }
    out.flush();
    return 0;
  }
}
