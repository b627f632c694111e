package io.tributary.store.s3;

import io.tributary.store.ObjectKeys;
import io.tributary.store.ObjectStore;
import io.tributary.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * S3, or an S3-compatible server, as an {@link ObjectStore}: every key lives in one bucket.
 *
 * <p>{@link #put} sends one PutObject below {@link S3StoreSettings#multipartThresholdBytes()} and a multipart
 * upload from there on. {@link #putIfAbsent} is a conditional write ({@code If-None-Match: *}, on the PutObject or on
 * the CompleteMultipartUpload), so S3 itself decides the one winner of a race. {@link #copy} is one server-side
 * CopyObject: the bytes are not downloaded or uploaded again. Its 5 GiB limit (above which UploadPartCopy would be
 * needed) is out of reach: every object Tributary writes is one Java array, at most 2 GiB.
 *
 * <p>Retries are the SDK's standard retry strategy, set up from the settings: up to
 * {@link S3StoreSettings#maxAttempts()} attempts with exponential backoff and full jitter, for 5xx, throttling, I/O
 * errors and {@code 409 ConditionalRequestConflict}. No circuit breaker: during an outage every call makes all its
 * attempts, and the engine above decides what to do with the failure. What still fails becomes a
 * {@link StoreException} naming bucket, key and operation, retryable or not as described in {@link S3Failures}.
 *
 * <p>Thread-safe. Closing the store closes its {@link S3Client}.
 */
public final class S3ObjectStore implements ObjectStore {

  /**
   * Set on objects written by {@link #putIfAbsent} to a value unique to the call, so that a 412 answered to a retry
   * of our own, already successful attempt is recognised as our win, not as a lost race.
   */
  static final String WRITE_ID_METADATA = "tributary-write-id";

  private static final String CONTENT_TYPE = "application/octet-stream";

  /** S3's largest page; smaller only in tests, to exercise pagination with a few keys. */
  static final int MAX_LIST_PAGE_SIZE = 1000;

  private final S3StoreSettings settings;
  private final S3Client s3;
  private final MultipartUpload multipart;
  private final int listPageSize;

  /**
   * A store with a client built by {@link #buildClient} from the default AWS credential provider chain
   * (environment, system properties, profile, container or instance role).
   *
   * @param settings may not be null
   */
  public S3ObjectStore(S3StoreSettings settings) {
    this(settings, buildClient(settings, null, List.of()));
  }

  /**
   * A store over a client the caller built, usually with {@link #buildClient} and its own credentials or
   * interceptors. The store takes the client over and closes it in {@link #close()}. The client's own retry
   * configuration applies; the retry fields of {@code settings} are used only by {@link #buildClient}.
   *
   * @param settings may not be null
   * @param client may not be null
   */
  public S3ObjectStore(S3StoreSettings settings, S3Client client) {
    this(settings, client, MAX_LIST_PAGE_SIZE);
  }

  S3ObjectStore(S3StoreSettings settings, S3Client client, int listPageSize) {
    this.settings = Objects.requireNonNull(settings, "settings may not be null");
    this.s3 = Objects.requireNonNull(client, "client may not be null");
    this.multipart = new MultipartUpload(s3, settings.bucket(), settings.partSizeBytes());
    this.listPageSize = listPageSize;
  }

  /**
   * A synchronous S3 client over the Apache HttpClient 5 client, with the region, endpoint, addressing style and retry
   * strategy of {@code settings}.
   *
   * @param credentials the credentials to sign with; null for the default AWS credential provider chain (local
   *     S3-compatible servers that check no signature still need some, e.g. static ones)
   * @param interceptors added to the client, e.g. to observe requests in tests; may be empty, not null
   */
  public static S3Client buildClient(
      S3StoreSettings settings, AwsCredentialsProvider credentials, List<ExecutionInterceptor> interceptors) {
    Objects.requireNonNull(settings, "settings may not be null");
    Objects.requireNonNull(interceptors, "interceptors may not be null (use List.of())");
    S3ClientBuilder builder = S3Client.builder()
        .region(Region.of(settings.region()))
        .httpClientBuilder(Apache5HttpClient.builder())
        .forcePathStyle(settings.pathStyle())
        .overrideConfiguration(o -> o.retryStrategy(retryStrategy(settings)).executionInterceptors(interceptors));
    if (settings.endpointOverride() != null) {
      builder.endpointOverride(settings.endpointOverride());
    }
    if (credentials != null) {
      builder.credentialsProvider(credentials);
    }
    return builder.build();
  }

  static RetryStrategy retryStrategy(S3StoreSettings settings) {
    BackoffStrategy backoff = BackoffStrategy.exponentialDelay(settings.baseBackoff(), settings.maxBackoff());
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(settings.maxAttempts())
        .backoffStrategy(backoff)
        .throttlingBackoffStrategy(backoff)
        .retryOnException(S3Failures::isConditionalConflict)
        // The token bucket would stop retrying after a burst of failures: in an outage, every call should get
        // all its attempts so that the outcome does not depend on what other threads did before.
        .circuitBreakerEnabled(false)
        .build();
  }

  /** The settings this store was made with. */
  public S3StoreSettings settings() {
    return settings;
  }

  @Override
  public void put(String key, byte[] bytes) {
    ObjectKeys.validate(key);
    Objects.requireNonNull(bytes, "bytes may not be null");
    try {
      if (isMultipart(bytes)) {
        multipart.upload(key, bytes, Map.of(), null);
      } else {
        s3.putObject(b -> b.bucket(bucket()).key(key), body(bytes));
      }
    } catch (SdkException e) {
      throw S3Failures.failure("put", bucket(), key, e);
    }
  }

  @Override
  public boolean putIfAbsent(String key, byte[] bytes) {
    ObjectKeys.validate(key);
    Objects.requireNonNull(bytes, "bytes may not be null");
    String writeId = UUID.randomUUID().toString();
    Map<String, String> metadata = Map.of(WRITE_ID_METADATA, writeId);
    boolean isMultipart = isMultipart(bytes);
    try {
      if (isMultipart) {
        multipart.upload(key, bytes, metadata, "*");
      } else {
        s3.putObject(b -> b.bucket(bucket()).key(key).ifNoneMatch("*").metadata(metadata), body(bytes));
      }
      return true;
    } catch (SdkException e) {
      // NoSuchUpload: a retried CompleteMultipartUpload whose first attempt completed the upload.
      if (S3Failures.isPreconditionFailed(e) || (isMultipart && S3Failures.isNoSuchUpload(e))) {
        return mayHaveBeenOurOwnAttempt(e) && isOurs(key, writeId);
      }
      throw S3Failures.failure("putIfAbsent", bucket(), key, e);
    }
  }

  @Override
  public Optional<byte[]> get(String key) {
    ObjectKeys.validate(key);
    try {
      return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket()).key(key)).asByteArrayUnsafe());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (SdkException e) {
      if (S3Failures.isNoSuchKey(e)) {
        return Optional.empty();
      }
      throw S3Failures.failure("get", bucket(), key, e);
    }
  }

  @Override
  public boolean copy(String from, String to) {
    ObjectKeys.validate(from);
    ObjectKeys.validate(to);
    try {
      s3.copyObject(b -> b.sourceBucket(bucket()).sourceKey(from).destinationBucket(bucket()).destinationKey(to));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (SdkException e) {
      if (S3Failures.isNoSuchKey(e)) {
        return false;
      }
      throw S3Failures.failure("copy (to '" + to + "')", bucket(), from, e);
    }
  }

  @Override
  public List<String> list(String prefix) {
    ObjectKeys.validatePrefix(prefix);
    List<String> keys = new ArrayList<>();
    try {
      for (S3Object object : s3.listObjectsV2Paginator(
          b -> b.bucket(bucket()).prefix(prefix).maxKeys(listPageSize)).contents()) {
        if (ObjectKeys.isValid(object.key())) {
          keys.add(object.key());
        }
      }
    } catch (SdkException e) {
      throw S3Failures.listFailure(bucket(), prefix, e);
    }
    // S3 lists in UTF-8 byte order already (sorting sorted input is linear); some compatible servers, S3Proxy's
    // filesystem backend among them, list in UTF-16 order, which differs for characters beyond U+FFFF.
    keys.sort(ObjectKeys::compareUtf8);
    return keys;
  }

  @Override
  public void delete(String key) {
    ObjectKeys.validate(key);
    try {
      s3.deleteObject(b -> b.bucket(bucket()).key(key));
    } catch (SdkException e) {
      if (S3Failures.isNoSuchKey(e)) {
        return; // S3 answers 204 here; some compatible servers answer 404, which means the same
      }
      throw S3Failures.failure("delete", bucket(), key, e);
    }
  }

  @Override
  public void close() {
    s3.close();
  }

  @Override
  public String toString() {
    return "S3ObjectStore[s3://" + bucket() + (settings.endpointOverride() == null ? "" : " at "
        + settings.endpointOverride()) + "]";
  }

  private String bucket() {
    return settings.bucket();
  }

  private boolean isMultipart(byte[] bytes) {
    return bytes.length >= settings.multipartThresholdBytes();
  }

  /** Streams from the caller's array without copying it; each SDK attempt reads it afresh. */
  private static RequestBody body(byte[] bytes) {
    return RequestBody.fromContentProvider(ContentStreamProvider.fromByteArrayUnsafe(bytes), bytes.length,
        CONTENT_TYPE);
  }

  /** A first attempt that fails its precondition lost the race; only a retry can have been beaten by itself. */
  private static boolean mayHaveBeenOurOwnAttempt(SdkException e) {
    Integer attempts = e.numAttempts();
    return attempts == null || attempts > 1;
  }

  /** Whether the object now at {@code key} is the one this call wrote; a failure to find out is reported. */
  private boolean isOurs(String key, String writeId) {
    try {
      String found = s3.headObject(b -> b.bucket(bucket()).key(key)).metadata().get(WRITE_ID_METADATA);
      return writeId.equals(found);
    } catch (NoSuchKeyException e) {
      return false; // deleted since: whoever won, it was not this call's object that is gone
    } catch (SdkException e) {
      StoreException failure = S3Failures.failure("putIfAbsent", bucket(), key, e);
      throw new StoreException(failure.getMessage() + " (while checking whether a retried conditional write had"
          + " already succeeded: the outcome is unknown)", failure.retryable(), e);
    }
  }
}
