package io.tributary.firehose;

import io.tributary.aws.SyncClients;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.firehose.FirehoseClient;

/** Builds the Firehose client of the delivery. */
public final class FirehoseClients {
  /** A call that takes longer is failed (and retried by the delivery): a 4 MiB call takes well under a second. */
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private FirehoseClients() {}

  /**
   * A synchronous Firehose client over the Apache HttpClient 5 client, with the SDK's own retries off
   * ({@link SyncClients}): the delivery resends only the failed entries of a call ({@link FirehoseDelivery}),
   * counting each retry, where the SDK would resend the whole batch.
   *
   * @param region the AWS region
   * @param endpoint an endpoint override (a VPC endpoint), or null for Firehose's endpoint in the region
   * @param credentials the credentials to sign with; null for the default AWS credential provider chain
   * @param interceptors SDK interceptors (tests capture requests and inject answers with one); may be empty
   */
  public static FirehoseClient create(String region, URI endpoint, AwsCredentialsProvider credentials,
      List<ExecutionInterceptor> interceptors) {
    return SyncClients.withoutRetries(FirehoseClient.builder(), region, endpoint, credentials, interceptors,
        CALL_TIMEOUT);
  }
}
