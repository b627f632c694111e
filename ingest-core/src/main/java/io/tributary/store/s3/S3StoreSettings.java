package io.tributary.store.s3;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where and how {@link S3ObjectStore} talks to S3.
 *
 * @param bucket the bucket every key lives in; S3 bucket naming rules (3 to 63 of {@code a-z 0-9 . -})
 * @param region the AWS region of the bucket, e.g. {@code eu-west-1}; may not be blank
 * @param endpointOverride an S3-compatible endpoint ({@code http://127.0.0.1:9000}) instead of AWS's; null for AWS
 * @param pathStyle address objects as {@code endpoint/bucket/key} rather than {@code bucket.endpoint/key}; local
 *     S3-compatible servers need it
 * @param multipartThresholdBytes objects of at least this many bytes are sent as a multipart upload, so no single
 *     request carries a huge body; at most 5 GiB, the S3 single-request limit
 * @param partSizeBytes the size of each part of a multipart upload but the last; 5 MiB to 5 GiB (S3's limits)
 * @param maxAttempts attempts per request, the first included, before a retryable failure is reported; at least 1
 * @param baseBackoff the first retry's backoff ceiling; retries wait a random time up to
 *     {@code min(maxBackoff, baseBackoff * 2^retry)} (exponential backoff with full jitter)
 * @param maxBackoff the largest backoff ceiling; at least {@code baseBackoff}
 */
public record S3StoreSettings(
    String bucket,
    String region,
    URI endpointOverride,
    boolean pathStyle,
    long multipartThresholdBytes,
    long partSizeBytes,
    int maxAttempts,
    Duration baseBackoff,
    Duration maxBackoff) {

  /** Large enough that most Parquet files go in one request, small enough to keep requests short. */
  public static final long DEFAULT_MULTIPART_THRESHOLD_BYTES = 16L * 1024 * 1024;

  public static final long DEFAULT_PART_SIZE_BYTES = 8L * 1024 * 1024;

  /** With the backoffs below, about 30 s of retrying before a failure reaches the engine's own backpressure. */
  public static final int DEFAULT_MAX_ATTEMPTS = 8;

  public static final Duration DEFAULT_BASE_BACKOFF = Duration.ofMillis(100);
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(20);

  /** S3's smallest part (except the last) and its largest single request or part. */
  static final long MIN_PART_SIZE_BYTES = 5L * 1024 * 1024;

  static final long MAX_REQUEST_BYTES = 5L * 1024 * 1024 * 1024;

  private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  public S3StoreSettings {
    if (bucket == null || !BUCKET_NAME.matcher(bucket).matches() || bucket.contains("..")) {
      throw invalid("bucket", bucket,
          "must be 3 to 63 characters of a-z, 0-9, '.' and '-', starting and ending with a letter or digit");
    }
    if (region == null || region.isBlank()) {
      throw invalid("region", region, "may not be null or blank (for example eu-west-1)");
    }
    if (endpointOverride != null) {
      String scheme = endpointOverride.getScheme() == null ? "" : endpointOverride.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || endpointOverride.getHost() == null) {
        throw invalid("endpointOverride", endpointOverride,
            "must be an absolute http or https URI with a host, or null for AWS");
      }
    }
    if (partSizeBytes < MIN_PART_SIZE_BYTES || partSizeBytes > MAX_REQUEST_BYTES) {
      throw invalid("partSizeBytes", partSizeBytes,
          "must be from " + MIN_PART_SIZE_BYTES + " (5 MiB) to " + MAX_REQUEST_BYTES + " (5 GiB), S3's part limits");
    }
    if (multipartThresholdBytes < 1 || multipartThresholdBytes > MAX_REQUEST_BYTES) {
      throw invalid("multipartThresholdBytes", multipartThresholdBytes,
          "must be from 1 to " + MAX_REQUEST_BYTES + " (5 GiB), the largest single S3 request");
    }
    if (maxAttempts < 1) {
      throw invalid("maxAttempts", maxAttempts, "must be at least 1 (the first attempt counts)");
    }
    if (baseBackoff == null || baseBackoff.isNegative() || baseBackoff.isZero()) {
      throw invalid("baseBackoff", baseBackoff, "must be a positive duration");
    }
    if (maxBackoff == null || maxBackoff.compareTo(baseBackoff) < 0) {
      throw invalid("maxBackoff", maxBackoff, "must be a duration of at least baseBackoff (" + baseBackoff + ")");
    }
  }

  /** AWS S3 in {@code region}, virtual-hosted addressing, and the defaults above. */
  public static S3StoreSettings defaults(String bucket, String region) {
    return new S3StoreSettings(bucket, region, null, false, DEFAULT_MULTIPART_THRESHOLD_BYTES,
        DEFAULT_PART_SIZE_BYTES, DEFAULT_MAX_ATTEMPTS, DEFAULT_BASE_BACKOFF, DEFAULT_MAX_BACKOFF);
  }

  /** A copy that talks to {@code endpoint} (null for AWS) with the given addressing style. */
  public S3StoreSettings withEndpoint(URI endpoint, boolean usePathStyle) {
    return new S3StoreSettings(bucket, region, endpoint, usePathStyle, multipartThresholdBytes, partSizeBytes,
        maxAttempts, baseBackoff, maxBackoff);
  }

  /** A copy for {@code otherBucket}, everything else equal. */
  public S3StoreSettings withBucket(String otherBucket) {
    return new S3StoreSettings(otherBucket, region, endpointOverride, pathStyle, multipartThresholdBytes,
        partSizeBytes, maxAttempts, baseBackoff, maxBackoff);
  }

  /** A copy with other multipart sizes. */
  public S3StoreSettings withMultipart(long thresholdBytes, long partBytes) {
    return new S3StoreSettings(bucket, region, endpointOverride, pathStyle, thresholdBytes, partBytes, maxAttempts,
        baseBackoff, maxBackoff);
  }

  /** A copy with other retry settings. */
  public S3StoreSettings withRetries(int attempts, Duration base, Duration max) {
    return new S3StoreSettings(bucket, region, endpointOverride, pathStyle, multipartThresholdBytes, partSizeBytes,
        attempts, base, max);
  }

  private static IllegalArgumentException invalid(String setting, Object value, String allowed) {
    Objects.requireNonNull(setting);
    return new IllegalArgumentException("Invalid S3 store setting " + setting + ": " + value + ": " + allowed);
  }
}
