package io.tributary.app.cli;

import io.tributary.app.config.ConfigLoader;
import io.tributary.app.config.ServiceConfig;
import io.tributary.app.logging.LogFormat;
import io.tributary.app.service.Service;
import io.tributary.app.metrics.MetricsRegistries;
import io.tributary.source.GracefulStop;
import io.tributary.source.SourceState;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tributary run --config FILE}: the service. */
@Command(name = "run", mixinStandardHelpOptions = true, description = {
    "Run the service: read the source, land Parquet and error files, serve /healthz, /readyz and /metrics.",
    "SIGTERM drains (rolls, uploads, commits) and exits 0; a second SIGTERM or shutdown.deadline exits 2.",
    "Logs go to stdout: JSON lines with ISO-8601 timestamps, or plain lines with --log-format plain (or "
        + "TRIBUTARY_LOG_FORMAT=plain).",
    "A bad configuration stops the start (exit 2) naming each bad key."})
final class RunCommand implements Callable<Integer> {

  /** Reads --log-format with the allowed values named when a value is wrong. */
  static final class LogFormatConverter implements CommandLine.ITypeConverter<LogFormat> {
    @Override
    public LogFormat convert(String value) {
      try {
        return LogFormat.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE",
      description = "The YAML configuration (see docs/configuration.md and examples/).")
  Path config;

  @Option(names = "--log-format", paramLabel = "json|plain", converter = LogFormatConverter.class,
      description = "json (default: one object per line, for CloudWatch Logs) or plain (for a terminal); "
          + "default from the environment variable " + LogFormat.ENV + ".")
  LogFormat logFormat;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (logFormat == null && LogFormat.of(java.util.List.of(), System.getenv(LogFormat.ENV)).isEmpty()) {
      throw new CommandFailure("Invalid " + LogFormat.ENV + " '" + System.getenv(LogFormat.ENV)
          + "': allowed json, plain");
    }
    ServiceConfig service = ServiceConfig.of(ConfigLoader.standard().load(config));
    Service running = Service.start(service, MetricsRegistries.create(service.metricsSettings()));
    GracefulStop stop = new GracefulStop(service.shutdownDeadline(),
        () -> running.drain(service.shutdownDeadline().minusSeconds(1)),
        status -> Runtime.getRuntime().halt(status));
    stop.install();
    while (true) {
      if (running.source().state() == SourceState.FAILED) {
        LOG.error("The source failed; exiting 1 (records not yet committed are read again after the restart)");
        return 1;
      }
      Thread.sleep(500);
    }
  }
}
