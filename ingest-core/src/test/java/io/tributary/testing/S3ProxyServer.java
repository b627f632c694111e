package io.tributary.testing;

import io.tributary.store.s3.S3StoreSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 for tests: S3Proxy 4.1.0 with its filesystem backend, in a child JVM bound to 127.0.0.1 on a free port,
 * storing under a temporary folder.
 *
 * <p>A child JVM rather than in-process, because S3Proxy's fat jar carries its own jclouds, Guava and Jackson,
 * which would meet the AWS SDK's and ours on the test classpath. The jar is found through the system property
 * {@value #JAR_PROPERTY} (ingest-core's build copies it to {@code target/s3proxy/} and sets it for Surefire) or,
 * failing that, in the local Maven repository, where any build that resolved it left it.
 *
 * <p>Objects are plain files: the object {@code k} of the default bucket is {@code dataFolder().resolve(k)}, so
 * DuckDB can read what a test wrote. {@link #stop()} and {@link #start()} take the server down and bring it back on
 * the same port and folder, objects intact, for outage tests. {@link #close()} stops it and deletes the folder.
 * Not thread-safe: drive one instance from one test thread.
 */
public final class S3ProxyServer implements AutoCloseable {

  /** The system property naming S3Proxy's {@code jar-with-dependencies}. */
  public static final String JAR_PROPERTY = "tributary.s3proxy.jar";

  /** The bucket {@link #launch(Path)} creates. */
  public static final String DEFAULT_BUCKET = "tributary-test";

  /** S3Proxy checks no signature here, but the SDK must sign with something. */
  public static final String REGION = "us-east-1";

  private static final String VERSION = "4.1.0";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

  private final Path jar;
  private final Path root;
  private final Path baseFolder;
  private final int port;
  private final Thread reaper;
  private Process process;

  private S3ProxyServer(Path jar, Path root, int port) {
    this.jar = jar;
    this.root = root;
    this.baseFolder = root.resolve("data");
    this.port = port;
    // Surefire's JVM may die without running @AfterAll; the child JVM must not outlive it.
    this.reaper = new Thread(this::killNow, "s3proxy-reaper-" + port);
  }

  /** Starts a server storing under a new temporary folder, with the {@value #DEFAULT_BUCKET} bucket created. */
  public static S3ProxyServer launch() {
    try {
      return launch(Files.createTempDirectory("s3proxy-"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts a server storing under {@code root} (which {@link #close()} deletes), with the {@value #DEFAULT_BUCKET}
   * bucket created.
   */
  public static S3ProxyServer launch(Path root) {
    S3ProxyServer server = new S3ProxyServer(locateJar(), root.toAbsolutePath(), freePort());
    Runtime.getRuntime().addShutdownHook(server.reaper);
    try {
      server.start();
      server.createBucket(DEFAULT_BUCKET);
      return server;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** {@code http://127.0.0.1:<port>}, for path-style requests. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public int port() {
    return port;
  }

  /** The folder holding the objects of the {@value #DEFAULT_BUCKET} bucket, one file per object. */
  public Path dataFolder() {
    return bucketFolder(DEFAULT_BUCKET);
  }

  /** The folder holding the objects of {@code bucket}. */
  public Path bucketFolder(String bucket) {
    return baseFolder.resolve(bucket);
  }

  /** Static credentials S3Proxy accepts (it checks none). */
  public static AwsCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("local-access-key", "local-secret-key"));
  }

  /** Store settings for {@code bucket} on this server: path style, short backoff so failures surface fast. */
  public S3StoreSettings settings(String bucket) {
    return S3StoreSettings.defaults(bucket, REGION)
        .withEndpoint(endpoint(), true)
        .withRetries(3, Duration.ofMillis(10), Duration.ofMillis(100));
  }

  /** A plain SDK client for this server (path style, static credentials); the caller closes it. */
  public S3Client newClient() {
    return S3Client.builder()
        .region(Region.of(REGION))
        .endpointOverride(endpoint())
        .forcePathStyle(true)
        .credentialsProvider(credentials())
        .httpClientBuilder(Apache5HttpClient.builder())
        .build();
  }

  /** Creates {@code bucket}, returning its name. */
  public String createBucket(String bucket) {
    try (S3Client client = newClient()) {
      client.createBucket(b -> b.bucket(bucket));
    }
    return bucket;
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Starts the server again after {@link #stop()}, on the same port and folder; waits until it answers. */
  public void start() {
    if (isRunning()) {
      return;
    }
    try {
      Files.createDirectories(baseFolder);
      Path properties = root.resolve("s3proxy.properties");
      Files.write(properties, List.of(
          "s3proxy.endpoint=" + endpoint(),
          "s3proxy.authorization=none",
          "jclouds.provider=filesystem",
          "jclouds.filesystem.basedir=" + baseFolder,
          "jclouds.identity=local",
          "jclouds.credential=local"), StandardCharsets.UTF_8);
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      ProcessBuilder builder = new ProcessBuilder(
          java.toString(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
          "-cp", jar.toString(), "org.gaul.s3proxy.Main", "--properties", properties.toString())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
      builder.environment().put("LOG_LEVEL", "warn");
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start S3Proxy from " + jar, e);
    }
    awaitReady();
  }

  /** Stops the server and waits for its JVM to exit; objects stay in the folder. Stopping twice is harmless. */
  public void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** Stops the server and deletes its folder. */
  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException e) {
      // The JVM is shutting down; the hook is running or has run.
    }
    deleteRecursively(root);
  }

  @Override
  public String toString() {
    return "S3ProxyServer[" + endpoint() + ", " + baseFolder + (isRunning() ? "" : ", stopped") + "]";
  }

  private Path log() {
    return root.resolve("s3proxy.log");
  }

  private void awaitReady() {
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("S3Proxy exited with code " + process.exitValue() + " before it answered on "
            + endpoint() + "; its log:\n" + logTail());
      }
      if (answers()) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for S3Proxy", e);
      }
    }
    stop();
    throw new IllegalStateException(
        "S3Proxy did not answer on " + endpoint() + " within " + READY_TIMEOUT + "; its log:\n" + logTail());
  }

  private boolean answers() {
    try {
      HttpURLConnection connection = (HttpURLConnection) endpoint().toURL().openConnection();
      connection.setConnectTimeout(500);
      connection.setReadTimeout(2000);
      try {
        return connection.getResponseCode() > 0;
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      return false;
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log(), StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private void killNow() {
    Process running = process;
    if (running != null) {
      running.destroyForcibly();
    }
  }

  private static int freePort() {
    // S3Proxy binds later, so another process could take the port in between: unlikely enough on a test machine.
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on 127.0.0.1", e);
    }
  }

  private static Path locateJar() {
    String configured = System.getProperty(JAR_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      Path jar = Path.of(configured);
      if (Files.isRegularFile(jar)) {
        return jar;
      }
    }
    String repository = System.getProperty("maven.repo.local",
        Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
    Path inRepository = Path.of(repository, "org", "gaul", "s3proxy", VERSION,
        "s3proxy-" + VERSION + "-jar-with-dependencies.jar");
    if (Files.isRegularFile(inRepository)) {
      return inRepository;
    }
    throw new IllegalStateException("Cannot find S3Proxy's jar: system property " + JAR_PROPERTY + " is "
        + (configured == null ? "unset" : "'" + configured + "' (no such file)") + " and " + inRepository
        + " does not exist; build ingest-core once (it resolves org.gaul:s3proxy:" + VERSION
        + ":jar-with-dependencies) or set " + JAR_PROPERTY);
  }

  private static void deleteRecursively(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException e) {
      // A leftover temp folder costs disk only; never fail a test run over it.
    }
  }
}
