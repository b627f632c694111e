package io.tributary.partition;

import static io.tributary.partition.PartitionerEventTimeTest.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionerExtraKeysTest {
  /** 2026-03-07T06:05:04Z. */
  private static final long SOURCE_MILLIS = 1_772_863_504_000L;

  private static String path(List<String> keys, String json) {
    Partitioner partitioner = new Partitioner(new PartitionSpec(null, EventTimeFormat.AUTO, Granularity.HOUR, keys));
    PartitionResult result = partitioner.partition(record(SOURCE_MILLIS), Json.event(json));
    assertThat(result).isInstanceOf(PartitionResult.Partitioned.class);
    return ((PartitionResult.Partitioned) result).path();
  }

  @Test
  void extraKeysFollowTheTimeKeysInConfiguredOrder() {
    assertThat(path(List.of("meta.region", "tenant"), "{'tenant': 'acme', 'meta': {'region': 'eu'}}"))
        .isEqualTo("year=2026/month=03/day=07/hour=06/region=eu/tenant=acme");
  }

  @Test
  void theKeyNameIsTheSanitizedLastSegment() {
    assertThat(path(List.of("meta.Cloud-Region"), "{'meta': {'Cloud-Region': 'eu'}}"))
        .endsWith("/cloud_region=eu");
  }

  @Test
  void extraKeysFollowTheTimeKeysOfEveryGranularity() {
    Partitioner byDay = new Partitioner(new PartitionSpec(null, EventTimeFormat.AUTO, Granularity.DAY,
        List.of("region")));

    assertThat(byDay.partition(record(SOURCE_MILLIS), Json.event("{'region': 'eu'}")))
        .isEqualTo(new PartitionResult.Partitioned("year=2026/month=03/day=07/region=eu", SOURCE_MILLIS * 1000));
  }

  @Test
  void numbersAndBooleansAreWrittenAsTheirJsonText() {
    assertThat(path(List.of("n"), "{'n': 42}")).endsWith("/n=42");
    assertThat(path(List.of("n"), "{'n': -7}")).endsWith("/n=-7");
    assertThat(path(List.of("n"), "{'n': 1.5}")).endsWith("/n=1.5");
    assertThat(path(List.of("b"), "{'b': true}")).endsWith("/b=true");
    assertThat(path(List.of("n"), "{'n': 18446744073709551616}")).endsWith("/n=18446744073709551616");
  }

  @Test
  void missingNullObjectAndArrayValuesGoToTheDefaultPartition() {
    String defaultKey = "/k=" + HivePartitionValues.DEFAULT_PARTITION;

    assertThat(path(List.of("k"), "{}")).endsWith(defaultKey);
    assertThat(path(List.of("k"), "{'k': null}")).endsWith(defaultKey);
    assertThat(path(List.of("k"), "{'k': {'a': 1}}")).endsWith(defaultKey);
    assertThat(path(List.of("k"), "{'k': [1, 2]}")).endsWith(defaultKey);
    assertThat(path(List.of("a.k"), "{'a': 'not an object'}")).endsWith(defaultKey);
  }

  @Test
  void anEmptyStringGoesToTheDefaultPartition() {
    assertThat(path(List.of("k"), "{'k': ''}")).endsWith("/k=" + HivePartitionValues.DEFAULT_PARTITION);
  }

  @Test
  void stringValuesAreEscapedAndCannotClimbOut() {
    assertThat(path(List.of("k"), "{'k': '../../etc/passwd'}")).endsWith("/k=..%2F..%2Fetc%2Fpasswd");
    assertThat(path(List.of("k"), "{'k': '..'}")).endsWith("/k=%2E%2E");
    assertThat(path(List.of("k", "j"), "{'k': 'x=y', 'j': 'a b'}")).endsWith("/k=x%3Dy/j=a b");
  }
}
