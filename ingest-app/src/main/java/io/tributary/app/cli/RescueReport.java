package io.tributary.app.cli;

import io.tributary.app.query.LakeQuery;
import io.tributary.iceberg.scan.TableSnapshots;
import io.tributary.app.query.Selection;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.MetadataColumns;
import io.tributary.schema.RescueAdvice;
import io.tributary.schema.SchemaHistory;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code tributary schemas --advise}: the rescue hot spots of each dataset ({@link RescueAdvice}), read from the
 * {@code _rescued} column of its files with DuckDB, each with the override that would keep its values.
 */
final class RescueReport {
  private final LakeOptions.Lake lake;
  private final PrintWriter out;

  RescueReport(LakeOptions.Lake lake, PrintWriter out) {
    this.lake = lake;
    this.out = out;
  }

  /**
   * Prints the hot spots of {@code dataset}, or of every dataset when empty.
   *
   * @return how many datasets were read
   */
  int print(Optional<String> dataset) throws SQLException {
    Selection selection = new Selection(dataset.map(Set::of).orElse(Set.of()), Optional.empty());
    SchemaHistory history = new SchemaHistory(lake.store(), lake.prefix(), "cli", Clock.systemUTC());
    try (TableSnapshots tables = lake.tables();
        LakeQuery query = LakeQuery.open(lake.store(), lake.prefix(), lake.errorPrefix(), lake.folder(), selection,
            tables, note -> { })) {
      for (String name : query.datasets()) {
        Optional<DatasetSchema> schema = history.latest(name);
        if (schema.isPresent()) {
          print(name, schema.get(), query);
        }
      }
      return query.datasets().size();
    }
  }

  private void print(String dataset, DatasetSchema schema, LakeQuery query) throws SQLException {
    RescueAdvice advice = new RescueAdvice(schema);
    LakeQuery.Result rows = query.run("SELECT " + MetadataColumns.RESCUED + " FROM \"" + dataset + "\" WHERE "
        + MetadataColumns.RESCUED + " IS NOT NULL");
    rows.rows().forEach(row -> advice.add((String) row.get(0)));
    List<RescueAdvice.HotSpot> spots = advice.hotSpots();
    out.printf("%s (v%d): %d rows with rescued values%s%n", dataset, schema.version(), rows.rows().size(),
        spots.isEmpty() ? ", nothing to advise" : ", " + spots.size() + " field paths:");
    for (RescueAdvice.HotSpot spot : spots) {
      String kinds = spot.kinds().entrySet().stream().sorted(Map.Entry.comparingByKey())
          .map(k -> k.getValue() + " " + k.getKey()).collect(Collectors.joining(", "));
      out.printf("  %-30s %-8s %6d values (%s)%n      override: %s%n", spot.path(),
          spot.column() == null ? "-" : spot.column(), spot.values(), kinds, spot.advice());
    }
    if (advice.unreadable() > 0) {
      out.printf("  %d rows whose _rescued is not a JSON object (written by something else?)%n", advice.unreadable());
    }
  }
}
