package io.tributary.app.config;

import static io.tributary.app.config.ConfigValues.missing;
import static io.tributary.app.config.ConfigValues.named;
import static io.tributary.app.config.ConfigValues.region;
import static io.tributary.app.config.ConfigValues.required;
import static io.tributary.app.config.ConfigValues.uri;
import static io.tributary.config.CoreKeys.*;

import io.tributary.store.LocalFileStore;
import io.tributary.store.ObjectStore;
import io.tributary.store.s3.S3ObjectStore;
import io.tributary.store.s3.S3StoreSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** The object store from the {@code store.} keys: a local folder, or S3 (which needs a bucket and a region). */
final class StoreConfig {

  private StoreConfig() {}

  /** Opens the configured object store. */
  static ObjectStore open(Config config) {
    if (isS3(config)) {
      return new S3ObjectStore(s3Settings(config));
    }
    return new LocalFileStore(Path.of(config.get(STORE_PATH)));
  }

  /** A line saying where the lake is, for logs and the CLI. */
  static String description(Config config) {
    if (isS3(config)) {
      S3StoreSettings s3 = s3Settings(config);
      return "s3://" + s3.bucket() + "/" + config.get(LAKE_PREFIX)
          + (s3.endpointOverride() == null ? "" : " at " + s3.endpointOverride());
    }
    return Path.of(config.get(STORE_PATH)).toAbsolutePath().normalize().resolve(config.get(LAKE_PREFIX)).toString();
  }

  /** The folder of the lake when it is local. */
  static Optional<Path> localLake(Config config) {
    return config.get(STORE_TYPE).equals("local") ? Optional.of(Path.of(config.get(STORE_PATH))) : Optional.empty();
  }

  private static boolean isS3(Config config) {
    return config.get(STORE_TYPE).equals("s3");
  }

  private static S3StoreSettings s3Settings(Config config) {
    String bucket = required(config, S3_BUCKET, "`" + STORE_TYPE.name() + ": s3` needs a bucket");
    String region = region(config, S3_REGION).orElseThrow(() -> missing(S3_REGION, "give it, or set AWS_REGION"));
    S3StoreSettings settings = named(S3_BUCKET, () -> S3StoreSettings.defaults(bucket, region));
    Optional<String> endpoint = config.find(S3_ENDPOINT);
    if (endpoint.isPresent() || config.get(S3_PATH_STYLE)) {
      URI uri = uri(config, S3_ENDPOINT).orElse(null);
      settings = named(S3_ENDPOINT, () -> S3StoreSettings.defaults(bucket, region)
          .withEndpoint(uri, config.get(S3_PATH_STYLE)));
    }
    return settings;
  }
}
