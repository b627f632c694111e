package io.tributary.kinesis;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

/**
 * Asks Kinesis and DynamoDB whether they answer, so that a source that cannot run says why in one sentence naming
 * the endpoint (readiness and one log line) instead of KCL's retries and stack traces: {@code kinesis unreachable:
 * http://127.0.0.1:4567 (connection refused)}, {@code lease table unreachable: dynamodb https://dynamodb.eu-west-1
 * .amazonaws.com (no answer within 5 s)}, {@code streams missing in kinesis ...: [orders] (kinesis.streams)}.
 * Before KCL starts it also prepares the lease table ({@link LeaseTable}).
 */
final class EndpointCheck {

  /**
   * What keeps the source from running, in one sentence.
   *
   * @param preparing true while the lease table or its index is being created (checked again soon), false for an
   *     endpoint that does not answer or refuses
   */
  record Blocker(String reason, boolean preparing) {
    Blocker {
      java.util.Objects.requireNonNull(reason, "reason may not be null");
    }
  }

  private final KinesisSourceSettings settings;
  private final KinesisAsyncClient kinesis;
  private final LeaseTable leaseTable;
  private final Duration timeout;

  EndpointCheck(KinesisSourceSettings settings, KinesisAsyncClient kinesis, LeaseTable leaseTable,
      Duration timeout) {
    this.settings = settings;
    this.kinesis = kinesis;
    this.leaseTable = leaseTable;
    this.timeout = timeout;
  }

  /**
   * Before KCL starts: every stream exists, and the lease table with its index is ACTIVE (created if missing). Empty
   * when KCL can start; else what is wrong or awaited.
   */
  Optional<Blocker> beforeStart() {
    Optional<String> streams = streams();
    if (streams.isPresent()) {
      return streams.map(reason -> new Blocker(reason, false));
    }
    try {
      return leaseTable.prepare().map(reason -> new Blocker(reason, true));
    } catch (RuntimeException e) {
      return Optional.of(new Blocker(leaseTableProblem(e), false));
    }
  }

  /** While KCL runs: the streams and the lease table answer. Empty when they do. */
  Optional<Blocker> whileRunning() {
    Optional<String> streams = streams();
    if (streams.isPresent()) {
      return streams.map(reason -> new Blocker(reason, false));
    }
    try {
      return leaseTable.describe().isPresent() ? Optional.empty() : Optional.of(new Blocker(
          "lease table " + leaseTable.name() + " missing at dynamodb " + dynamoDbEndpoint(), false));
    } catch (RuntimeException e) {
      return Optional.of(new Blocker(leaseTableProblem(e), false));
    }
  }

  private Optional<String> streams() {
    List<String> missing = new ArrayList<>();
    for (String stream : settings.streams()) {
      try {
        kinesis.describeStreamSummary(b -> b.streamName(stream)
            .overrideConfiguration(o -> o.apiCallAttemptTimeout(timeout).apiCallTimeout(timeout.multipliedBy(4)))).join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof ResourceNotFoundException) {
          missing.add(stream);
          continue;
        }
        return Optional.of(unreachable("kinesis", kinesisEndpoint(), e));
      } catch (RuntimeException e) {
        return Optional.of(unreachable("kinesis", kinesisEndpoint(), e));
      }
    }
    return missing.isEmpty() ? Optional.empty()
        : Optional.of("streams missing in kinesis " + kinesisEndpoint() + ": " + missing + " ("
            + KinesisKeys.STREAMS.name() + ")");
  }

  private String leaseTableProblem(RuntimeException e) {
    return "lease table " + (isServiceAnswer(e) ? leaseTable.name() + " refused by" : "unreachable:") + " dynamodb "
        + dynamoDbEndpoint() + " (" + describe(e) + ")";
  }

  /** {@code kinesis unreachable: URL (why)}, or {@code kinesis URL refused: (error)} when it answered no. */
  private String unreachable(String service, String endpoint, RuntimeException e) {
    return service + (isServiceAnswer(e) ? " " + endpoint + " refused" : " unreachable: " + endpoint)
        + " (" + describe(e) + ")";
  }

  String kinesisEndpoint() {
    return endpoint(settings.endpoint(), "kinesis");
  }

  String dynamoDbEndpoint() {
    return endpoint(settings.dynamoDbEndpoint(), "dynamodb");
  }

  private String endpoint(Optional<URI> override, String service) {
    return override.map(URI::toString).orElse("https://" + service + "." + settings.region() + ".amazonaws.com");
  }

  private static boolean isServiceAnswer(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AwsServiceException) {
        return true;
      }
    }
    return false;
  }

  /** The cause in a few words: connection refused, unknown host, no answer within, or the service's error. */
  String describe(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return "connection refused";
      }
      if (t instanceof UnknownHostException) {
        return "unknown host " + t.getMessage();
      }
      if (t instanceof ApiCallAttemptTimeoutException || t instanceof java.util.concurrent.TimeoutException) {
        return "no answer within " + timeout.toSeconds() + " s";
      }
      if (t instanceof ApiCallTimeoutException) {
        return "no answer within " + timeout.multipliedBy(4).toSeconds() + " s, retries included";
      }
      if (t instanceof AwsServiceException service) {
        return service.awsErrorDetails().errorCode() + ": " + service.awsErrorDetails().errorMessage();
      }
    }
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
