package io.tributary.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionSpecTest {

  @Test
  void defaultsPartitionBySourceTimeByTheHourWithNoExtraKeys() {
    PartitionSpec spec = PartitionSpec.defaults();

    assertThat(spec.eventTimeField()).isNull();
    assertThat(spec.format()).isEqualTo(EventTimeFormat.AUTO);
    assertThat(spec.granularity()).isEqualTo(Granularity.HOUR);
    assertThat(spec.keyNames()).containsExactly("year", "month", "day", "hour");
  }

  @Test
  void configWordsAreParsedAndNullsTakeTheDefaults() {
    PartitionSpec spec = PartitionSpec.fromConfig("meta.ts", "epoch_millis", "day", List.of("meta.region"));

    assertThat(spec).isEqualTo(new PartitionSpec("meta.ts", EventTimeFormat.EPOCH_MILLIS, Granularity.DAY,
        List.of("meta.region")));
    assertThat(PartitionSpec.fromConfig(null, null, null, List.of())).isEqualTo(PartitionSpec.defaults());
  }

  @Test
  void anUnknownFormatWordIsRejectedNamingTheAllowedValues() {
    assertThatThrownBy(() -> PartitionSpec.fromConfig("ts", "millis", null, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid event-time format: 'millis': allowed values are auto, epoch_seconds, epoch_millis, "
            + "iso_8601");
  }

  @Test
  void anUnknownGranularityWordIsRejected() {
    assertThatThrownBy(() -> PartitionSpec.fromConfig("ts", null, "week", List.of()))
        .hasMessageContaining("Invalid partition granularity: 'week'")
        .hasMessageContaining("year, month, day, hour");
  }

  @Test
  void extraKeyNamesAreTheSanitizedLastSegments() {
    PartitionSpec spec = new PartitionSpec(null, EventTimeFormat.AUTO, Granularity.DAY,
        List.of("meta.Region", "tenant-id"));

    assertThat(spec.extraKeyNames()).containsExactly("region", "tenant_id");
    assertThat(spec.keyNames()).containsExactly("year", "month", "day", "region", "tenant_id");
  }

  @Test
  void anEmptyOrDottedWrongEventTimeFieldIsRejected() {
    assertThatThrownBy(() -> new PartitionSpec("", EventTimeFormat.AUTO, Granularity.HOUR, List.of()))
        .hasMessageContaining("Invalid event-time field: ''");
    assertThatThrownBy(() -> new PartitionSpec("meta..ts", EventTimeFormat.AUTO, Granularity.HOUR, List.of()))
        .hasMessageContaining("Invalid event-time field: 'meta..ts': has an empty segment");
  }

  @Test
  void aFormatWithoutAFieldIsRejected() {
    assertThatThrownBy(() -> new PartitionSpec(null, EventTimeFormat.EPOCH_SECONDS, Granularity.HOUR, List.of()))
        .hasMessageContaining("Invalid event-time format: 'epoch_seconds': set without an event-time field");
  }

  @Test
  void anExtraKeyNamedLikeATimeKeyIsRejected() {
    assertThatThrownBy(() -> new PartitionSpec(null, EventTimeFormat.AUTO, Granularity.DAY, List.of("meta.Hour")))
        .hasMessageContaining("Invalid partition key field: 'meta.Hour': its key name 'hour' is a time key name");
  }

  @Test
  void twoExtraKeysWithTheSameNameAreRejected() {
    assertThatThrownBy(() -> new PartitionSpec(null, EventTimeFormat.AUTO, Granularity.HOUR,
        List.of("a.region", "b.Region")))
        .hasMessageContaining("Invalid partition key field: 'b.Region': its key name 'region' is also the key name "
            + "of 'a.region'");
  }

  @Test
  void anExtraKeyWithAnEmptySegmentIsRejected() {
    assertThatThrownBy(() -> new PartitionSpec(null, EventTimeFormat.AUTO, Granularity.HOUR, List.of("a.")))
        .hasMessageContaining("Invalid partition key field: 'a.': has an empty segment");
  }

  @Test
  void keysThatCouldMakeThePathLongerThanTheLimitAreRejected() {
    // 33 + (1 + 6 + 1 + 200) + (1 + 6 + 1 + 200) = 449 fits; a third key cannot: + (1 + 4 + 1 + 200) = 655.
    new PartitionSpec(null, EventTimeFormat.AUTO, Granularity.HOUR, List.of("region", "tenant"));

    assertThatThrownBy(() -> new PartitionSpec(null, EventTimeFormat.AUTO, Granularity.HOUR,
        List.of("region", "tenant", "shop")))
        .hasMessageContaining("Invalid partition key fields: [region, tenant, shop]: a partition path could reach 655 "
            + "bytes")
        .hasMessageContaining("over the limit of 512");
  }

  @Test
  void theListOfExtraKeysIsCopied() {
    List<String> keys = new ArrayList<>(List.of("region"));
    PartitionSpec spec = new PartitionSpec(null, EventTimeFormat.AUTO, Granularity.HOUR, keys);
    keys.add("tenant");

    assertThat(spec.extraFieldKeys()).containsExactly("region");
  }
}
