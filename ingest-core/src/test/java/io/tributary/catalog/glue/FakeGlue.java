package io.tributary.catalog.glue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The four Glue operations the catalog calls (GetDatabase, GetTable, CreateTable, UpdateTable), served over HTTP in
 * the AWS JSON 1.1 protocol the SDK speaks, with Glue's optimistic {@code VersionId}: no Glue server runs here, so
 * this holds the tables in memory. Tests inject failures (answered instead of the next matching request) and hooks
 * (run before answering, to line up races). The SDK's own parsing turns the answers into its modeled exceptions.
 */
final class FakeGlue implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final String database;
  private final Map<String, ObjectNode> tables = new HashMap<>();
  private final Map<String, Integer> versions = new HashMap<>();
  private final Deque<Failure> failures = new ArrayDeque<>();
  private final Map<String, Consumer<String>> hooks = new HashMap<>();
  private final List<String> answered = new CopyOnWriteArrayList<>();

  private record Failure(String operation, int status, String code, int times) {}

  FakeGlue(String database) throws IOException {
    this.database = database;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The next {@code times} requests of {@code operation} are answered with {@code status} and error code. */
  synchronized void fail(String operation, int status, String code, int times) {
    failures.add(new Failure(operation, status, code, times));
  }

  /** Drops the failures not yet answered: Glue recovers. */
  synchronized void clearFailures() {
    failures.clear();
  }

  /** Runs {@code hook} (with the table name) before answering each request of {@code operation}. */
  synchronized void hook(String operation, Consumer<String> hook) {
    hooks.put(operation, hook);
  }

  /** The operations answered, with their outcome: {@code GetTable 200}, {@code UpdateTable 400 Conc...}. */
  List<String> answered() {
    return List.copyOf(answered);
  }

  /** The table as Glue holds it (a TableInput plus VersionId), or null. */
  synchronized ObjectNode table(String name) {
    ObjectNode table = tables.get(name);
    return table == null ? null : table.deepCopy();
  }

  /** Puts a table as another writer (or a person) would. */
  synchronized void put(String name, ObjectNode tableInput) {
    store(name, tableInput);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    String operation = target.substring(target.indexOf('.') + 1);
    ObjectNode body = (ObjectNode) JSON.readTree(exchange.getRequestBody());
    String table = body.has("TableInput") ? body.get("TableInput").path("Name").asText() : body.path("Name").asText();
    Consumer<String> hook;
    synchronized (this) {
      hook = hooks.get(operation);
    }
    if (hook != null) {
      hook.accept(table);
    }
    Answer answer = answer(operation, body, table);
    answered.add(operation + " " + answer.status + (answer.error == null ? "" : " " + answer.error));
    byte[] bytes = answer.body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
    if (answer.error != null) {
      exchange.getResponseHeaders().add("x-amzn-ErrorType", answer.error);
    }
    exchange.sendResponseHeaders(answer.status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private record Answer(int status, String error, String body) {
    static Answer ok(Object body) {
      try {
        return new Answer(200, null, JSON.writeValueAsString(body));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    static Answer error(int status, String code) {
      return new Answer(status, code, "{\"__type\":\"" + code + "\",\"Message\":\"" + code + " (FakeGlue)\"}");
    }
  }

  private synchronized Answer answer(String operation, ObjectNode body, String name) {
    Failure failure = failures.stream().filter(f -> f.operation.equals(operation)).findFirst().orElse(null);
    if (failure != null) {
      failures.remove(failure);
      if (failure.times > 1) {
        failures.addFirst(new Failure(failure.operation, failure.status, failure.code, failure.times - 1));
      }
      return Answer.error(failure.status, failure.code);
    }
    switch (operation) {
      case "GetDatabase" -> {
        return name.equals(database)
            ? Answer.ok(Map.of("Database", Map.of("Name", database)))
            : Answer.error(400, "EntityNotFoundException");
      }
      case "GetTable" -> {
        ObjectNode table = tables.get(name);
        return table == null ? Answer.error(400, "EntityNotFoundException") : Answer.ok(Map.of("Table", table));
      }
      case "CreateTable" -> {
        if (tables.containsKey(name)) {
          return Answer.error(400, "AlreadyExistsException");
        }
        store(name, (ObjectNode) body.get("TableInput"));
        return Answer.ok(Map.of());
      }
      case "UpdateTable" -> {
        ObjectNode current = tables.get(name);
        if (current == null) {
          return Answer.error(400, "EntityNotFoundException");
        }
        if (body.has("VersionId") && !body.get("VersionId").asText().equals(current.get("VersionId").asText())) {
          return Answer.error(400, "ConcurrentModificationException");
        }
        store(name, (ObjectNode) body.get("TableInput"));
        return Answer.ok(Map.of());
      }
      default -> {
        return Answer.error(400, "InvalidInputException");
      }
    }
  }

  private void store(String name, ObjectNode input) {
    int version = versions.merge(name, 1, Integer::sum);
    ObjectNode table = input.deepCopy();
    table.put("DatabaseName", database);
    table.put("VersionId", Integer.toString(version));
    tables.put(name, table);
  }
}
