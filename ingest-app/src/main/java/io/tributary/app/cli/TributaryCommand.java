package io.tributary.app.cli;

import io.tributary.app.Main;
import io.tributary.app.config.ConfigException;
import io.tributary.app.demo.DemoCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top command: its subcommands are the user's commands (DESIGN §10). */
@Command(name = "tributary", mixinStandardHelpOptions = true, versionProvider = TributaryCommand.Version.class,
    description = "Lands JSON event streams from Kafka (or Amazon MSK) in S3 or a folder as Hive-partitioned "
        + "Parquet, with schema evolution and an error prefix for what cannot land.",
    subcommands = {TributaryCommand.VersionCommand.class, RunCommand.class, DemoCommand.class, BackfillCommand.class, QueryCommand.class, SchemasCommand.class, DdlCommand.class, HealthCommand.class,
        ConfigDocsCommand.class, CommandLine.HelpCommand.class})
public final class TributaryCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The command line with its error handling: configuration errors are printed plainly, exit status 2. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new TributaryCommand());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof ConfigException) {
        commandLine.getErr().println(e.getMessage());
        return 2;
      }
      throw e;
    });
    return cli;
  }

  /** {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"tributary " + Main.version()};
    }
  }

  /** The version subcommand for scripts that prefer words to flags. */
  @Command(name = "version", mixinStandardHelpOptions = true, description = "Print the version.")
  static final class VersionCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().getOut().println("tributary " + Main.version());
    }
  }
}
