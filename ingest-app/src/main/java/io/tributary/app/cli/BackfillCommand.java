package io.tributary.app.cli;

import io.tributary.app.backfill.Backfill;
import io.tributary.app.config.ConfigLoader;
import io.tributary.app.config.ServiceConfig;
import io.tributary.app.catalog.TableFormats;
import io.tributary.catalog.CatalogSync;
import io.tributary.landing.Backoff;
import io.tributary.landing.Landing;
import io.tributary.store.ObjectStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tributary backfill}: JSON-lines files into the same datasets, schema history and error prefix. */
@Command(name = "backfill", mixinStandardHelpOptions = true, description = {
    "Land JSON-lines files (one JSON object per line; .json, .jsonl, .ndjson, also .gz) into the datasets of a "
        + "configuration, with the same schema history, partitioning and error handling as the service.",
    "Each file is a source partition and each line a record at its line number, so running the same backfill "
        + "again lands nothing twice.",
    "It reads only files: the configuration's source (kafka.*, kinesis.*) is not needed.",
    "Example: tributary backfill --config tributary.yaml --stream orders exports/orders/"})
final class BackfillCommand implements Callable<Integer> {

  @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "The configuration.")
  Path config;

  @Option(names = {"-s", "--stream"}, required = true, paramLabel = "NAME",
      description = "The topic (stream) the records belong to: it picks their dataset as routing does for the topic.")
  String stream;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders.")
  List<Path> paths;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ServiceConfig service = ServiceConfig.withoutSource(ConfigLoader.standard().load(config));
    service.requireLakeSinks();
    List<Path> files;
    try {
      files = Backfill.files(paths);
    } catch (IOException e) {
      throw new CommandFailure("backfill: " + Causes.describe(e));
    }
    ObjectStore store = service.openStore();
    Landing landing = new Landing(service.landingSettings(), store, Clock.systemUTC(), Backoff.exponential(), null,
        CatalogSync.none(), TableFormats.open(service, store));
    Backfill.Result result;
    try {
      result = new Backfill(landing, service.landingSettings().limits().maxRecordBytes()).run(stream, files);
    } finally {
      landing.close();
    }
    spec.commandLine().getOut().printf("Backfilled %d files, %d records into %s: %d landed, %d to the error "
        + "prefix, %d already there%n", result.files(), result.lines(), service.storeDescription(), result.landed(),
        result.errors(), result.duplicates());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
