package io.tributary.app.config;

import static io.tributary.firehose.FirehoseKeys.DELIVERY_STREAM;
import static io.tributary.firehose.FirehoseKeys.ENDPOINT;
import static io.tributary.firehose.FirehoseKeys.REGION;

import io.tributary.config.DatasetKeys;
import io.tributary.firehose.DeliveryStreams;
import io.tributary.firehose.FirehoseSettings;
import java.util.Optional;

/**
 * The {@code firehose.*} keys, checked when a dataset's {@code sink} is {@code firehose} (under
 * {@code dataset-defaults} or {@code datasets.<name>}): Firehose needs a region; the stream template must make valid
 * stream names. Without such a dataset the keys are not needed, but a bad template is still an error.
 */
final class FirehoseConfig {
  /** The {@code sink} word of Firehose delivery. */
  static final String FIREHOSE = "firehose";

  private FirehoseConfig() {}

  /** The settings, or empty when no dataset's sink is Firehose; a {@link ConfigException} naming each bad key. */
  static Optional<FirehoseSettings> settings(Config config) {
    DeliveryStreams streams;
    try {
      streams = new DeliveryStreams(config.get(DELIVERY_STREAM));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
    if (!used(config)) {
      return Optional.empty();
    }
    return Optional.of(new FirehoseSettings(AwsEndpoints.region(config, REGION),
        AwsEndpoints.endpoint(config, ENDPOINT, "https://firehose.eu-west-1.amazonaws.com"), streams));
  }

  private static boolean used(Config config) {
    if (config.get(DatasetKeys.defaults(DatasetKeys.SINK)).equals(FIREHOSE)) {
      return true;
    }
    return config.names(DatasetKeys.DATASETS_PREFIX).stream()
        .anyMatch(name -> config.find(DatasetKeys.of(name, DatasetKeys.SINK)).filter(FIREHOSE::equals).isPresent());
  }
}
