package io.tributary.kinesis.testing;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.net.URI;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * A real DynamoDB for KCL's lease table: DynamoDB Local 2.6.1 in the test JVM, in memory, on a free port. Its
 * SQLite needs the sqlite4java native library, which the build copies to the folder named by the system property
 * {@code sqlite4java.library.path}. DynamoDB Local listens on every interface (it has no host option).
 */
public final class DynamoDbLocal implements AutoCloseable {

  private final DynamoDBProxyServer server;
  private final int port;
  private final DynamoDbAsyncClient client;

  private DynamoDbLocal(DynamoDBProxyServer server, int port) {
    this.server = server;
    this.port = port;
    this.client = DynamoDbAsyncClient.builder().region(Region.of(KinesisLocal.REGION))
        .credentialsProvider(KinesisLocal.CREDENTIALS).endpointOverride(endpoint()).build();
  }

  public static DynamoDbLocal start() throws Exception {
    if (System.getProperty("sqlite4java.library.path") == null) {
      throw new IllegalStateException("System property sqlite4java.library.path is not set (the Maven build sets it)");
    }
    int port = KinesisLocal.freePort();
    DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
        new String[] {"-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
    server.start();
    return new DynamoDbLocal(server, port);
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** A client of this server (closed with it). */
  public DynamoDbAsyncClient client() {
    return client;
  }

  @Override
  public void close() throws Exception {
    client.close();
    server.stop();
  }
}
