package io.tributary.app.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The service's HTTP endpoints (the JDK's server; nothing to add): {@code /healthz} (the process answers),
 * {@code /readyz} (the source owns its partitions and the store answers; 503 with the reason otherwise) and
 * {@code /metrics} (Prometheus text).
 */
public final class HealthServer implements AutoCloseable {

  private final HttpServer server;

  /**
   * @param ready null when ready, else why not
   * @param metrics the Prometheus text, or null when Prometheus is off
   */
  public HealthServer(int port, Supplier<String> ready, Supplier<String> metrics) {
    try {
      server = HttpServer.create(new InetSocketAddress(port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on port " + port + " (http.port)", e);
    }
    server.setExecutor(Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "http");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/healthz", exchange -> respond(exchange, 200, "ok\n", "text/plain"));
    server.createContext("/readyz", exchange -> {
      String notReady = ready.get();
      respond(exchange, notReady == null ? 200 : 503, notReady == null ? "ready\n" : notReady + "\n", "text/plain");
    });
    server.createContext("/metrics", exchange -> {
      String text = metrics.get();
      respond(exchange, text == null ? 404 : 200, text == null ? "metrics.prometheus.enabled is false\n" : text,
          "text/plain; version=0.0.4; charset=utf-8");
    });
    server.start();
  }


  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static void respond(HttpExchange exchange, int status, String body, String type) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
