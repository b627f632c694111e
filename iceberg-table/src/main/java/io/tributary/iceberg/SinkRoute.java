package io.tributary.iceberg;

import io.tributary.commit.DatasetSink;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Datasets that neither land as Iceberg tables nor as Hive Parquet but go to a sink of their own (the
 * {@code sink: firehose} datasets' Firehose delivery), in a service that also lands Iceberg tables: the one commit
 * ledger decides for all three. Such a dataset goes to {@code sink} even when its {@code table-format} is iceberg
 * (the sink decides where its rows go at all; the table format only how they land in the lake).
 *
 * @param datasets the datasets that go to {@code sink}
 */
public record SinkRoute(Predicate<String> datasets, DatasetSink sink) {
  /** No dataset goes elsewhere. */
  public static final SinkRoute NONE = new SinkRoute(dataset -> false, null);

  public SinkRoute {
    Objects.requireNonNull(datasets, "datasets may not be null");
  }

  /** Whether {@code dataset} goes to {@link #sink}. */
  boolean routes(String dataset) {
    return sink != null && datasets.test(dataset);
  }
}
