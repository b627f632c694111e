package io.tributary.app.cli;

import io.tributary.app.query.LakeQuery;
import io.tributary.app.query.ResultFormat;
import io.tributary.app.query.Selection;
import io.tributary.iceberg.scan.TableSnapshots;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tributary query SQL}: DuckDB over the lake, one view per dataset and {@code errors}. */
@Command(name = "query", mixinStandardHelpOptions = true, description = {"Run SQL over the lake with DuckDB. Each dataset is a view of the same "
    + "name (Hive partitions as columns, every schema version read as the latest); `errors` holds the error rows.",
    "year, month, day and hour are INTEGER, other partition columns VARCHAR; _offset is BIGINT when every offset "
        + "of the view is a 64-bit number (Kafka), else VARCHAR (Kinesis sequence numbers).",
    "An Iceberg dataset's view reads the data files of its table's current snapshot, through the catalog of "
        + "--config (with --lake alone an Iceberg table gets no view).",
    "A lake in S3 is downloaded to a temporary folder first: --dataset and --since keep that to what you need.",
    "Example: tributary query --lake ./lake \"SELECT count(*) FROM orders\""})
final class QueryCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "1", paramLabel = "SQL", description = "The SQL (required). Statements without "
      + "a result (COPY ... TO 'out.parquet', SET ...) run and print what they changed.")
  String sql;

  @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "table|csv|json",
      converter = FormatConverter.class,
      description = "table (default), csv (RFC 4180, a header line) or json (one object per row and line).")
  ResultFormat format;

  @Option(names = {"-w", "--max-width"}, defaultValue = "60", paramLabel = "N",
      description = "Cut table cells longer than N characters (default 60; 0: never cut).")
  int maxWidth;

  @Option(names = {"-d", "--dataset"}, paramLabel = "NAME", split = ",",
      description = "Read only these datasets (repeat or comma-separate; errors are kept for them only).")
  List<String> datasets = List.of();

  @Option(names = "--since", paramLabel = "YYYY-MM-DD[THH]",
      description = "Read only partitions from this UTC day or hour on.")
  String since;

  @Mixin
  LakeOptions lakeOptions = new LakeOptions();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Reads --format with the allowed values named when a value is wrong. */
  static final class FormatConverter implements CommandLine.ITypeConverter<ResultFormat> {
    @Override
    public ResultFormat convert(String value) {
      try {
        return ResultFormat.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a format: allowed table, csv, json");
      }
    }
  }

  @Override
  public Integer call() throws SQLException {
    try {
      Class.forName("org.duckdb.DuckDBDriver");
    } catch (ClassNotFoundException e) {
      throw new CommandFailure("This jar has no DuckDB (the service image's jar leaves it out): run `query` from a "
          + "clone with ./tributary query --config FILE, or query the Glue tables with Athena");
    }
    Selection selection = new Selection(Set.copyOf(datasets), Optional.ofNullable(since).map(QueryCommand::hour));
    LakeOptions.Lake lake = lakeOptions.open();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (TableSnapshots tables = lake.tables();
        LakeQuery query = LakeQuery.open(lake.store(), lake.prefix(), lake.errorPrefix(), lake.folder(),
            selection, tables, note -> {
              err.println(note);
              err.flush();
            })) {
      try {
        LakeQuery.Result result = query.run(sql);
        if (result.columns().isEmpty()) {
          err.println("OK" + (result.updated().isPresent() ? ": " + result.updated().getAsLong() + " rows" : ""));
        } else {
          out.print(format.render(result, maxWidth));
        }
      } catch (SQLException e) {
        err.println("Query failed: " + Causes.describe(e)
            + "\nDatasets (views): " + String.join(", ", query.datasets()) + (query.datasets().isEmpty()
                ? "(none in " + lake.description() + (selection.all() ? "" : " for --dataset/--since") + ")" : "")
            + (query.hasErrors() ? "; errors" : ""));
        return 1;
      }
    }
    out.flush();
    return 0;
  }

  private static LocalDateTime hour(String text) {
    try {
      return text.length() <= 10 ? LocalDate.parse(text).atStartOfDay()
          : LocalDateTime.parse(text.length() == 13 ? text + ":00" : text);
    } catch (DateTimeParseException e) {
      throw new CommandFailure("Invalid --since '" + text + "': give a UTC day or hour such as 2025-11-21 or "
          + "2025-11-21T06");
    }
  }
}
