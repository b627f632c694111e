package io.tributary.firehose;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchRequest;
import software.amazon.awssdk.services.firehose.model.Record;

/**
 * Stands in for Firehose, which no server here provides. The real client (Apache HttpClient 5, AWS JSON 1.1,
 * signing) sends to a local endpoint that answers every call {@code 200 {}}; this {@link ExecutionInterceptor}
 * captures each {@link PutRecordBatchRequest} as the SDK built it and replaces the HTTP answer with the one its
 * script says, in Firehose's wire format, so the SDK's own parsing makes the response or the modeled exception.
 * What it accepts it "delivers": to a list, and to a consumer (a file log in the crash test).
 */
final class FirehoseStandIn implements ExecutionInterceptor, AutoCloseable {
  private static final ExecutionAttribute<Answer> ANSWER = new ExecutionAttribute<>("tributary.firehose.answer");

  /** What the stand-in answers to one call. */
  sealed interface Answer {}

  /** Every entry accepted. */
  record AcceptAll() implements Answer {}

  /** The entries at {@code indices} fail with {@code code}; the others are accepted. */
  record FailEntries(Set<Integer> indices, String code) implements Answer {}

  /** The whole call fails with an HTTP status and an error code (no entry is accepted). */
  record FailCall(int status, String code) implements Answer {}

  /** Decides the answer to a call when the script is empty. */
  interface Script {
    Answer answer(PutRecordBatchRequest request);
  }

  private final HttpServer server;
  private final List<PutRecordBatchRequest> requests = new CopyOnWriteArrayList<>();
  private final List<String> delivered = new CopyOnWriteArrayList<>();
  private final Deque<Answer> queued = new ArrayDeque<>();
  private final Script script;
  private final Consumer<byte[]> sink;

  /** A stand-in that accepts everything not {@link #queue queued} otherwise. */
  FirehoseStandIn() throws IOException {
    this(request -> new AcceptAll(), data -> { });
  }

  /**
   * @param script the answer to each call once the queue is empty
   * @param sink receives the data of each accepted entry, in order, before the answer returns
   */
  FirehoseStandIn(Script script, Consumer<byte[]> sink) throws IOException {
    this.script = script;
    this.sink = sink;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  /** A client as production builds it ({@link FirehoseClients}), pointed at the local endpoint, through this. */
  FirehoseClient client() {
    URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    return FirehoseClients.create("us-east-1", endpoint,
        StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), List.of(this));
  }

  /** The next calls get these answers, in order. */
  synchronized FirehoseStandIn queue(Answer... answers) {
    queued.addAll(List.of(answers));
    return this;
  }

  /** Every PutRecordBatch request the SDK sent, in order. */
  List<PutRecordBatchRequest> requests() {
    return List.copyOf(requests);
  }

  /** The data of each call's records as text, one list per call. */
  List<List<String>> calls() {
    return requests.stream().map(r -> r.records().stream().map(FirehoseStandIn::text).toList()).toList();
  }

  /** The records accepted, in order, as text. */
  List<String> delivered() {
    return List.copyOf(delivered);
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    PutRecordBatchRequest request = (PutRecordBatchRequest) context.request();
    requests.add(request);
    Answer answer;
    synchronized (this) {
      answer = queued.isEmpty() ? script.answer(request) : queued.poll();
    }
    attributes.putAttribute(ANSWER, answer);
    List<Record> records = request.records();
    for (int i = 0; i < records.size(); i++) {
      boolean failed = answer instanceof FailCall
          || answer instanceof FailEntries f && f.indices().contains(i);
      if (!failed) {
        byte[] data = records.get(i).data().asByteArray();
        sink.accept(data);
        delivered.add(new String(data, StandardCharsets.UTF_8));
      }
    }
  }

  @Override
  public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    if (attributes.getAttribute(ANSWER) instanceof FailCall fail) {
      return context.httpResponse().toBuilder().statusCode(fail.status())
          .putHeader("x-amzn-ErrorType", fail.code()).build();
    }
    return context.httpResponse();
  }

  @Override
  public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
      ExecutionAttributes attributes) {
    // The local endpoint's own "{}" is read and closed, or its connection would never go back to the client's pool.
    context.responseBody().ifPresent(FirehoseStandIn::drain);
    Answer answer = attributes.getAttribute(ANSWER);
    int count = ((PutRecordBatchRequest) context.request()).records().size();
    String body;
    if (answer instanceof FailCall fail) {
      body = "{\"__type\":\"" + fail.code() + "\",\"message\":\"stand-in says " + fail.code() + "\"}";
    } else {
      Set<Integer> failing = answer instanceof FailEntries f ? f.indices() : Set.of();
      String code = answer instanceof FailEntries f ? f.code() : null;
      List<String> entries = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        entries.add(failing.contains(i)
            ? "{\"ErrorCode\":\"" + code + "\",\"ErrorMessage\":\"stand-in failed entry " + i + "\"}"
            : "{\"RecordId\":\"r" + i + "\"}");
      }
      body = "{\"FailedPutCount\":" + failing.stream().filter(i -> i < count).count()
          + ",\"Encrypted\":false,\"RequestResponses\":[" + String.join(",", entries) + "]}";
    }
    return Optional.of(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static void drain(InputStream body) {
    try (body) {
      body.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(Record record) {
    return record.data().asUtf8String();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
