package io.tributary.app.testing;

import io.tributary.app.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * {@code tributary run --config FILE} in a child JVM, as an operator runs it: the test's classpath, a heap of its
 * own, AWS credentials in the environment, stdout (JSON logs) and stderr in files named after the instance. The
 * handle sends it the signals an orchestrator sends — SIGTERM, SIGKILL, SIGSTOP and SIGCONT — and reads its
 * {@code /readyz} and {@code /metrics}. A JVM shutdown hook kills a child the test left running.
 */
public final class ServiceProcess implements AutoCloseable {

  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(2);

  private final String name;
  private final Path dir;
  private final int httpPort;
  private final Process process;
  private final HttpClient http;
  private final Thread reaper;

  private ServiceProcess(String name, Path dir, int httpPort, Process process) {
    this.name = name;
    this.dir = dir;
    this.httpPort = httpPort;
    this.process = process;
    this.http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
    this.reaper = new Thread(process::destroyForcibly, "reaper-" + name);
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /**
   * Writes {@code <dir>/<name>.yaml} from {@code config} plus this instance's {@code instance-id} and a free
   * {@code http.port} (so {@code config} names neither), and starts the service with it.
   */
  public static ServiceProcess launch(Path dir, String name, String config) {
    int port = freePort();
    Path file = dir.resolve(name + ".yaml");
    try {
      Files.writeString(file, config + "\ninstance-id: " + name + "\nhttp:\n  port: " + port + "\n");
      return launch(dir, name, file, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the service with an existing configuration file that sets {@code http.port} to {@code httpPort}. */
  public static ServiceProcess launch(Path dir, String name, Path config, int httpPort) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx384m", "-XX:+UseSerialGC", "-cp", classpath,
        Main.class.getName(), "run", "--config", config.toString())
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".out").toFile()))
        .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".err").toFile()));
    builder.environment().put("AWS_ACCESS_KEY_ID", "test");
    builder.environment().put("AWS_SECRET_ACCESS_KEY", "test");
    builder.environment().put("AWS_REGION", "us-east-1");
    return new ServiceProcess(name, dir, httpPort, builder.start());
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public int httpPort() {
    return httpPort;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** True when {@code GET /readyz} answers 200. */
  public boolean ready() {
    return status("/readyz") == 200;
  }

  /** The status of {@code GET path}, or -1 when nothing answers. */
  public int status(String path) {
    try {
      return http.send(request(path), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** The body of {@code GET path}. */
  public String body(String path) throws IOException, InterruptedException {
    return http.send(request(path), HttpResponse.BodyHandlers.ofString()).body();
  }

  /** The sum of the samples of a Prometheus metric at {@code /metrics} whose labels contain {@code label}. */
  public double metric(String metric, String label) throws IOException, InterruptedException {
    return body("/metrics").lines().filter(l -> l.startsWith(metric + "{") && l.contains(label))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }

  /** Waits until the service is ready; fails (with its output) if it dies or the time runs out. */
  public Duration awaitReady(Duration patience) throws InterruptedException {
    long start = System.nanoTime();
    await(this::ready, "ready", patience);
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** Waits for {@code condition} while checking that the service stays alive. */
  public void await(BooleanSupplier condition, String what, Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (!condition.getAsBoolean()) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " died (exit " + process.exitValue() + ") while waiting for " + what
            + "; output:\n" + output());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(name + ": waited " + patience + " for " + what + "; output:\n" + output());
      }
      Thread.sleep(200);
    }
  }

  /** SIGKILL, and waits for the JVM to be gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError(name + " survived SIGKILL for 30 s");
    }
    removeReaper();
  }

  /**
   * SIGTERM, and waits up to {@code patience} for the exit.
   *
   * @return the exit status, or -1 when it still ran after {@code patience} (it is then killed)
   */
  public int terminate(Duration patience) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
      return -1;
    }
    removeReaper();
    return process.exitValue();
  }

  /** SIGSTOP: the JVM freezes, every thread of it, heartbeats included. */
  public void pause() {
    signal("STOP");
  }

  /** SIGCONT after {@link #pause()}. */
  public void resume() {
    signal("CONT");
  }

  /** The last lines of stdout and stderr, for failure messages. */
  public String output() {
    return tail(dir.resolve(name + ".out")) + "\n--- stderr ---\n" + tail(dir.resolve(name + ".err"));
  }

  /** Every line the service logged on stdout. */
  public List<String> logLines() throws IOException {
    return Files.readAllLines(dir.resolve(name + ".out"), StandardCharsets.UTF_8);
  }

  /** Kills the service if it still runs. */
  @Override
  public void close() {
    if (process.isAlive()) {
      resume();
      process.destroyForcibly();
      removeReaper();
    }
  }

  private void signal(String signal) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).timeout(HTTP_TIMEOUT).build();
  }

  private void removeReaper() {
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException e) {
      // The JVM is shutting down already.
    }
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no " + file.getFileName() + ")";
    }
  }

  /** A free port on the loopback interface. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
