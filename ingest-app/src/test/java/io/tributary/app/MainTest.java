package io.tributary.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The command line's surface: version, help, and a mistyped command named with a suggestion. */
class MainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void versionPrintsTheNameAndExitsZero() {
    assertThat(run("version")).isZero();
    assertThat(out.toString()).startsWith("tributary ");
    assertThat(run("--version")).isZero();
  }

  @Test
  void noArgumentsPrintsTheCommandsWithWhatEachDoes() {
    assertThat(run()).isZero();
    assertThat(out.toString()).contains("Usage: tributary", "run", "query", "schemas", "health", "version",
        "Run the service");
  }

  @Test
  void everyCommandExplainsItselfWithHelp() {
    for (String command : new String[] {"run", "demo", "dev-kafka", "backfill", "replay", "query", "schemas", "health", "config-docs",
        "version"}) {
      out.getBuffer().setLength(0);
      java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
      java.io.PrintStream stderr = System.err;
      System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
      try {
        assertThat(run(command, "--help")).as(command).isZero();
      } finally {
        System.setErr(stderr);
      }
      assertThat(out.toString()).as(command).contains("Usage: tributary " + command);
      // picocli warns on stderr when a description does not format (a stray '%').
      assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).as(command).doesNotContain("WARN");
    }
  }

  @Test
  void aMistypedCommandIsNamedWithASuggestionAndExitsTwo() {
    assertThat(run("rnu")).isEqualTo(2);
    assertThat(err.toString()).startsWith("Unknown command 'rnu': did you mean 'run'?");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void anUnknownCommandWithHelpIsStillAnErrorNotTheTopLevelHelp() {
    assertThat(run("nosuchcommand", "--help")).isEqualTo(2);
    assertThat(err.toString()).startsWith("Unknown command 'nosuchcommand'.").contains("Commands: ", "run", "demo");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void topLevelHelpNamesBothSources() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("Kafka", "Kinesis");
  }

  @Test
  void healthWithNothingListeningSaysConnectionRefusedNotNull() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    assertThat(run("health", "--port", Integer.toString(port))).isEqualTo(1);
    assertThat(err.toString()).contains("No answer from http://127.0.0.1:" + port + "/readyz: connection refused")
        .doesNotContain("null");
  }

  @Test
  void aBadLogFormatIsNamedWithTheAllowedValues() {
    assertThat(run("run", "--log-format", "xml", "--config", "unused.yaml")).isEqualTo(2);
    assertThat(err.toString()).contains("Invalid log format 'xml': allowed json, plain");
  }
}
