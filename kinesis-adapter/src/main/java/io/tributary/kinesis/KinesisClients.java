package io.tributary.kinesis;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsAsyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClientBuilder;
import software.amazon.kinesis.common.KinesisClientUtil;

/**
 * The three clients KCL needs (Kinesis, DynamoDB for leases and checkpoints, CloudWatch for its own metrics), with
 * the region, endpoint overrides and credentials of the settings. Credentials come from the default AWS chain (the
 * ECS task role) unless a provider is given.
 */
record KinesisClients(KinesisAsyncClient kinesis, DynamoDbAsyncClient dynamoDb, CloudWatchAsyncClient cloudWatch)
    implements AutoCloseable {

  static KinesisClients build(KinesisSourceSettings settings, AwsCredentialsProvider credentials) {
    return build(settings, credentials, List.of());
  }

  /** With {@code interceptors} on every client (tests record and fail requests with them). */
  static KinesisClients build(KinesisSourceSettings settings, AwsCredentialsProvider credentials,
      List<ExecutionInterceptor> interceptors) {
    KinesisAsyncClientBuilder kinesis = configure(KinesisAsyncClient.builder(), settings, settings.endpoint(),
        credentials, interceptors);
    if (settings.consumer() == KinesisSourceSettings.Consumer.ENHANCED_FAN_OUT) {
      // SubscribeToShard needs HTTP/2 and KCL's window and timeout settings.
      kinesis = KinesisClientUtil.adjustKinesisClientBuilder(kinesis);
    }
    return new KinesisClients(kinesis.build(),
        configure(DynamoDbAsyncClient.builder(), settings, settings.dynamoDbEndpoint(), credentials, interceptors)
            .build(),
        configure(CloudWatchAsyncClient.builder(), settings, settings.cloudWatchEndpoint(), credentials,
            interceptors).build());
  }

  private static <B extends AwsClientBuilder<B, ?> & AwsAsyncClientBuilder<B, ?>> B configure(B builder,
      KinesisSourceSettings settings, Optional<URI> endpoint, AwsCredentialsProvider credentials,
      List<ExecutionInterceptor> interceptors) {
    builder.region(Region.of(settings.region()));
    if (!interceptors.isEmpty()) {
      builder.overrideConfiguration(o -> interceptors.forEach(o::addExecutionInterceptor));
    }
    endpoint.ifPresent(builder::endpointOverride);
    if (credentials != null) {
      builder.credentialsProvider(credentials);
    }
    return builder;
  }

  @Override
  public void close() {
    kinesis.close();
    dynamoDb.close();
    cloudWatch.close();
  }
}
