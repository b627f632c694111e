package io.tributary.kinesis.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * DynamoDB Local 2.6.1 in a JVM of its own, on a database file, so that a test can stop it and start it again on
 * the same port with its tables (KCL's lease table) intact. Its classpath is the file named by the system property
 * {@value #CLASSPATH_PROPERTY} (kinesis-adapter's build writes it); its SQLite needs the native library in
 * {@code sqlite4java.library.path}. It listens on every interface (it has no host option).
 */
public final class DynamoDbProcess implements AutoCloseable {

  /** The system property naming the file with DynamoDB Local's classpath. */
  public static final String CLASSPATH_PROPERTY = "tributary.dynamodb-local.classpath";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final Path dir;
  private final int port;
  private final DynamoDbAsyncClient client;
  private Process process;
  private Thread reaper;

  private DynamoDbProcess(Path dir, int port) {
    this.dir = dir;
    this.port = port;
    this.client = DynamoDbAsyncClient.builder().region(Region.of(KinesisLocal.REGION))
        .credentialsProvider(KinesisLocal.CREDENTIALS).endpointOverride(endpoint()).build();
  }

  /** Starts DynamoDB Local with its database in {@code dir}, on a free port. */
  public static DynamoDbProcess start(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    DynamoDbProcess dynamo = new DynamoDbProcess(dir, KinesisLocal.freePort());
    dynamo.startAgain();
    return dynamo;
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** A client of this server (closed with it). */
  public DynamoDbAsyncClient client() {
    return client;
  }

  /** Stops the server (SIGTERM; its database file stays). */
  public void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    if (reaper != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(reaper);
      } catch (IllegalStateException e) {
        // The JVM is shutting down: the hook runs anyway.
      }
      reaper = null;
    }
  }

  /** Starts the server again on the same port and database, and waits until it answers. */
  public void startAgain() throws IOException, InterruptedException {
    String file = System.getProperty(CLASSPATH_PROPERTY);
    String natives = System.getProperty("sqlite4java.library.path");
    if (file == null || !Files.isRegularFile(Path.of(file)) || natives == null) {
      throw new IllegalStateException("DynamoDB Local's classpath is not built: system property "
          + CLASSPATH_PROPERTY + " = " + file + ", sqlite4java.library.path = " + natives
          + " (kinesis-adapter's build writes them)");
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    process = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-XX:+UseSerialGC",
        "-Dsqlite4java.library.path=" + natives, "-cp", Files.readString(Path.of(file)).trim(),
        "com.amazonaws.services.dynamodbv2.local.main.ServerRunner", "-sharedDb", "-dbPath", dir.toString(),
        "-port", Integer.toString(port), "-disableTelemetry"))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log")
            .toFile())).start();
    Process started = process;
    reaper = new Thread(started::destroyForcibly, "dynamodb-local-reaper-" + port);
    Runtime.getRuntime().addShutdownHook(reaper);
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("DynamoDB Local exited with " + process.exitValue() + ":\n"
            + Files.readString(dir.resolve("server.log")));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        client.listTables().join();
        return;
      } catch (IOException | RuntimeException e) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("DynamoDB Local not ready within " + READY_TIMEOUT);
  }

  @Override
  public void close() throws InterruptedException {
    client.close();
    stop();
  }
}
