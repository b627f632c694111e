package io.tributary.kinesis.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** An SDK interceptor that records every request the clients it is given to send, in order. */
public final class RecordingInterceptor implements ExecutionInterceptor {

  private final List<SdkRequest> requests = new CopyOnWriteArrayList<>();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    requests.add(context.request());
  }

  /** The recorded requests of {@code type}. */
  public <T extends SdkRequest> List<T> of(Class<T> type) {
    return requests.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /**
   * The operations of one service recorded so far, distinct, by name ({@code SubscribeToShard}): those whose request
   * class is in {@code modelPackage} ({@code software.amazon.awssdk.services.kinesis.model}).
   */
  public List<String> operations(String modelPackage) {
    return requests.stream().filter(r -> r.getClass().getPackageName().equals(modelPackage))
        .map(r -> r.getClass().getSimpleName().replaceFirst("Request$", "")).distinct().toList();
  }
}
