package io.tributary.store.s3;

import io.tributary.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns what the SDK throws, after its own retries, into a {@link StoreException} that names the bucket, key and
 * operation and says whether calling again later may help.
 */
final class S3Failures {

  static final int PRECONDITION_FAILED = 412;
  static final int CONFLICT = 409;
  static final String CONDITIONAL_REQUEST_CONFLICT = "ConditionalRequestConflict";

  private S3Failures() {}

  /** S3 refused a conditional write because an object already exists at the key ({@code If-None-Match: *}). */
  static boolean isPreconditionFailed(Throwable e) {
    return e instanceof S3Exception s3 && s3.statusCode() == PRECONDITION_FAILED;
  }

  /**
   * Another conditional write on the same key was in flight; S3 asks the caller to try again. The SDK's retry
   * strategy retries it (see {@link S3ObjectStore#buildClient}); it does not by default.
   */
  static boolean isConditionalConflict(Throwable e) {
    return e instanceof S3Exception s3
        && s3.statusCode() == CONFLICT
        && CONDITIONAL_REQUEST_CONFLICT.equals(errorCode(s3));
  }

  static boolean isNoSuchKey(Throwable e) {
    return e instanceof S3Exception s3 && s3.statusCode() == 404 && "NoSuchKey".equals(errorCode(s3));
  }

  static boolean isNoSuchUpload(Throwable e) {
    return e instanceof S3Exception s3 && s3.statusCode() == 404 && "NoSuchUpload".equals(errorCode(s3));
  }

  static StoreException failure(String operation, String bucket, String key, SdkException e) {
    String what = "Cannot " + operation + " object '" + key + "' in S3 bucket '" + bucket + "'";
    return new StoreException(what + ": " + describe(e), isRetryable(e), e);
  }

  static StoreException listFailure(String bucket, String prefix, SdkException e) {
    String what = "Cannot list objects with prefix '" + prefix + "' in S3 bucket '" + bucket + "'";
    return new StoreException(what + ": " + describe(e), isRetryable(e), e);
  }

  /**
   * Retryable: 5xx, throttling, conditional-write conflicts, time-outs and I/O errors, which go away by themselves.
   * Permanent: everything else, such as 403 (credentials, policy), 400, 404 NoSuchBucket and a 301 to another
   * region, and client-side failures that are not I/O (no credentials found, an invalid endpoint).
   */
  static boolean isRetryable(SdkException e) {
    if (e instanceof AwsServiceException service) {
      int status = service.statusCode();
      return status >= 500 || status == 429 || service.isThrottlingException() || isConditionalConflict(e)
          || service.retryable();
    }
    if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
      return true;
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException || cause instanceof UncheckedIOException) {
        return true;
      }
    }
    return e.retryable();
  }

  private static String describe(SdkException e) {
    StringBuilder out = new StringBuilder();
    if (e instanceof AwsServiceException service) {
      out.append("HTTP ").append(service.statusCode());
      String code = errorCode(service);
      if (code != null) {
        out.append(' ').append(code);
      }
      String message = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorMessage();
      if (message != null) {
        out.append(": ").append(message);
      }
    } else {
      out.append(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
    }
    Integer attempts = e.numAttempts();
    if (attempts != null && attempts > 1) {
      out.append(" (after ").append(attempts).append(" attempts)");
    }
    return out.toString();
  }

  private static String errorCode(AwsServiceException e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }
}
