package io.tributary.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.app.metrics.MetricsKeys;
import io.tributary.app.metrics.MetricsSettings;
import io.tributary.buffer.RollingPolicy;
import io.tributary.config.ConfigKey;
import io.tributary.config.CoreKeys;
import io.tributary.config.DatasetKeys;
import io.tributary.config.Durations;
import io.tributary.iceberg.maintain.MaintenanceKeys;
import io.tributary.iceberg.maintain.MaintenanceSettings;
import io.tributary.decode.DecodeLimits;
import io.tributary.iceberg.IcebergKeys;
import io.tributary.kafka.KafkaKeys;
import io.tributary.kafka.KafkaSourceSettings;
import io.tributary.kinesis.KinesisKeys;
import io.tributary.kinesis.KinesisSourceSettings;
import io.tributary.parquet.Compression;
import io.tributary.parquet.WriteOptions;
import io.tributary.partition.PartitionSpec;
import io.tributary.schema.EvolutionSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each setting is declared once, with its default, by the module that uses it: no key is declared twice, no main
 * source writes a key's name or a settings default as a literal of its own, and the settings objects' defaults are
 * the keys' defaults.
 */
class KeyDeclarationsTest {

  /** The main sources of every module that reads or writes the engine's configuration. */
  private static final List<String> MODULES = List.of("ingest-core", "kafka-adapter", "kinesis-adapter",
      "iceberg-table", "firehose-sink", "ingest-app", "deploy", "benchmarks");

  /** Texts that are a key's name by coincidence: not our key. */
  private static final Map<String, String> HOMONYMS = Map.of(
      "parquet.compression", "LakeCatalog.java"); // a Glue table parameter

  private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern DURATION = Pattern.compile("Duration\\.of(Millis|Seconds|Minutes|Hours|Days)\\("
      + "(\\d[\\d_]*)L?\\)");
  private static final Pattern SHIFTED = Pattern.compile("(\\d+)L? << (10|20|30)|(\\d+)L? \\* 1024 \\* 1024");

