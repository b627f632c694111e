package io.tributary.app;

import io.tributary.app.cli.TributaryCommand;
import java.io.PrintWriter;
import picocli.CommandLine;

/** The {@code tributary} command line: see {@link TributaryCommand} for the commands. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("run") && System.getProperty("logback.configurationFile") == null) {
      // The service logs JSON lines on stdout; the other commands talk to a person.
      System.setProperty("logback.configurationFile", "logback-run.xml");
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
