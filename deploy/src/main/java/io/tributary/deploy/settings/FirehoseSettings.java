package io.tributary.deploy.settings;

import java.time.Duration;
import java.util.List;

/**
 * Optional Amazon Data Firehose delivery ({@code sink: firehose} in the engine): one delivery stream per listed
 * dataset, named {@code <deployment>-<dataset>}, that writes the rows the engine sends either as Parquet through
 * format conversion with the dataset's Glue table (which the engine keeps ahead of the records), into the same
 * folders the engine would write ({@code <prefix>/<dataset>/year=…/}), or into the dataset's Iceberg table in the
 * Glue catalog.
 *
 * @param datasets the datasets delivered through Firehose; each must be one of {@code datasets[]}, without
 *     {@code partition-fields} (Firehose's partitioning here is by event time only)
 * @param destination {@code parquet} (default) or {@code iceberg}
 * @param bufferInterval how long Firehose buffers before it writes a file: 60s to 900s with Parquet conversion, 0s to
 *     900s for Iceberg (default 300s)
 * @param bufferMib how much Firehose buffers before it writes a file: 64 to 128 MiB with Parquet conversion, 1 to 128
 *     for Iceberg (default 128)
 */
public record FirehoseSettings(List<String> datasets, String destination, Duration bufferInterval,
    Integer bufferMib) {

  /** The destination word of Parquet through format conversion. */
  public static final String PARQUET = "parquet";
  /** The destination word of Iceberg tables. */
  public static final String ICEBERG = "iceberg";

  public FirehoseSettings {
    datasets = List.copyOf(Check.required(datasets, "firehose.datasets"));
    if (datasets.isEmpty()) {
      throw new IllegalArgumentException("firehose.datasets: name at least one dataset, or leave firehose out");
    }
    destination = Check.orDefault(destination, PARQUET);
    if (!destination.equals(PARQUET) && !destination.equals(ICEBERG)) {
      throw new IllegalArgumentException("firehose.destination: '" + destination + "' is not allowed: parquet or "
          + "iceberg");
    }
    bufferInterval = Check.orDefault(bufferInterval, Duration.ofSeconds(300));
    Check.between((int) Math.min(bufferInterval.toSeconds(), Integer.MAX_VALUE), "firehose.buffer-interval (s)",
        destination.equals(PARQUET) ? 60 : 0, 900);
    bufferMib = Check.between(Check.orDefault(bufferMib, 128), "firehose.buffer-mib",
        destination.equals(PARQUET) ? 64 : 1, 128);
  }

  /** The delivery stream of {@code dataset} in deployment {@code deployment}. */
  public static String streamName(String deployment, String dataset) {
    return deployment + "-" + dataset;
  }

  /** Whether the destination is Parquet through format conversion. */
  public boolean parquet() {
    return destination.equals(PARQUET);
  }
}
