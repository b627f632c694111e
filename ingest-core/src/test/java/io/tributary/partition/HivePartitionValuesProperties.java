package io.tributary.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.tributary.source.SourceRecord;
import io.tributary.store.ObjectKeys;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class HivePartitionValuesProperties {
  private static final List<String> NASTY_FRAGMENTS = List.of(
      "../", "..", ".", "/", "\\", "%", "%2F", "%2E", "=", "\u0000", "\n", "\u007F", "\u001F", "a", "Z", " ",
      "é", "東", "🚀", "\uD800", "\uDFFF", "~", "__HIVE_DEFAULT_PARTITION__", "x".repeat(60));

  /** Any UTF-16 text, unpaired surrogates included, and text built from the fragments that break paths. */
  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(300),
        Arbitraries.strings().ascii().ofMaxLength(40),
        Arbitraries.of(NASTY_FRAGMENTS).list().ofMaxSize(30).map(parts -> String.join("", parts)));
  }

  /** Well-formed Unicode: any code point but a surrogate, with the path-breaking ASCII ones made likely. */
  @Provide
  Arbitrary<String> wellFormedText() {
    Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of((int) '.', (int) '/', (int) '%', (int) '=', 0, (int) '\\')),
        Tuple.of(3, Arbitraries.integers().between(0, 0x7F)),
        Tuple.of(2, Arbitraries.integers().between(0, 0x10FFFF)
            .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)));
    return codePoint.list().ofMaxSize(40).map(cps -> cps.stream()
        .map(Character::toString)
        .collect(Collectors.joining()));
  }

  @Property(tries = 2000)
  void everyEscapedValueIsOneSafeObjectKeySegment(@ForAll("anyText") String value) {
    String escaped = HivePartitionValues.escape(value);

    assertThat(escaped).isNotEmpty().isNotEqualTo(".").isNotEqualTo("..").doesNotContain("/");
    assertThat(escaped.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(HivePartitionValues.MAX_VALUE_BYTES);
    assertThatCode(() -> ObjectKeys.validate("lake/raw/orders/" + escaped + "/f.parquet")).doesNotThrowAnyException();
  }

  @Property(tries = 2000)
  void unescapeGivesBackEveryValueThatWasNotCut(@ForAll("wellFormedText") String value) {
    Assume.that(!value.isEmpty() && !value.equals(HivePartitionValues.DEFAULT_PARTITION));
    String escaped = HivePartitionValues.escape(value);
    Assume.that(!escaped.contains("~") || value.contains("~"));

    assertThat(HivePartitionValues.unescape(escaped)).isEqualTo(value);
  }

  @Property(tries = 1000)
  void everyPartitionPathJoinsIntoAValidKey(@ForAll("anyText") String first, @ForAll("anyText") String second,
      @ForAll long sourceMillis) {
    Partitioner partitioner = new Partitioner(new PartitionSpec(null, EventTimeFormat.AUTO, Granularity.HOUR,
        List.of("meta.first", "second")));
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("first", first);
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("meta", meta);
    event.put("second", second);
    SourceRecord record = SourceRecord.of("orders", "0", "1", sourceMillis, new byte[0]);

    PartitionResult result = partitioner.partition(record, event);

    Assume.that(result instanceof PartitionResult.Partitioned);
    String path = ((PartitionResult.Partitioned) result).path();
    String[] segments = path.split("/", -1);
    assertThat(segments).hasSize(6);
    assertThat(segments[4]).startsWith("first=");
    assertThat(segments[5]).startsWith("second=");
    for (String segment : segments) {
      assertThat(segment).isNotEmpty().isNotEqualTo(".").isNotEqualTo("..");
    }
    assertThatCode(() -> ObjectKeys.join("lake/raw", "orders", path, "part-0.parquet")).doesNotThrowAnyException();
  }

  @Property(tries = 1000)
  void aSourceTimestampEitherPartitionsWithinTheYears1To9999OrFails(@ForAll long sourceMillis) {
    PartitionResult result = new Partitioner(PartitionSpec.defaults())
        .partition(SourceRecord.of("orders", "0", "1", sourceMillis, new byte[0]), Map.of());

    if (result instanceof PartitionResult.Partitioned partitioned) {
      assertThat(partitioned.path()).matches("year=\\d{4}/month=\\d{2}/day=\\d{2}/hour=\\d{2}");
      assertThat(partitioned.eventTimeMicros()).isEqualTo(sourceMillis * 1000);
    } else {
      assertThat(EventTimes.fromSourceMillis(sourceMillis)).isNull();
    }
  }
}
