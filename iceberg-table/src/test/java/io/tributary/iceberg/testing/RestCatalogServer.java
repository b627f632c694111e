package io.tributary.iceberg.testing;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.jdbc.JdbcClientPool;
import org.apache.iceberg.rest.HTTPClient;
import org.apache.iceberg.rest.RESTCatalogAdapter;
import org.apache.iceberg.rest.RESTSessionCatalog;
import org.apache.iceberg.rest.RESTUtil;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A real Iceberg REST catalog for tests: Iceberg's own {@link RESTCatalogAdapter} and {@code RESTCatalogServlet}
 * (iceberg-core's 1.11.0 tests jar, DESIGN §20) over a {@link JdbcCatalog} on SQLite, in Jetty, bound to 127.0.0.1
 * on a free port.
 *
 * <p>The server side writes table metadata through the {@link FileIO} it is given, so give it one over the same
 * store as the clients' (a local folder, or S3Proxy through {@code ObjectStoreFileIO}). It records every request's
 * method, path, headers and body ({@link #requests()}: what a SigV4 test inspects; it checks no signature).
 * {@link #stop()} takes it down (connections refused: "catalog down") and {@link #start()} brings it back on the same port with the
 * same tables. {@link #close()} stops it and closes the backing catalog. Thread-safe for requests; drive the
 * lifecycle from one test thread.
 */
public final class RestCatalogServer implements AutoCloseable {
  /** The name of the backing JdbcCatalog (its SQLite rows are keyed by it). */
  public static final String BACKING_CATALOG = "rest-backing";

  /** One request as the server received it: header names lower-cased, the body's bytes (empty for none). */
  public record CapturedRequest(String method, String path, Map<String, List<String>> headers, byte[] body) {
    public CapturedRequest {
      headers = Map.copyOf(headers);
      body = body.clone();
    }

    /** The first value of header {@code name} (any case), or null. */
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public byte[] body() {
      return body.clone();
    }
  }

  private final JdbcCatalog backing;
  private final Server server;
  private final ServerConnector connector;
  private final List<CapturedRequest> requests = new CopyOnWriteArrayList<>();

  private RestCatalogServer(JdbcCatalog backing) {
    this.backing = backing;
    QueuedThreadPool threads = new QueuedThreadPool(16, 2);
    threads.setName("rest-catalog");
    this.server = new Server(threads);
    this.connector = new ServerConnector(server, 1, 1);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(new ServletHolder(new RecordingServlet(new RESTCatalogAdapter(backing), requests)), "/*");
    server.setHandler(context);
  }

  /**
   * Starts a server whose tables live in a SQLite file under {@code folder} and whose files go through {@code io}
   * below {@code warehouse} (a location {@code io} understands, e.g. {@code s3://bucket/lake}).
   */
  public static RestCatalogServer launch(Path folder, FileIO io, String warehouse) {
    JdbcCatalog backing = new JdbcCatalog(props -> io,
        props -> new JdbcClientPool(props.get("uri"), props), true);
    backing.initialize(BACKING_CATALOG, Map.of(
        "uri", "jdbc:sqlite:" + folder.resolve("rest-catalog.db"),
        "warehouse", warehouse,
        "jdbc.schema-version", "V1"));
    RestCatalogServer server = new RestCatalogServer(backing);
    try {
      server.start();
      // Bind the same port on every later start(), so clients find the catalog again after an outage.
      server.connector.setPort(server.connector.getLocalPort());
      return server;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** The catalog's base URI ({@code http://127.0.0.1:<port>}), the REST client's {@code uri}. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + connector.getPort());
  }

  /**
   * A 1.12.0 REST catalog client of this server whose tables' files go through {@code io} (e.g. Tributary's
   * {@code ObjectStoreFileIO}), named {@code name}, with {@code properties} added to its configuration (SigV4,
   * OAuth2, ...). Use {@link RESTSessionCatalog#asCatalog} for a {@code Catalog}; the caller closes it.
   */
  public RESTSessionCatalog newClient(String name, FileIO io, Map<String, String> properties) {
    RESTSessionCatalog client = new RESTSessionCatalog(
        config -> HTTPClient.builder(config).uri(config.get(CatalogProperties.URI))
            .withHeaders(RESTUtil.configHeaders(config)).build(),
        (context, config) -> io);
    Map<String, String> config = new HashMap<>(properties);
    config.put(CatalogProperties.URI, uri().toString());
    client.initialize(name, config);
    return client;
  }

  /** The JdbcCatalog the server serves, for checking what a commit left behind the server's back. */
  public JdbcCatalog backingCatalog() {
    return backing;
  }

  /** The requests received since the start or the last {@link #clearRequests()}, in order. */
  public List<CapturedRequest> requests() {
    return List.copyOf(requests);
  }

  public void clearRequests() {
    requests.clear();
  }

  public boolean isRunning() {
    return server.isStarted();
  }

  /** Starts serving (again, after {@link #stop()}) on the same port, with the same tables. */
  public void start() {
    if (server.isStarted()) {
      return;
    }
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot start the REST catalog on " + uri() + ": " + e.getMessage(), e);
    }
  }

  /** Stops serving: every request is refused until {@link #start()}. Stopping twice is harmless. */
  public void stop() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot stop the REST catalog on " + uri() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      stop();
    } finally {
      backing.close();
    }
  }

  @Override
  public String toString() {
    return "RestCatalogServer[" + uri() + (isRunning() ? "" : ", stopped") + "]";
  }
}