  @Test
  void noKeyIsDeclaredTwice() {
    Map<String, Integer> names = new HashMap<>();
    ConfigKeys.all().forEach(key -> names.merge(key.name(), 1, Integer::sum));
    assertThat(names).allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));
  }

  @Test
  void aKeysNameIsWrittenOnlyInItsDeclaration() {
    Map<String, List<String>> literals = new HashMap<>();
    for (Source source : mainSources()) {
      for (String line : source.codeLines()) {
        Matcher m = STRING.matcher(line);
        while (m.find()) {
          if (source.name().equals(HOMONYMS.get(m.group(1)))) {
            continue;
          }
          literals.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(source.path().toString());
        }
      }
    }
    for (ConfigKey<?> key : declared()) {
      assertThat(literals.getOrDefault(key.name(), List.of())).as("\"%s\" in main sources", key.name()).hasSize(1);
    }
  }

  @Test
  void aDefaultIsWrittenOnlyInItsKeysDeclaration() {
    Map<Duration, List<String>> durations = new HashMap<>();
    Map<Long, List<String>> sizes = new HashMap<>();
    for (Source source : mainSources()) {
      if (!source.declaresSettings()) {
        continue;
      }
      for (String line : source.codeLines()) {
        Matcher d = DURATION.matcher(line);
        while (d.find()) {
          // A type's minimum (duration(...)) or a check (compareTo(...)) is no default.
          String before = line.substring(0, d.start());
          if (!before.endsWith("duration(") && !before.endsWith("compareTo(")) {
            durations.computeIfAbsent(duration(d.group(1), d.group(2)), k -> new ArrayList<>()).add(source.name());
          }
        }
        Matcher s = SHIFTED.matcher(line);
        while (s.find()) {
          long size = s.group(1) != null ? Long.parseLong(s.group(1)) << Integer.parseInt(s.group(2))
              : Long.parseLong(s.group(3)) << 20;
          sizes.computeIfAbsent(size, k -> new ArrayList<>()).add(source.name());
        }
      }
    }
    for (ConfigKey<?> key : declared()) {
      Object value = key.defaultValue().orElse(null);
      // Other keys may have the same default: their declarations may write it too, nothing else may.
      List<String> declaring = declared().stream().filter(k -> k.defaultValue().equals(key.defaultValue()))
          .map(KeyDeclarationsTest::declaringFile).toList();
      if (value instanceof Duration d) {
        assertThat(durations.getOrDefault(d, List.of())).as("%s's default %s written in", key.name(),
            Durations.text(d)).isSubsetOf(declaring);
      } else if (value instanceof Long size && key.type().describe().startsWith("size")) {
        assertThat(sizes.getOrDefault(size, List.of())).as("%s's default written in", key.name())
            .isSubsetOf(declaring);
      }
    }
  }

  @Test
  void theSettingsDefaultsAreTheKeysDefaults() {
    KafkaSourceSettings kafka = KafkaSourceSettings.forTopics("localhost:9092", "app", List.of("t"));
    assertThat(kafka.streamThreads()).isEqualTo(KafkaKeys.STREAM_THREADS.byDefault());
    assertThat(kafka.startFrom()).isEqualTo(KafkaKeys.START_FROM.byDefault());
    assertThat(kafka.tickInterval()).isEqualTo(KafkaKeys.TICK.byDefault());
    assertThat(kafka.commitInterval()).isEqualTo(KafkaKeys.COMMIT.byDefault());
    assertThat(kafka.sessionTimeout()).isEqualTo(KafkaKeys.SESSION_TIMEOUT.byDefault());
    assertThat(kafka.topicRefreshInterval()).isEqualTo(KafkaKeys.TOPIC_REFRESH.byDefault());

    KinesisSourceSettings kinesis = KinesisSourceSettings.of(List.of("s"), "eu-west-1", "app");
    assertThat(kinesis.initialPosition().word()).isEqualTo(KinesisKeys.INITIAL_POSITION.byDefault());
    assertThat(kinesis.maxRecords()).isEqualTo(KinesisKeys.MAX_RECORDS.byDefault());
    assertThat(kinesis.consumer()).isEqualTo(KinesisSourceSettings.Consumer.POLLING);
    KinesisSourceSettings.Timings timings = kinesis.timings();
    assertThat(List.of(timings.shardSync(), timings.failover(), timings.leaderLease(), timings.idleBetweenReads(),
        timings.parentShardPoll(), timings.workerReport(), timings.tick())).containsExactly(
        KinesisKeys.SHARD_SYNC.byDefault(), KinesisKeys.FAILOVER.byDefault(), KinesisKeys.LEADER_LEASE.byDefault(),
        KinesisKeys.IDLE_BETWEEN_READS.byDefault(), KinesisKeys.PARENT_POLL.byDefault(),
        KinesisKeys.WORKER_REPORT.byDefault(), KinesisKeys.TICK.byDefault());

    assertThat(RollingPolicy.defaults()).isEqualTo(new RollingPolicy(DatasetKeys.ROLLING_MAX_AGE.byDefault(),
        DatasetKeys.ROLLING_MAX_BYTES.byDefault(), DatasetKeys.ROLLING_MAX_RECORDS.byDefault()));
    assertThat(DecodeLimits.defaults()).isEqualTo(new DecodeLimits(
        Math.toIntExact(CoreKeys.LIMIT_RECORD_BYTES.byDefault()), CoreKeys.LIMIT_DEPTH.byDefault()));
    assertThat(EvolutionSettings.defaults().maxColumns()).isEqualTo(DatasetKeys.MAX_COLUMNS.byDefault());
    assertThat(PartitionSpec.defaults().granularity().configWord()).isEqualTo(DatasetKeys.GRANULARITY.byDefault());
    assertThat(WriteOptions.defaults().compression())
        .isEqualTo(Compression.fromConfig(CoreKeys.PARQUET_COMPRESSION.byDefault()));
    assertThat(MaintenanceSettings.defaults()).isEqualTo(new MaintenanceSettings(
        MaintenanceKeys.MIN_AGE.byDefault(), MaintenanceKeys.TARGET_FILE_SIZE.byDefault(),
        MaintenanceKeys.SNAPSHOT_RETENTION.byDefault(), MaintenanceKeys.ORPHAN_AGE.byDefault()));
    assertThat(MetricsSettings.defaults().step()).isEqualTo(MetricsKeys.CLOUDWATCH_STEP.byDefault());
    assertThat(MetricsSettings.defaults().dimensions())
        .containsExactlyInAnyOrderElementsOf(MetricsKeys.CLOUDWATCH_DIMENSIONS.byDefault());
  }

  @Test
  void anEmptyFileGivesEachModulesOwnDefaults() {
    ServiceConfig service = ServiceConfig.of(new ConfigLoader(ConfigKeys.all(), Map.of())
        .parse("kafka:\n  bootstrap-servers: localhost:9092\n  topics: [t]\n", "empty.yaml"));
    var dataset = service.landingSettings().datasets().apply("any");
    assertThat(dataset.rolling()).isEqualTo(RollingPolicy.defaults());
    assertThat(dataset.evolution()).isEqualTo(EvolutionSettings.defaults());
    assertThat(dataset.partitioning()).isEqualTo(PartitionSpec.defaults());
    assertThat(service.landingSettings().limits()).isEqualTo(DecodeLimits.defaults());
    assertThat(service.landingSettings().errorRolling()).isEqualTo(RollingPolicy.defaults());
    assertThat(service.kafkaSettings()).isEqualTo(KafkaSourceSettings.forTopics("localhost:9092",
        KafkaKeys.APPLICATION_ID.byDefault(), List.of("t")));
  }

  /** Every declared key, the per-dataset ones by their relative names. */
  private static List<ConfigKey<?>> declared() {
    List<ConfigKey<?>> keys = new ArrayList<>(ConfigKeys.all().stream()
        .filter(k -> !k.name().startsWith(DatasetKeys.DEFAULTS_PREFIX) && !k.name().startsWith(
            DatasetKeys.DATASETS_PREFIX)).toList());
    // Relative names that are plain words ("policy") are too common to count; those with a dot or dash are not.
    keys.addAll(DatasetKeys.all().stream().filter(k -> k.name().matches(".*[.-].*")).toList());
    keys.addAll(MaintenanceKeys.perDataset());
    return keys;
  }

  private static String declaringFile(ConfigKey<?> key) {
    if (DatasetKeys.all().contains(key)) {
      return "DatasetKeys.java";
    }
    if (MaintenanceKeys.all().contains(key) || MaintenanceKeys.perDataset().contains(key)) {
      return "MaintenanceKeys.java";
    }
    for (var entry : Map.of("CoreKeys.java", CoreKeys.all(), "KafkaKeys.java", KafkaKeys.all(),
        "KinesisKeys.java", KinesisKeys.all(), "IcebergKeys.java", IcebergKeys.all()).entrySet()) {
      if (entry.getValue().contains(key)) {
        return entry.getKey();
      }
    }
    return MetricsKeys.all().contains(key) ? "MetricsKeys.java" : "ConfigKeys.java";
  }

  private static Duration duration(String unit, String amount) {
    long n = Long.parseLong(amount.replace("_", ""));
    return switch (unit) {
      case "Millis" -> Duration.ofMillis(n);
      case "Seconds" -> Duration.ofSeconds(n);
      case "Minutes" -> Duration.ofMinutes(n);
      case "Hours" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  private record Source(Path path, List<String> lines) {
    String name() {
      return path.getFileName().toString();
    }

    boolean deploySettings() {
      return path.toString().replace('\\', '/').contains("io/tributary/deploy/settings/");
    }

    /** A file that declares keys or holds settings with defaults. */
    boolean declaresSettings() {
      return name().matches(".*(Keys|Settings|Config|Policy|Limits|Options)\\.java");
    }

    /** The lines that are code, not comments. */
    List<String> codeLines() {
      return lines.stream().filter(l -> !l.strip().startsWith("*") && !l.strip().startsWith("/*")
          && !l.strip().startsWith("//")).toList();
    }
  }

  /** The main sources, less the deploy settings: that file's own keys, named like the engine's where they are. */
  private static List<Source> mainSources() {
    List<Source> sources = new ArrayList<>();
    for (String module : MODULES) {
      Path root = Path.of("..", module, "src", "main", "java");
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          Source source = new Source(file, Files.readAllLines(file));
          if (!source.deploySettings()) {
            sources.add(source);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    assertThat(sources).as("main sources found from " + Path.of("").toAbsolutePath()).hasSizeGreaterThan(100);
    return sources;
  }
}
