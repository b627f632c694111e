package io.tributary.catalog.glue;

import java.util.Locale;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.glue.model.AccessDeniedException;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.ConcurrentModificationException;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;

/**
 * Why a Glue request failed, as an operator reads it: a reason word (the {@code reason} tag of
 * {@code tributary.catalog.errors}) and a sentence naming what to do. Every failure is retried: an access or a
 * database that is missing can be granted or created while the engine runs.
 *
 * @param reason the reason
 * @param detail what happened and, for access, which IAM action is missing
 */
record GlueFailure(Reason reason, String detail) {

  /** The reasons a catalog request fails. */
  enum Reason {
    /** Another writer changed the table first (VersionId moved, or it created the table): read again at once. */
    CONFLICT,
    /** Glue throttled the request. */
    THROTTLED,
    /** Glue answered 5xx, or did not answer. */
    UNAVAILABLE,
    /** The task's role lacks the IAM action. */
    ACCESS_DENIED,
    /** The configured database does not exist. */
    DATABASE_MISSING,
    /** Glue refused the request for another reason (a 4xx). */
    REJECTED;

    /** The tag value: {@code access_denied}, ... */
    String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The failure of {@code operation} ({@code GetTable}, {@code CreateTable}, {@code UpdateTable},
   * {@code GetDatabase}) on {@code resource}.
   */
  static GlueFailure of(String operation, String resource, SdkException e) {
    if (e instanceof ConcurrentModificationException || e instanceof AlreadyExistsException) {
      return new GlueFailure(Reason.CONFLICT, "another writer changed " + resource + " first (" + code(e) + ")");
    }
    if (e instanceof AccessDeniedException || "AccessDeniedException".equals(code(e))) {
      return new GlueFailure(Reason.ACCESS_DENIED, "access denied: the task role needs the IAM action glue:"
          + operation + " on " + resource + " (" + message(e) + ")");
    }
    if (e instanceof EntityNotFoundException && operation.equals("GetDatabase")) {
      return new GlueFailure(Reason.DATABASE_MISSING, resource + " does not exist: create it (the CDK app does) or "
          + "set catalog.database to an existing one");
    }
    if (e instanceof AwsServiceException service) {
      if (service.isThrottlingException()) {
        return new GlueFailure(Reason.THROTTLED, "throttled (" + message(e) + ")");
      }
      if (service.statusCode() >= 500) {
        return new GlueFailure(Reason.UNAVAILABLE, "Glue answered " + service.statusCode() + " (" + message(e) + ")");
      }
      return new GlueFailure(Reason.REJECTED, operation + " refused with " + service.statusCode() + " ("
          + message(e) + ")");
    }
    return new GlueFailure(Reason.UNAVAILABLE, "no answer from Glue (" + e.getMessage() + ")");
  }

  private static String code(SdkException e) {
    return e instanceof AwsServiceException service && service.awsErrorDetails() != null
        ? service.awsErrorDetails().errorCode()
        : e.getClass().getSimpleName();
  }

  private static String message(SdkException e) {
    if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
      return service.awsErrorDetails().errorCode() + ": " + service.awsErrorDetails().errorMessage();
    }
    return e.getMessage();
  }
}
