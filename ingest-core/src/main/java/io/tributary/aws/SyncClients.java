package io.tributary.aws;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Builds the synchronous AWS clients whose callers retry by themselves (the Glue catalog, Firehose delivery): one
 * HTTP client (Apache HttpClient 5), the SDK's own retries off, so the caller decides what to resend and counts
 * every failure.
 */
public final class SyncClients {
  private SyncClients() {}

  /**
   * The client {@code builder} builds, configured as above.
   *
   * @param builder a service client's builder ({@code GlueClient.builder()}); further settings may be on it already
   * @param region the AWS region
   * @param endpoint an endpoint override (a VPC endpoint), or null for the service's endpoint in the region
   * @param credentials the credentials to sign with; null for the default AWS credential provider chain
   * @param interceptors SDK interceptors (tests capture requests with one); may be empty
   * @param callTimeout the longest one call may take, or null for the SDK's default (none)
   */
  public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C withoutRetries(B builder,
      String region, URI endpoint, AwsCredentialsProvider credentials, List<ExecutionInterceptor> interceptors,
      Duration callTimeout) {
    builder.region(Region.of(region))
        .httpClientBuilder(Apache5HttpClient.builder())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
            .apiCallTimeout(callTimeout)
            .executionInterceptors(List.copyOf(interceptors)));
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    if (credentials != null) {
      builder.credentialsProvider(credentials);
    }
    return builder.build();
  }
}
