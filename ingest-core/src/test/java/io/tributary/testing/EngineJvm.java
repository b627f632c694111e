package io.tributary.testing;

import io.tributary.landing.Landing;
import io.tributary.source.GracefulStop;
import io.tributary.source.Source;
import io.tributary.source.SourceState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * An engine (a source adapter feeding a {@link Landing} on a local folder) in a JVM of its own, so a test can SIGKILL
 * and SIGTERM it like ECS does. Both sides live here: {@link #serve} is what the child's {@code main} ends with, the
 * rest is the test's handle on the child.
 *
 * <p>The child prints {@code ACCEPTED n} whenever the count of records taken changes and {@code STATE s} whenever the
 * source's state does, exits 1 when the source fails, and on SIGTERM drains (exit 0) through {@link GracefulStop}.
 * Its output goes to {@code <root>/<instance>.log}; what landed is under {@code <root>/lake} and
 * {@code <root>/errors}.
 */
public final class EngineJvm {
  private final Process process;
  private final Path root;
  private final String instance;

  private EngineJvm(Process process, Path root, String instance) {
    this.process = process;
    this.root = root;
    this.instance = instance;
  }

  /** Starts {@code main} (a class whose main method ends in {@link #serve}) with {@code args} in a new JVM. */
  public static EngineJvm start(Path root, String instance, Class<?> main, String... args) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m", "-cp", classpath, main.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(root.resolve(instance + ".log").toFile())
        .start();
    return new EngineJvm(process, root, instance);
  }

  /**
   * The child's side: starts {@code source}, reports progress on stdout, and waits for SIGTERM, which stops the
   * source within 20 s, closes {@code landing} and exits 0 if everything taken was made durable.
   */
  public static void serve(Landing landing, Source source) throws InterruptedException {
    GracefulStop stop = new GracefulStop(Duration.ofSeconds(25), () -> {
      boolean stopped = source.stop(Duration.ofSeconds(20));
      landing.close();
      return stopped;
    }, status -> Runtime.getRuntime().halt(status));
    stop.install();
    source.start();
    Thread progress = new Thread(() -> report(landing, source), "progress");
    progress.setDaemon(true);
    progress.start();
    stop.awaitSignal();
  }

  public Process process() {
    return process;
  }

  /** Waits until at least {@code count} distinct records are in the lake and the errors; returns how many are. */
  public long awaitLanded(long count, Duration patience) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    long landed = 0;
    while (System.nanoTime() < deadline && process.isAlive()) {
      landed = LakeCounts.landed(root.resolve("lake"), root.resolve("errors")).size();
      if (landed >= count) {
        return landed;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("Only " + landed + " of " + count + " records landed (engine alive: "
        + process.isAlive() + "); log of " + instance + ":\n" + log());
  }

  /** Waits until the child printed a line {@code wanted} accepts. */
  public void awaitLine(Predicate<String> wanted, Duration patience) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      if (log().lines().anyMatch(wanted)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("The engine never printed the awaited line; log of " + instance + ":\n" + log());
  }

  /** SIGKILL; returns the exit status (137). */
  public int kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("Engine " + instance + " still alive 30 s after SIGKILL");
    }
    return process.exitValue();
  }

  /** SIGTERM; fails unless the engine drains and exits 0 within 30 s. */
  public void stopGracefully() throws Exception {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("Engine " + instance + " did not drain within 30 s of SIGTERM; log:\n" + log());
    }
    if (process.exitValue() != 0) {
      throw new AssertionError("Engine " + instance + " exited " + process.exitValue() + " after SIGTERM; log:\n"
          + log());
    }
  }

  /** What the child printed so far. */
  public String log() throws IOException {
    return Files.readString(root.resolve(instance + ".log"));
  }

  private static void report(Landing landing, Source source) {
    long reported = -1;
    SourceState state = null;
    while (true) {
      long accepted = landing.acceptedCount();
      if (accepted != reported) {
        System.out.println("ACCEPTED " + accepted);
        reported = accepted;
      }
      if (source.state() != state) {
        state = source.state();
        System.out.println("STATE " + state);
        if (state == SourceState.FAILED) {
          Runtime.getRuntime().halt(1);
        }
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
