package io.tributary.firehose;

import static io.tributary.config.ValueType.STRING;

import io.tributary.config.ConfigKey;
import java.util.List;

/**
 * The keys of Firehose delivery, for the datasets whose {@code sink} is {@code firehose} (a per-dataset key of
 * {@code io.tributary.config.DatasetKeys}).
 */
public final class FirehoseKeys {

  private FirehoseKeys() {}

  public static final ConfigKey<String> DELIVERY_STREAM = ConfigKey.of("firehose.delivery-stream", STRING,
      "tributary-" + DeliveryStreams.DATASET,
      "The Amazon Data Firehose stream of each dataset with `sink: firehose`: a name, or a template in which "
          + "`{dataset}` stands for the dataset name. The stream must exist (the CDK app can create it).");
  public static final ConfigKey<String> REGION = ConfigKey.optional("firehose.region", STRING,
      "Firehose's region. Default: `store.s3.region`, else from the environment (AWS_REGION).");
  public static final ConfigKey<String> ENDPOINT = ConfigKey.optional("firehose.endpoint", STRING,
      "An endpoint override for Firehose (a VPC endpoint URL); absent for AWS.");

  /** The Firehose keys, in the order the documentation lists them. */
  public static List<ConfigKey<?>> all() {
    return List.of(DELIVERY_STREAM, REGION, ENDPOINT);
  }
}
