package io.tributary.config;

import static io.tributary.config.ValueType.BOOLEAN;
import static io.tributary.config.ValueType.STRING;
import static io.tributary.config.ValueType.bytes;
import static io.tributary.config.ValueType.duration;
import static io.tributary.config.ValueType.integer;
import static io.tributary.config.ValueType.oneOf;

import java.time.Duration;
import java.util.List;

/**
 * ingest-core's keys for the whole engine: the store, the lake's prefixes, the decoder's limits, the buffers'
 * memory, Parquet, routing and the error files. The per-dataset keys are {@link DatasetKeys}.
 */
public final class CoreKeys {

  private CoreKeys() {}

  // --- store

  public static final ConfigKey<String> STORE_TYPE = ConfigKey.of("store.type", oneOf("local", "s3"), "local",
      "`local`: a folder (development, the demo); `s3`: an S3 bucket (or anything S3-compatible).");
  public static final ConfigKey<String> STORE_PATH = ConfigKey.of("store.path", STRING, "./lake",
      "The folder with `store.type: local`.");
  public static final ConfigKey<String> S3_BUCKET = ConfigKey.optional("store.s3.bucket", STRING,
      "The bucket with `store.type: s3`.");
  public static final ConfigKey<String> S3_REGION = ConfigKey.optional("store.s3.region", STRING,
      "The bucket's region. Default: from the environment (AWS_REGION), as the SDK finds it.");
  public static final ConfigKey<String> S3_ENDPOINT = ConfigKey.optional("store.s3.endpoint", STRING,
      "An endpoint override (S3Proxy, MinIO, a VPC endpoint URL); absent for AWS.");
  public static final ConfigKey<Boolean> S3_PATH_STYLE = ConfigKey.of("store.s3.path-style", BOOLEAN, false,
      "Path-style addressing (bucket in the path), as most S3-compatible servers want.");

  // --- the lake

  public static final ConfigKey<String> LAKE_PREFIX = ConfigKey.of("lake.prefix", STRING, "",
      "Key prefix of the datasets (and of `_schemas/`, `_tributary/`) in the store; empty for the root.");
  public static final ConfigKey<String> LAKE_ERROR_PREFIX = ConfigKey.of("lake.error-prefix", STRING, "_errors",
      "Key prefix of the error files. Starting with `_` keeps them out of Hive-style scans of the root.");
  public static final ConfigKey<Long> LIMIT_RECORD_BYTES = ConfigKey.of("limits.max-record-bytes",
      bytes(1024), 10L << 20, "Records larger than this go to the error prefix as OVERSIZE. With a dataset whose "
          + "`sink` is `firehose`: 900 KiB unless set, and at most that (Firehose takes records up to 1,000 KiB).");
  public static final ConfigKey<Integer> LIMIT_DEPTH = ConfigKey.of("limits.max-depth", integer(2, 512), 64,
      "JSON nested deeper than this goes to the error prefix as TOO_DEEP.");
  public static final ConfigKey<Long> MEMORY_BUDGET = ConfigKey.optional("buffers.memory-budget", bytes(1 << 20),
      "The most memory all buffers may hold; over it the largest roll early. Default: 40% of the maximum heap.");
  public static final ConfigKey<String> PARQUET_COMPRESSION = ConfigKey.of("parquet.compression",
      oneOf("zstd", "snappy", "none"), "zstd", "Parquet compression codec.");

  // --- routing

  public static final ConfigKey<String> ROUTING_MODE = ConfigKey.of("routing.mode",
      oneOf("stream", "field", "template"), "stream",
      "`stream`: one dataset per topic; `field`: the dataset named by a field of the event; `template`: a name "
          + "built from the topic and fields, e.g. `{topic}_{type}`.");
  public static final ConfigKey<String> ROUTING_FIELD = ConfigKey.optional("routing.field", STRING,
      "The dotted field path with `routing.mode: field`.");
  public static final ConfigKey<String> ROUTING_TEMPLATE = ConfigKey.optional("routing.template", STRING,
      "The template with `routing.mode: template`.");
  public static final ConfigKey<String> ROUTING_FALLBACK = ConfigKey.optional("routing.fallback-dataset", STRING,
      "Where events without the routing field go; absent: they go to the error prefix as ROUTING.");

  // --- errors

  public static final ConfigKey<String> ERROR_GRANULARITY = ConfigKey.of("errors.granularity",
      DatasetKeys.GRANULARITY_WORDS, "hour", "Time partitions of the error files (by source time).");
  public static final ConfigKey<Duration> ERROR_MAX_AGE = ConfigKey.of("errors.rolling.max-age",
      duration(Duration.ofMillis(100)), DatasetKeys.ROLLING_MAX_AGE.byDefault(),
      "An error file rolls at this age.");

  /** These keys, in documentation order. */
  public static List<ConfigKey<?>> all() {
    return List.of(STORE_TYPE, STORE_PATH, S3_BUCKET, S3_REGION, S3_ENDPOINT, S3_PATH_STYLE, LAKE_PREFIX,
        LAKE_ERROR_PREFIX, LIMIT_RECORD_BYTES, LIMIT_DEPTH, MEMORY_BUDGET, PARQUET_COMPRESSION, ROUTING_MODE,
        ROUTING_FIELD, ROUTING_TEMPLATE, ROUTING_FALLBACK, ERROR_GRANULARITY, ERROR_MAX_AGE);
  }
}
