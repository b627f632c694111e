package io.tributary.firehose;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.firehose.model.ServiceUnavailableException;

/**
 * A failed {@code PutRecordBatch} call, classified: Firehose's throttling ({@code ServiceUnavailableException}, or
 * any throttling code), a server error (5xx) and a network failure are retried; every other answer (4xx:
 * {@code ResourceNotFoundException}, {@code InvalidArgumentException}, access denied, a KMS key Firehose cannot use)
 * is not, since the same call would fail the same way.
 *
 * @param retryable whether the same call may succeed later
 * @param code the AWS error code, or {@code HTTP <status>}, or the client exception's class name
 * @param reason a metric tag: {@code throttled}, {@code server_error}, {@code network} or {@code rejected}
 */
record CallFailure(boolean retryable, String code, String reason) {
  static final String THROTTLED = "throttled";
  static final String SERVER_ERROR = "server_error";
  static final String NETWORK = "network";
  static final String REJECTED = "rejected";

  static CallFailure of(SdkException e) {
    if (e instanceof AwsServiceException service) {
      String code = service.awsErrorDetails() != null && service.awsErrorDetails().errorCode() != null
          ? service.awsErrorDetails().errorCode() : "HTTP " + service.statusCode();
      if (service instanceof ServiceUnavailableException || service.isThrottlingException()) {
        return new CallFailure(true, code, THROTTLED);
      }
      if (service.statusCode() >= 500) {
        return new CallFailure(true, code, SERVER_ERROR);
      }
      return new CallFailure(false, code, REJECTED);
    }
    // A client-side failure (connection refused or reset, timeout): the call may not have reached Firehose, or its
    // answer was lost; sending again can only duplicate, which at-least-once allows.
    return new CallFailure(e instanceof SdkClientException || e.retryable(), e.getClass().getSimpleName(), NETWORK);
  }
}
