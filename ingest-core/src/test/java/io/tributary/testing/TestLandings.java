package io.tributary.testing;

import io.tributary.buffer.RollingPolicy;
import io.tributary.decode.DecodeLimits;
import io.tributary.landing.DatasetLanding;
import io.tributary.landing.LandingSettings;
import io.tributary.parquet.WriteOptions;
import io.tributary.partition.EventTimeFormat;
import io.tributary.partition.Granularity;
import io.tributary.partition.PartitionSpec;
import io.tributary.routing.DatasetRouters;
import io.tributary.schema.EvolutionSettings;
import java.time.Duration;
import java.util.List;

/** The landing settings source tests share: data under {@code lake/}, errors under {@code errors/}. */
public final class TestLandings {

  private TestLandings() {}

  /**
   * One dataset per stream, schemas evolving, event time from the field {@code ts} (epoch millis) in hourly
   * partitions, every buffer rolled after {@code rollAge}, default decoder limits, 64 MiB of buffers.
   */
  public static LandingSettings byStream(String instance, Duration rollAge) {
    return byStream(instance, new RollingPolicy(rollAge, 8L << 20, 1_000_000));
  }

  /** As {@link #byStream(String, Duration)}, every buffer rolled by {@code rolling}. */
  public static LandingSettings byStream(String instance, RollingPolicy rolling) {
    return new LandingSettings("lake", "errors", instance, DecodeLimits.defaults(), DatasetRouters.byStream(),
        dataset -> new DatasetLanding(EvolutionSettings.defaults(),
            new PartitionSpec("ts", EventTimeFormat.EPOCH_MILLIS, Granularity.HOUR, List.of()), rolling),
        Granularity.HOUR, rolling, WriteOptions.defaults(), 64L << 20);
  }
}
