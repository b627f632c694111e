package io.tributary.app.cli;

import io.tributary.app.config.ConfigException;
import io.tributary.config.DidYouMean;
import io.tributary.app.demo.DemoCommand;
import io.tributary.app.demo.DevKafkaCommand;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top command: its subcommands are the user's commands (DESIGN §10). */
@Command(name = "tributary", mixinStandardHelpOptions = true, versionProvider = TributaryCommand.Version.class,
    description = "Lands JSON event streams from Kafka (Amazon MSK or any Kafka) or Amazon Kinesis Data Streams in "
        + "S3 or a folder as Hive-partitioned Parquet, with schema evolution and an error prefix for what cannot "
        + "land.",
    subcommands = {TributaryCommand.VersionCommand.class, RunCommand.class, DemoCommand.class, DevKafkaCommand.class,
        BackfillCommand.class, ReplayCommand.class, QueryCommand.class, SchemasCommand.class, DdlCommand.class,
        MaintainCommand.class, HealthCommand.class,
        ConfigDocsCommand.class, CommandLine.HelpCommand.class})
public final class TributaryCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * The command line with its error handling: configuration errors and {@link CommandFailure}s are printed plainly,
   * exit status 2; an unknown command is named with the closest known one, exit status 2, even with {@code --help}.
   */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new TributaryCommand());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof ConfigException || e instanceof CommandFailure) {
        commandLine.getErr().println(e.getMessage());
        return 2;
      }
      throw e;
    });
    CommandLine.IParameterExceptionHandler parameterErrors = cli.getParameterExceptionHandler();
    cli.setParameterExceptionHandler((e, args) -> {
      Optional<Integer> unknown = unknownCommand(e.getCommandLine(),
          e instanceof CommandLine.UnmatchedArgumentException u ? u.getUnmatched() : List.of());
      return unknown.isPresent() ? unknown.get() : parameterErrors.handleParseException(e, args);
    });
    CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
    cli.setExecutionStrategy(parseResult -> unknownCommand(parseResult.commandSpec().commandLine(),
        parseResult.unmatched()).orElseGet(() -> run.execute(parseResult)));
    return cli;
  }

  /** This build's version, from the jar's manifest. */
  public static String version() {
    String version = TributaryCommand.class.getPackage().getImplementationVersion();
    return version == null ? "development build" : version;
  }

  /** When the first unmatched word stands where a command goes: says so (with a suggestion) and gives 2. */
  private static Optional<Integer> unknownCommand(CommandLine command, List<String> unmatched) {
    if (command.getSubcommands().isEmpty() || unmatched.isEmpty() || unmatched.get(0).startsWith("-")) {
      return Optional.empty();
    }
    String typed = unmatched.get(0);
    command.getErr().println("Unknown command '" + typed + "'"
        + DidYouMean.suggest(typed, command.getSubcommands().keySet()).map(s -> ": did you mean '" + s + "'?").orElse(".")
        + " Commands: " + String.join(", ", command.getSubcommands().keySet()) + " (`" + command.getCommandName()
        + " --help` tells what each does).");
    return Optional.of(2);
  }

  /** {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"tributary " + version()};
    }
  }

  /** The version subcommand for scripts that prefer words to flags. */
  @Command(name = "version", mixinStandardHelpOptions = true, description = "Print the version.")
  static final class VersionCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().getOut().println("tributary " + version());
    }
  }
}
