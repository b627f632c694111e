package io.tributary.app;

import io.tributary.app.cli.TributaryCommand;
import io.tributary.app.logging.LogFormat;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/** The {@code tributary} command line: see {@link TributaryCommand} for the commands. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("run") && System.getProperty("logback.configurationFile") == null) {
      // The service logs on stdout (JSON lines unless --log-format plain); the other commands talk to a person.
      // A bad format is left to the run command, which names it.
      LogFormat.of(List.of(args), System.getenv(LogFormat.ENV))
          .ifPresent(format -> System.setProperty("logback.configurationFile", format.logbackFile()));
    }
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs one command line; returns its exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = TributaryCommand.commandLine();
    cli.setOut(out);
    cli.setErr(err);
    return cli.execute(args);
  }
}
