package io.tributary.app.config;

import static io.tributary.firehose.FirehoseKeys.DELIVERY_STREAM;
import static io.tributary.firehose.FirehoseKeys.ENDPOINT;
import static io.tributary.firehose.FirehoseKeys.REGION;

import io.tributary.config.CoreKeys;
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

  /** True when {@code dataset}'s rows go to Firehose: its {@code sink}, else {@code dataset-defaults.sink}, is firehose. */
  static boolean sendsToFirehose(Config config, String dataset) {
    return DatasetValues.value(config, DatasetKeys.DATASETS_PREFIX + dataset + ".", DatasetKeys.SINK).equals(FIREHOSE);
  }

  static boolean used(Config config) {
    if (config.get(DatasetKeys.defaults(DatasetKeys.SINK)).equals(FIREHOSE)) {
      return true;
    }
    return config.names(DatasetKeys.DATASETS_PREFIX).stream()
        .anyMatch(name -> config.find(DatasetKeys.of(name, DatasetKeys.SINK)).filter(FIREHOSE::equals).isPresent());
  }

  /** Firehose takes records of at most 1,000 KiB; a shaped row's JSON adds its metadata keys and escaping. */
  static final long MAX_RECORD_BYTES = 900L * 1024;

  /**
   * The decoder's record limit: {@code limits.max-record-bytes}, or {@value #MAX_RECORD_BYTES} bytes when a dataset's
   * sink is Firehose and the key is not set, so that a record Firehose could not take goes to the error prefix as
   * OVERSIZE instead of stopping its flush.
   *
   * @throws ConfigException when the key is set above {@value #MAX_RECORD_BYTES} with Firehose datasets
   */
  static long maxRecordBytes(Config config) {
    if (!used(config)) {
      return config.get(CoreKeys.LIMIT_RECORD_BYTES);
    }
    if (!config.has(CoreKeys.LIMIT_RECORD_BYTES)) {
      return MAX_RECORD_BYTES;
    }
    long set = config.get(CoreKeys.LIMIT_RECORD_BYTES);
    if (set > MAX_RECORD_BYTES) {
      throw new ConfigException(CoreKeys.LIMIT_RECORD_BYTES.name() + ": " + set + " is over " + MAX_RECORD_BYTES
          + " bytes, the most a dataset with sink: firehose can take (Firehose's record limit is 1,000 KiB, and a "
          + "row's JSON adds its metadata columns)");
    }
    return set;
  }
}
