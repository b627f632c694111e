package io.tributary.store.s3;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records every HTTP attempt the SDK is about to send (retries included), to check what went over the wire. */
final class RequestRecorder implements ExecutionInterceptor {

  /** One attempt: the S3 operation, the HTTP method and the full URI. */
  record Attempt(String operation, String method, URI uri) {}

  private final List<Attempt> attempts = new CopyOnWriteArrayList<>();

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    attempts.add(new Attempt(
        attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
        context.httpRequest().method().name(),
        context.httpRequest().getUri()));
  }

  List<Attempt> attempts() {
    return List.copyOf(attempts);
  }

  long count(String operation) {
    return attempts.stream().filter(a -> a.operation().equals(operation)).count();
  }

  void clear() {
    attempts.clear();
  }
}
