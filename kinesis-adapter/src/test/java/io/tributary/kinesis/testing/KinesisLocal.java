package io.tributary.kinesis.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.ScalingType;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * A real Kinesis for tests: kinesis-local 0.6.2 (kinesis-mock on Node, installed by the build with {@code npm ci})
 * as a child process on a free plain-HTTP port. Its TLS port is bound too (it cannot be turned off) and it listens
 * on every interface (its host is fixed). The package folder comes from the system property
 * {@value #DIR_PROPERTY}, set by the build for Surefire.
 */
public final class KinesisLocal implements AutoCloseable {

  /** The system property naming kinesis-local's package folder. */
  public static final String DIR_PROPERTY = "tributary.kinesis-local.dir";
  /** The region the tests use everywhere. */
  public static final String REGION = "us-east-1";
  /** kinesis-local checks no signature, but the SDK must sign with something. */
  public static final AwsCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final int port;
  private final Path log;
  private final KinesisAsyncClient client;
  private final Thread reaper;

  private KinesisLocal(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.client = KinesisAsyncClient.builder().region(Region.of(REGION)).credentialsProvider(CREDENTIALS)
        .endpointOverride(endpoint()).build();
    // Surefire's JVM may die without running @AfterAll; node must not outlive it.
    this.reaper = new Thread(process::destroyForcibly, "kinesis-local-reaper-" + port);
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /** Starts kinesis-local and waits until it answers. */
  public static KinesisLocal start() throws IOException, InterruptedException {
    String dir = System.getProperty(DIR_PROPERTY);
    if (dir == null || !Files.isRegularFile(Path.of(dir, "main.js"))) {
      throw new IllegalStateException("kinesis-local is not installed: system property " + DIR_PROPERTY + " = "
          + dir + " (the Maven build runs npm ci in kinesis-adapter/)");
    }
    int port = freePort();
    Path log = Files.createTempFile("kinesis-local-", ".log");
    ProcessBuilder builder = new ProcessBuilder("node", Path.of(dir, "main.js").toString())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("KINESIS_MOCK_PLAIN_PORT", Integer.toString(port));
    env.put("KINESIS_MOCK_TLS_PORT", Integer.toString(freePort()));
    env.put("KINESIS_MOCK_CERT_PATH", Path.of(dir, "server.json").toString());
    env.put("AWS_REGION", REGION);
    env.put("LOG_LEVEL", "WARN");
    env.put("SHARD_LIMIT", "200");
    for (String operation : List.of("CREATE_STREAM", "DELETE_STREAM", "SPLIT_SHARD", "MERGE_SHARDS",
        "UPDATE_SHARD_COUNT", "REGISTER_STREAM_CONSUMER", "DEREGISTER_STREAM_CONSUMER")) {
      env.put(operation + "_DURATION", "100ms");
    }
    KinesisLocal local = new KinesisLocal(builder.start(), port, log);
    local.awaitReady();
    return local;
  }

  /** The plain-HTTP endpoint. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** A client of this server (closed with it). */
  public KinesisAsyncClient client() {
    return client;
  }

  /** Creates a provisioned stream with {@code shards} shards and waits until it is active. */
  public void createStream(String name, int shards) {
    join(() -> client.createStream(b -> b.streamName(name).shardCount(shards)));
    awaitActive(name);
  }

  /** The open shards of {@code stream} (and closed ones with {@code all}), by shard id. */
  public List<Shard> shards(String stream, boolean all) {
    List<Shard> shards = new ArrayList<>();
    ListShardsResponse page = join(() -> client.listShards(b -> b.streamName(stream)));
    shards.addAll(page.shards());
    while (page.nextToken() != null) {
      String token = page.nextToken();
      page = join(() -> client.listShards(b -> b.nextToken(token)));
      shards.addAll(page.shards());
    }
    return shards.stream().filter(s -> all || s.sequenceNumberRange().endingSequenceNumber() == null)
        .sorted(Comparator.comparing(Shard::shardId)).toList();
  }

  /** Writes one record into {@code shard} (by its starting hash key); returns the response with its sequence. */
  public PutRecordResponse put(String stream, Shard shard, String partitionKey, byte[] data) {
    return join(() -> client.putRecord(b -> b.streamName(stream).partitionKey(partitionKey)
        .explicitHashKey(shard.hashKeyRange().startingHashKey()).data(SdkBytes.fromByteArray(data))));
  }

  /** Reshards {@code stream} to {@code shards} open shards (uniform scaling) and waits until it is active again. */
  public void updateShardCount(String stream, int shards) {
    join(() -> client.updateShardCount(b -> b.streamName(stream).targetShardCount(shards)
        .scalingType(ScalingType.UNIFORM_SCALING)));
    awaitActive(stream);
  }

  private void awaitActive(String name) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      StreamStatus status = join(() -> client.describeStreamSummary(b -> b.streamName(name)))
          .streamDescriptionSummary().streamStatus();
      if (status == StreamStatus.ACTIVE) {
        return;
      }
      sleep(50);
    }
    throw new IllegalStateException("Stream " + name + " not active within " + READY_TIMEOUT);
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("kinesis-local exited with " + process.exitValue() + ":\n"
            + Files.readString(log));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        join(() -> client.listStreams(b -> b.limit(1)));
        return;
      } catch (IOException | RuntimeException e) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("kinesis-local not ready within " + READY_TIMEOUT + ":\n" + Files.readString(log));
  }

  @Override
  public void close() throws InterruptedException {
    client.close();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException e) {
      // The JVM is shutting down already: the hook runs anyway.
    }
  }

  /** A free port (for a server of the tests). */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T join(java.util.function.Supplier<java.util.concurrent.CompletableFuture<T>> call) {
    try {
      return call.get().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
