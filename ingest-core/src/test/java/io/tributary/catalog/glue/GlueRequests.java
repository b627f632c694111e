package io.tributary.catalog.glue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.glue.model.CreateTableRequest;
import software.amazon.awssdk.services.glue.model.UpdateTableRequest;

/** Captures every request the Glue client sends, as the SDK built it (one entry per attempt). */
final class GlueRequests implements ExecutionInterceptor {
  private final List<SdkRequest> requests = new CopyOnWriteArrayList<>();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    requests.add(context.request());
  }

  List<SdkRequest> all() {
    return List.copyOf(requests);
  }

  /** {@code GetTable orders}, {@code UpdateTable orders v3}: one line per request. */
  List<String> lines() {
    return requests.stream().map(GlueRequests::line).toList();
  }

  /** The CreateTable and UpdateTable requests, in order. */
  List<SdkRequest> writes() {
    return requests.stream().filter(r -> r instanceof CreateTableRequest || r instanceof UpdateTableRequest)
        .toList();
  }

  void clear() {
    requests.clear();
  }

  static String line(SdkRequest request) {
    String operation = request.getClass().getSimpleName().replace("Request", "");
    if (request instanceof CreateTableRequest create) {
      return operation + " " + create.tableInput().name() + " v"
          + create.tableInput().parameters().get("tributary.schema.version");
    }
    if (request instanceof UpdateTableRequest update) {
      return operation + " " + update.tableInput().name() + " v"
          + update.tableInput().parameters().get("tributary.schema.version") + " (VersionId " + update.versionId()
          + ")";
    }
    return operation + request.getValueForField("Name", String.class).map(n -> " " + n).orElse("");
  }
}
