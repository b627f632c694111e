package io.tributary.app.demo;

import io.tributary.app.query.LakeQuery;
import io.tributary.iceberg.scan.TableSnapshots;
import io.tributary.layout.LakeLayout;
import io.tributary.schema.HistoryEntry;
import io.tributary.schema.SchemaHistory;
import io.tributary.store.LocalFileStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** What the demo prints at the end: what landed, read back with DuckDB, and how one dataset's schema grew. */
final class DemoReport {

  private final PrintWriter out;
  private final Path lake;

  DemoReport(PrintWriter out, Path lake) {
    this.out = out;
    this.lake = lake;
  }

  /**
   * Prints what landed; returns how many records landed in data and error files together.
   *
   * @param tables the Iceberg tables of the demo (read at their current snapshot), or none
   */
  long landed(DemoTraffic.Counts produced, TableSnapshots tables) throws Exception {
    try (LakeQuery query = LakeQuery.open(new LocalFileStore(lake), "", "_errors", Optional.of(lake), tables)) {
      out.printf("%-16s %8s %8s %9s %8s %6s%n", "dataset", "rows", "columns", "versions", "rescued", "files");
      long rows = 0;
      for (String dataset : query.datasets()) {
        List<List<Object>> r = query.run("SELECT count(*), count(_rescued) FROM \"" + dataset + "\"").rows();
        long n = ((Number) r.get(0).get(0)).longValue();
        long rescued = ((Number) r.get(0).get(1)).longValue();
        int columns = query.run("DESCRIBE \"" + dataset + "\"").rows().size();
        long versions = DemoLake.countFiles(lake.resolve(LakeLayout.SCHEMAS_FOLDER).resolve(dataset));
        // Files per dataset: what rolling.max-age costs readers (docs/operations.md, "Files per day").
        long files = DemoLake.countDataFiles(lake.resolve(dataset));
        out.printf("%-16s %8d %8d %9d %8d %6d%n", dataset, n, columns, versions, rescued, files);
        rows += n;
      }
      long errors = 0;
      if (query.datasets().size() > 0) {
        try {
          out.println();
          out.print(query.run("SELECT error_type, count(*) AS records, any_value(error_message) AS example "
              + "FROM errors GROUP BY 1 ORDER BY 2 DESC").table());
          errors = ((Number) query.run("SELECT count(*) FROM errors").rows().get(0).get(0)).longValue();
        } catch (java.sql.SQLException e) {
          out.println("(no error files)");
        }
      }
      out.printf("%nProduced %d events (%d broken); landed %d rows in %d datasets and %d error rows: %s%n",
          produced.total(), produced.bad(), rows, query.datasets().size(), errors,
          rows + errors == produced.total() ? "every event exactly once" : "MISMATCH");
      return rows + errors;
    }
  }

  /** How one dataset's schema grew, as {@code tributary schemas} prints it. */
  void history(String dataset) {
    List<HistoryEntry> entries = new SchemaHistory(new LocalFileStore(lake), "", "demo", Clock.systemUTC())
        .entries(dataset);
    out.printf("%nHow the schema of '%s' evolved (tributary schemas --lake %s %s):%n", dataset, lake, dataset);
    for (HistoryEntry entry : entries) {
      out.printf("  v%d  %s%n", entry.schema().version(), String.join(", ", entry.changes().stream()
          .map(c -> c.path() + " " + c.type() + (c.originalName() != null && !c.path().endsWith(c.originalName())
              ? " (from \"" + c.originalName() + "\")" : "")).toList()));
    }
  }
}
