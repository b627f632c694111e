package io.tributary.bench.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The engine under test ({@link EngineMain}) in its own JVM, its output in a file that a daemon thread follows into
 * {@link EngineStats} and the {@code STOPPED} flag.
 */
final class EngineProcess {
  private final Process process;
  private final Path log;
  private final EngineStats stats = new EngineStats();
  private final Thread reader;
  private volatile boolean stopped;

  private EngineProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
    this.reader = new Thread(this::read, "engine-output");
  }

  /** Starts {@link EngineMain} with the given heap ({@code -Xmx}) and its arguments, on this JVM's class path. */
  static EngineProcess start(String heap, String bootstrap, String topic, Path lake, String rollSeconds,
      String threads, String tableFormat) throws IOException {
    Path log = Files.createTempFile("tributary-bench-engine", ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // The image's collector (deploy/Dockerfile), whatever this machine would pick.
    List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+UseParallelGC"));
    // Extra options for the engine's JVM only (a flight recording, say): TRIBUTARY_BENCH_ENGINE_OPTS, space-separated;
    // G1 instead: "-XX:-UseParallelGC -XX:+UseG1GC".
    String extra = System.getenv().getOrDefault("TRIBUTARY_BENCH_ENGINE_OPTS", "").strip();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.split("\\s+")));
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), EngineMain.class.getName(), bootstrap,
        topic, lake.toString(), rollSeconds, threads, tableFormat));
    Process engine = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    System.out.println("engine output: " + log);
    EngineProcess started = new EngineProcess(engine, log);
    started.reader.setDaemon(true);
    started.reader.start();
    return started;
  }

  EngineStats stats() {
    return stats;
  }

  /** Throws if the engine has exited (before it was asked to stop). */
  void checkAlive() {
    if (!process.isAlive()) {
      throw new IllegalStateException("The engine exited early: " + process.exitValue());
    }
  }

  /** SIGTERM, then waits up to 2 minutes: the graceful stop rolls and commits everything buffered. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("The engine did not stop");
    }
  }

  /** After {@link #stop}: reads the rest of the output and throws unless the engine said it drained. */
  void checkDrained() throws InterruptedException {
    reader.join(10_000);
    if (!stopped) {
      throw new IllegalStateException("The engine did not drain (exit " + process.exitValue() + "): see " + log);
    }
  }

  /** Follows the engine's output file (a pipe can lose its last lines when the process exits). */
  private void read() {
    try (BufferedReader lines = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
      boolean exited = false;
      while (true) {
        String line = lines.readLine();
        if (line == null) {
          if (exited) {
            return;
          }
          exited = !process.isAlive();
          Thread.sleep(20);
          continue;
        }
        if (line.startsWith("STATS ")) {
          stats.add(line);
        } else if (line.startsWith("STOPPED")) {
          stopped = true;
        }
      }
    } catch (IOException | InterruptedException e) {
      System.out.println("Cannot follow the engine output: " + e);
    }
  }
}
