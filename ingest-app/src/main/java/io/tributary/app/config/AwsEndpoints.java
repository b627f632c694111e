package io.tributary.app.config;

import static io.tributary.config.CoreKeys.S3_REGION;

import io.tributary.config.ConfigKey;
import java.net.URI;
import java.util.Optional;

/** The region and endpoint keys every AWS service client of the engine has (Glue, Firehose), read one way. */
final class AwsEndpoints {
  private AwsEndpoints() {}

  /** {@code key}, else {@code store.s3.region}, else {@code AWS_REGION}; a {@link ConfigException} naming the key. */
  static String region(Config config, ConfigKey<String> key) {
    return config.find(key).or(() -> config.find(S3_REGION))
        .or(() -> Optional.ofNullable(System.getenv("AWS_REGION")).filter(r -> !r.isBlank()))
        .orElseThrow(() -> new ConfigException("missing " + key.name() + ": give it, or store.s3.region, or set "
            + "AWS_REGION"));
  }

  /** The endpoint override of {@code key}, or null when absent; a {@link ConfigException} when not a URL. */
  static URI endpoint(Config config, ConfigKey<String> key, String example) {
    Optional<String> text = config.find(key);
    if (text.isEmpty()) {
      return null;
    }
    URI endpoint;
    try {
      endpoint = URI.create(text.get());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key.name() + ": '" + text.get() + "' is not a URL: " + e.getMessage());
    }
    if (endpoint.getScheme() == null || endpoint.getHost() == null) {
      throw new ConfigException(key.name() + ": '" + text.get() + "' is not a URL such as " + example);
    }
    return endpoint;
  }
}
