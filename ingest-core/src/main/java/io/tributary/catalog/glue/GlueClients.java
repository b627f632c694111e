package io.tributary.catalog.glue;

import io.tributary.aws.SyncClients;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.glue.GlueClient;

/** Builds the Glue client of the catalog. */
public final class GlueClients {
  private GlueClients() {}

  /**
   * A synchronous Glue client over the Apache HttpClient 5 client, with the SDK's own retries off: the catalog
   * retries whole table updates itself ({@link RetryDelays}), counting each failure.
   *
   * @param region the AWS region
   * @param endpoint an endpoint override, or null for Glue's endpoint in the region
   * @param credentials the credentials to sign with; null for the default AWS credential provider chain
   * @param interceptors SDK interceptors (tests capture requests with one); may be empty
   */
  public static GlueClient create(String region, URI endpoint, AwsCredentialsProvider credentials,
      List<ExecutionInterceptor> interceptors) {
    return SyncClients.withoutRetries(GlueClient.builder(), region, endpoint, credentials, interceptors, null);
  }
}
