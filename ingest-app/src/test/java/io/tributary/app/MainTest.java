package io.tributary.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void versionPrintsTheNameAndExitsZero() {
    assertThat(run("version")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("tributary ");
  }

  @Test
  void noArgumentsPrintsTheHelp() {
    assertThat(run()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: tributary <command>", "version");
  }

  @Test
  void anUnknownCommandIsNamedAndExitsTwo() {
    assertThat(run("lnad")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'lnad'");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
