package io.tributary.app;

import java.io.PrintStream;

/**
 * The {@code tributary} command. Today it knows {@code version} and {@code help}; the service commands ({@code run},
 * {@code demo}, {@code backfill}, {@code query}, {@code schemas}, {@code health}) arrive with the service issue.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String command = args.length == 0 ? "help" : args[0];
    switch (command) {
      case "version", "--version", "-V" -> {
        out.println("tributary " + version());
        return 0;
      }
      case "help", "--help", "-h" -> {
        out.println("""
            Usage: tributary <command>

            Lands JSON event streams from Kafka or Kinesis in S3 as Hive-partitioned Parquet.

            Commands available in this build:
              version   print the version
              help      print this help
            """);
        return 0;
      }
      default -> {
        err.println("tributary: unknown command '" + command + "'. Commands: version, help.");
        return 2;
      }
    }
  }

  static String version() {
    String version = Main.class.getPackage().getImplementationVersion();
    return version == null ? "development build" : version;
  }
}
