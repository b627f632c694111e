package io.tributary.firehose;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The {@code firehose.*} keys, checked: where the delivery streams are and what they are called.
 *
 * @param region Firehose's region; may not be null
 * @param endpoint an endpoint override, or null for Firehose's endpoint in the region
 * @param streams the delivery stream of each dataset; may not be null
 */
public record FirehoseSettings(String region, URI endpoint, DeliveryStreams streams) {
  public FirehoseSettings {
    Objects.requireNonNull(region, "region may not be null");
    Objects.requireNonNull(streams, "streams may not be null");
  }

  /** The delivery, with the default credential chain and {@link RetryPolicy#defaults()}, counting in {@code registry}. */
  public FirehoseSink open(MeterRegistry registry) {
    return new FirehoseDelivery(FirehoseClients.create(region, endpoint, null, List.of()), streams,
        RetryPolicy.defaults(), Thread::sleep, new FirehoseMetrics(registry));
  }
}
