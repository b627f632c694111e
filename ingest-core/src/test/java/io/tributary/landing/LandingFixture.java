package io.tributary.landing;

import io.tributary.buffer.RollingPolicy;
import io.tributary.decode.DecodeLimits;
import io.tributary.parquet.WriteOptions;
import io.tributary.partition.EventTimeFormat;
import io.tributary.partition.Granularity;
import io.tributary.partition.PartitionSpec;
import io.tributary.routing.DatasetRouters;
import io.tributary.schema.EvolutionSettings;
import io.tributary.schema.SchemaPolicy;
import io.tributary.source.Position;
import io.tributary.source.SourcePartition;
import io.tributary.source.SourceRecord;
import io.tributary.store.ObjectStore;
import io.tributary.testing.LakeCounts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Settings, a source of records and DuckDB checks shared by the landing tests. */
final class LandingFixture {
  static final long HOUR_06 = 1_763_704_800_000L; // 2025-11-21T06:00:00Z

  private LandingFixture() {}

  /** Datasets: {@code strict} is strict; everything else evolves; event time from {@code ts} (epoch millis). */
  static LandingSettings settings(String instance, long maxRecords, long memoryBudget) {
    RollingPolicy rolling = new RollingPolicy(Duration.ofMinutes(5), 64L << 20, maxRecords);
    return new LandingSettings("lake", "errors", instance, new DecodeLimits(4096, 16), DatasetRouters.byStream(),
        dataset -> new DatasetLanding(
            dataset.equals("strict")
                ? EvolutionSettings.defaults().withPolicy(SchemaPolicy.STRICT)
                : EvolutionSettings.defaults(),
            new PartitionSpec("ts", EventTimeFormat.EPOCH_MILLIS, Granularity.HOUR, List.of()),
            rolling),
        Granularity.HOUR, rolling, WriteOptions.defaults(), memoryBudget);
  }

  static Landing landing(ObjectStore store, String instance, long maxRecords, Clock clock) {
    return new Landing(settings(instance, maxRecords, 64L << 20), store, clock);
  }

  /**
   * A stream of records of one partition with drift and every kind of bad input: good events (growing fields),
   * late events, malformed JSON, oversize, too deep, a bad event time, and strict-schema violations.
   */
  static List<SourceRecord> records(String stream, String partition, int count) {
    List<SourceRecord> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long ts = HOUR_06 + i * 1000L;
      String json = switch (i % 13) {
        case 5 -> "{\"id\": " + i + ", \"broken\": ";
        case 7 -> "{\"id\": " + i + ", \"pad\": \"" + "x".repeat(5000) + "\"}";
        case 9 -> "{\"id\": " + i + ", \"deep\": " + "[".repeat(30) + "]".repeat(30) + "}";
        case 11 -> "{\"id\": " + i + ", \"ts\": \"not a time\"}";
        case 3 -> "{\"id\": " + i + ", \"ts\": " + (ts - 3_600_000L) + ", \"late\": true}";
        default -> "{\"id\": " + i + ", \"ts\": " + ts + (i > count / 2 ? ", \"added\": {\"n\": " + i + "}" : "")
            + "}";
      };
      records.add(new SourceRecord(stream, partition, Position.of(i), null, List.of(), ts,
          json.getBytes(StandardCharsets.UTF_8)));
    }
    return records;
  }

  /** Every (source, partition, offset) landed, with how many times, from data and error files together. */
  static Map<String, Long> landedCounts(Path root) throws Exception {
    return LakeCounts.landed(root.resolve("lake"), root.resolve("errors"));
  }

  static long parquetFiles(Path folder) throws Exception {
    return LakeCounts.parquetFiles(folder);
  }

  static SourcePartition partition(SourceRecord record) {
    return new SourcePartition(record.stream(), record.partition());
  }
}
