package io.tributary.config;

import static io.tributary.config.ValueType.BOOLEAN;
import static io.tributary.config.ValueType.STRING;
import static io.tributary.config.ValueType.STRING_LIST;
import static io.tributary.config.ValueType.STRING_MAP;
import static io.tributary.config.ValueType.bytes;
import static io.tributary.config.ValueType.duration;
import static io.tributary.config.ValueType.integer;
import static io.tributary.config.ValueType.oneOf;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * ingest-core's per-dataset keys: schema evolution, partitioning and rolling. Their names are relative; a file gives
 * them under {@code dataset-defaults.} and, for one dataset, under {@code datasets.<name>.} (see {@link
 * ConfigKey#under(String)}).
 */
public final class DatasetKeys {

  private DatasetKeys() {}

  /** The words of a time partition granularity, coarsest last. */
  static final ValueType<String> GRANULARITY_WORDS = oneOf("hour", "day", "month", "year");

  public static final String DEFAULTS_PREFIX = "dataset-defaults.";
  public static final String DATASETS_PREFIX = "datasets.";

  public static final ConfigKey<String> TABLE_FORMAT = ConfigKey.of("table-format", oneOf("hive", "iceberg"), "hive",
      "`hive`: Hive-partitioned Parquet files under `<prefix>/<dataset>/`; `iceberg`: an Apache Iceberg table (format "
          + "v2) in the catalog of `catalog.type` (`glue`, `rest` or `jdbc`), partitioned by `granularity` of "
          + "`_event_time` and by `partition-fields`. Error rows go to the error prefix either way.");
  public static final ConfigKey<String> SINK = ConfigKey.of("sink", oneOf("lake", "firehose"), "lake",
      "Where the dataset's rows go. `lake`: Tributary writes the table itself, exactly once; `firehose`: the rows, as "
          + "JSON, go to an Amazon Data Firehose stream (`firehose.*`), at least once (docs/firehose.md).");
  public static final ConfigKey<String> POLICY = ConfigKey.of("policy", oneOf("evolve", "strict"), "evolve",
      "`evolve`: new fields become columns, misfits go to `_rescued`; `strict`: a record that would change "
          + "the schema goes to the error prefix as SCHEMA.");
  public static final ConfigKey<Integer> MAX_COLUMNS = ConfigKey.of("max-columns", integer(1, 100_000), 1000,
      "The most leaf columns; fields beyond go to `_rescued`.");
  public static final ConfigKey<Boolean> MAP_DETECTION = ConfigKey.of("map-detection.enabled", BOOLEAN, true,
      "Whether an object whose keys are data (ids, hashes, flags: many distinct keys across events, few in each) "
          + "becomes a `_keys` MAP<string, V> column inside it by itself instead of a column per key "
          + "(docs/schema-evolution.md).");
  public static final ConfigKey<Integer> MAP_DETECTION_MIN_KEYS = ConfigKey.of("map-detection.min-keys",
      integer(2, 100_000), 16, "The fewest distinct keys under one object before it can become a map (three times "
          + "as many when its keys look like names rather than ids).");
  public static final ConfigKey<List<String>> TIMESTAMP_FIELDS = ConfigKey.of("timestamp-fields", STRING_LIST,
      List.of(), "Dotted field paths written as TIMESTAMP(MICROS, UTC) columns.");
  public static final ConfigKey<Map<String, String>> OVERRIDES = ConfigKey.of("overrides", STRING_MAP, Map.of(),
      "Field paths pinned to a type: `long`, `double`, `boolean`, `string`, `timestamp`, `json` (kept as "
          + "JSON text) or `map` (a MAP<string, V> column).");
  public static final ConfigKey<String> EVENT_TIME_FIELD = ConfigKey.optional("event-time-field", STRING,
      "The dotted field path of the event time; absent: the source timestamp.");
  public static final ConfigKey<String> EVENT_TIME_FORMAT = ConfigKey.of("event-time-format",
      oneOf("auto", "epoch-seconds", "epoch-millis", "iso-8601"), "auto", "How the event time field is written.");
  public static final ConfigKey<String> GRANULARITY = ConfigKey.of("granularity", GRANULARITY_WORDS, "hour",
      "Time partitions of the data.");
  public static final ConfigKey<List<String>> PARTITION_FIELDS = ConfigKey.of("partition-fields", STRING_LIST,
      List.of(), "Dotted field paths added as partition keys after the time keys.");
  public static final ConfigKey<Duration> ROLLING_MAX_AGE = ConfigKey.of("rolling.max-age",
      duration(Duration.ofMillis(100)), Duration.ofMinutes(5),
      "A data file rolls at this age (of its first record, wall clock).");
  public static final ConfigKey<Long> ROLLING_MAX_BYTES = ConfigKey.of("rolling.max-bytes", bytes(1024), 128L << 20,
      "A data file rolls at this buffered size.");
  public static final ConfigKey<Integer> ROLLING_MAX_RECORDS = ConfigKey.of("rolling.max-records",
      integer(1, Integer.MAX_VALUE), 5_000_000, "A data file rolls at this many records.");

  /** These keys (relative), in documentation order. */
  public static List<ConfigKey<?>> all() {
    return List.of(TABLE_FORMAT, SINK, POLICY, MAX_COLUMNS, MAP_DETECTION, MAP_DETECTION_MIN_KEYS, TIMESTAMP_FIELDS, OVERRIDES, EVENT_TIME_FIELD, EVENT_TIME_FORMAT, GRANULARITY,
        PARTITION_FIELDS, ROLLING_MAX_AGE, ROLLING_MAX_BYTES, ROLLING_MAX_RECORDS);
  }

  /** {@code key} as {@code dataset-defaults.} gives it. */
  public static <T> ConfigKey<T> defaults(ConfigKey<T> key) {
    return key.under(DEFAULTS_PREFIX);
  }

  /** {@code key} as {@code datasets.<dataset>.} gives it for one dataset. */
  public static <T> ConfigKey<T> of(String dataset, ConfigKey<T> key) {
    return key.under(DATASETS_PREFIX + dataset + ".");
  }
}
