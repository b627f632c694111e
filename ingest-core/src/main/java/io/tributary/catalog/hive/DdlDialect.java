package io.tributary.catalog.hive;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Whose SQL {@link HiveDdl} writes. */
public enum DdlDialect {
  /** Athena: Hive DDL with the Parquet SerDe and partition projection; no partition maintenance needed. */
  ATHENA,
  /** Spark SQL with Hive support: {@code STORED AS PARQUET}, then {@code MSCK REPAIR TABLE} for new partitions. */
  SPARK,
  /** Trino's Hive connector: {@code WITH (external_location, partitioned_by)}, then
   * {@code system.sync_partition_metadata} for new partitions. */
  TRINO;

  /** The word that names the dialect on the command line. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The dialect a word names.
   *
   * @throws IllegalArgumentException naming the word and the allowed ones
   */
  public static DdlDialect fromWord(String word) {
    for (DdlDialect dialect : values()) {
      if (dialect.word().equals(word)) {
        return dialect;
      }
    }
    throw new IllegalArgumentException("Invalid DDL dialect: '" + word + "': allowed values are "
        + Arrays.stream(values()).map(DdlDialect::word).collect(Collectors.joining(", ")));
  }
}
