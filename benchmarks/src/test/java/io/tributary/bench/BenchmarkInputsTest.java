package io.tributary.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.testing.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Guards what the benchmarks measure: the event shapes are the sizes and field counts the README claims and the
 * same on every run, and both pipelines really land every event as a Parquet file an independent reader (DuckDB)
 * reads back with the same values. A benchmark of a pipeline that silently dropped rows would be fast and wrong.
 */
class BenchmarkInputsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int EVENTS = 2_000;

  @TempDir
  Path dir;

  @Test
  void smallEventsAreAbout300BytesWith12Fields() throws Exception {
    byte[][] events = EventShape.SMALL.events(1, EVENTS, 0);
    assertThat(meanBytes(events)).isBetween(270.0, 330.0);
    assertThat(leaves(MAPPER.readTree(events[0]))).isEqualTo(12);
  }

  @Test
  void nestedEventsAreAbout1KbWith40FieldsAndArraysOfObjects() throws Exception {
    byte[][] events = EventShape.NESTED.events(1, EVENTS, 0);
    assertThat(meanBytes(events)).isBetween(900.0, 1150.0);
    JsonNode first = MAPPER.readTree(events[0]);
    assertThat(leaves(first)).isEqualTo(40);
    assertThat(first.get("items").isArray()).isTrue();
    assertThat(first.get("items").get(0).isObject()).isTrue();
  }

  @Test
  void wideEventsHave200Fields() throws Exception {
    JsonNode first = MAPPER.readTree(EventShape.WIDE.events(1, 1, 0)[0]);
    assertThat(first.size()).isEqualTo(EventShape.WIDE_FIELDS);
    assertThat(leaves(first)).isEqualTo(EventShape.WIDE_FIELDS);
  }

  @ParameterizedTest
  @EnumSource(EventShape.class)
  void eventsAreDeterministicAndVary(EventShape shape) {
    assertThat(shape.event(42, 17, 5)).isEqualTo(shape.event(42, 17, 5));
    assertThat(shape.event(42, 17, 5)).isNotEqualTo(shape.event(42, 18, 5));
  }

  @ParameterizedTest
  @EnumSource(EventShape.class)
  void tributaryLandsEveryEvent(EventShape shape) throws Exception {
    assertLandsEveryEvent(shape, events -> new CorePipeline().land(events), "tributary");
  }

  @ParameterizedTest
  @EnumSource(EventShape.class)
  void naiveLandsEveryEvent(EventShape shape) throws Exception {
    assertLandsEveryEvent(shape, events -> new NaivePipeline(events[0]).land(events), "naive");
  }

  private void assertLandsEveryEvent(EventShape shape, Function<byte[][], byte[]> pipeline, String name)
      throws Exception {
    byte[][] events = shape.events(CorePathBenchmark.SEED, EVENTS, CorePathBenchmark.FIRST_TS);
    Path file = Files.write(dir.resolve(name + "-" + shape + ".parquet"), pipeline.apply(events));
    long expectedTsSum = 0;
    for (byte[] event : events) {
      expectedTsSum += MAPPER.readTree(event).get("ts").asLong();
    }
    try (DuckDb duck = DuckDb.open()) {
      String from = "read_parquet(" + DuckDb.literal(file) + ")";
      assertThat(duck.value("SELECT count(*) FROM " + from)).isEqualTo((long) EVENTS);
      assertThat(((Number) duck.value("SELECT sum(ts) FROM " + from)).longValue()).isEqualTo(expectedTsSum);
      Map<String, String> columns = duck.columnTypes(from);
      int fields = MAPPER.readTree(events[0]).size();
      assertThat(columns).hasSize(name.equals("tributary") ? fields + 5 : fields);
      if (shape == EventShape.NESTED) {
        assertThat(((Number) duck.value("SELECT sum(len(items)) FROM " + from)).longValue())
            .isEqualTo(expectedItems(events));
      }
    }
  }

  private static long expectedItems(byte[][] events) throws Exception {
    long items = 0;
    for (byte[] event : events) {
      items += MAPPER.readTree(event).get("items").size();
    }
    return items;
  }

  private static double meanBytes(byte[][] events) {
    long total = 0;
    for (byte[] event : events) {
      total += event.length;
    }
    return (double) total / events.length;
  }

  /** Leaf fields, counting the fields of an array's objects once. */
  private static int leaves(JsonNode node) {
    if (node.isObject()) {
      int count = 0;
      Iterator<JsonNode> values = node.elements();
      while (values.hasNext()) {
        count += leaves(values.next());
      }
      return count;
    }
    if (node.isArray()) {
      return node.isEmpty() ? 0 : leaves(node.get(0));
    }
    return 1;
  }
}
