package io.tributary.app.cli;

import io.tributary.app.config.ConfigLoader;
import io.tributary.app.config.ServiceConfig;
import io.tributary.app.replay.Replay;
import io.tributary.app.replay.ReplayFilter;
import io.tributary.app.replay.ReplaySummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tributary replay}: error rows back through the current configuration, exactly once (DESIGN §17). */
@Command(name = "replay", mixinStandardHelpOptions = true, description = {
    "Re-run the records of the error prefix through the current configuration (after raising "
        + "limits.max-record-bytes, moving a dataset from strict to evolve, adding routing.fallback-dataset ...), "
        + "from their raw payload and original source coordinates.",
    "What fits now lands exactly once: a second replay, or one after a crash, lands nothing twice. What still "
        + "fails stays in the error prefix and is counted; it gets no second error row. The originals are never "
        + "deleted.",
    "Times select whole error folders (an hour by default): every row of a folder with a row in the range.",
    "Example: tributary replay --config tributary.yaml --error-type OVERSIZE --dry-run"})
final class ReplayCommand implements Callable<Integer> {

  @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "The configuration.")
  Path config;

  @Option(names = {"-d", "--dataset"}, paramLabel = "NAME",
      description = "Only the error rows of this dataset (_unrouted: records no dataset was chosen for).")
  String dataset;

  @Option(names = {"-t", "--error-type"}, paramLabel = "TYPE",
      description = "Only rows of this error type: DECODE, OVERSIZE, TOO_DEEP, EVENT_TIME, SCHEMA, ROUTING.")
  String errorType;

  @Option(names = "--since", paramLabel = "TIME",
      description = "Only rows from this source time on: 2026-12-06, 2026-12-06T10 (UTC) or 2026-12-06T10:30:00Z.")
  String since;

  @Option(names = "--until", paramLabel = "TIME", description = "Only rows before this source time (same forms).")
  String until;

  @Option(names = "--dry-run", description = "Count what would land and what would still fail; write nothing.")
  boolean dryRun;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ReplayFilter filter;
    try {
      filter = ReplayFilter.of(dataset, errorType, since, until);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(e.getMessage());
    }
    ServiceConfig service = ServiceConfig.withoutSource(ConfigLoader.standard().load(config));
    ReplaySummary summary = new Replay(service.landingSettings(), service.openStore(), Clock.systemUTC())
        .run(filter, dryRun);
    PrintWriter out = spec.commandLine().getOut();
    summary.lines(service.storeDescription()).forEach(out::println);
    out.flush();
    return 0;
  }
}
