package io.tributary.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** What the SDK retry strategy built from the settings retries, and how the failures left over are classified. */
class S3RetriesTest {

  private static final int ATTEMPTS = 4;
  private static final Duration MAX_BACKOFF = Duration.ofMillis(40);
  private static final S3StoreSettings SETTINGS = S3StoreSettings.defaults("lake-bucket", "eu-west-1")
      .withRetries(ATTEMPTS, Duration.ofMillis(10), MAX_BACKOFF);

  @Test
  void serverErrorsThrottlingIoErrorsAndConditionalConflictsGetEveryConfiguredAttempt() {
    for (SdkException failure : List.of(
        s3Error(500, "InternalError"),
        s3Error(503, "SlowDown"),
        s3Error(409, "ConditionalRequestConflict"),
        SdkClientException.create("Unable to execute HTTP request", new IOException("Connection refused")))) {
      List<Duration> delays = retryDelays(failure);

      assertThat(delays).as(failure.toString()).hasSize(ATTEMPTS - 1);
      assertThat(delays).as(failure.toString()).allSatisfy(d -> assertThat(d).isBetween(Duration.ZERO, MAX_BACKOFF));
      assertThat(S3Failures.isRetryable(failure)).as(failure.toString()).isTrue();
    }
  }

  @Test
  void preconditionFailuresAuthorizationErrorsAndOtherConflictsAreNotRetried() {
    for (SdkException failure : List.of(
        s3Error(412, "PreconditionFailed"),
        s3Error(403, "AccessDenied"),
        s3Error(404, "NoSuchBucket"),
        s3Error(400, "InvalidArgument"),
        s3Error(409, "BucketNotEmpty"),
        SdkClientException.create("Unable to load credentials from any of the providers in the chain"))) {
      assertThat(retryDelays(failure)).as(failure.toString()).isEmpty();
      assertThat(S3Failures.isRetryable(failure)).as(failure.toString()).isFalse();
    }
  }

  @Test
  void failureMessagesNameOperationKeyBucketAndTheS3ErrorCode() {
    var failure = S3Failures.failure("put", "lake-bucket", "a/b", s3Error(403, "AccessDenied"));

    assertThat(failure).hasMessage("Cannot put object 'a/b' in S3 bucket 'lake-bucket': HTTP 403 AccessDenied: "
        + "AccessDenied happened");
    assertThat(failure.retryable()).isFalse();
  }

  /** The delays before each retry the strategy grants for repeated {@code failure}s, until it gives up. */
  private static List<Duration> retryDelays(Throwable failure) {
    RetryStrategy strategy = S3ObjectStore.retryStrategy(SETTINGS);
    RetryToken token = strategy.acquireInitialToken(AcquireInitialTokenRequest.create("test")).token();
    List<Duration> delays = new ArrayList<>();
    while (delays.size() < 100) {
      try {
        var response = strategy.refreshRetryToken(
            RefreshRetryTokenRequest.builder().token(token).failure(failure).build());
        delays.add(response.delay());
        token = response.token();
      } catch (TokenAcquisitionFailedException e) {
        return delays;
      }
    }
    throw new AssertionError("the strategy never gave up on " + failure);
  }

  private static S3Exception s3Error(int status, String code) {
    return (S3Exception) S3Exception.builder()
        .statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code + " happened").build())
        .message(code + " happened")
        .build();
  }
}
