package io.tributary.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.schema.DatasetSchemas;
import io.tributary.schema.EvolutionSettings;
import io.tributary.schema.SchemaHistory;
import io.tributary.schema.ShapeResult;
import io.tributary.source.Position;
import io.tributary.store.LocalFileStore;
import io.tributary.testing.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowBufferTest {
  @TempDir Path dir;

  private ShapeResult.Shaped shape(DatasetSchemas schemas, String json, int offset) {
    return (ShapeResult.Shaped) schemas.shape("orders", Json.event(json), 1_000L, "orders", "3",
        Integer.toString(offset));
  }

  private DatasetSchemas schemas() {
    return new DatasetSchemas(new SchemaHistory(new LocalFileStore(dir), "", "t", Clock.systemUTC()),
        d -> EvolutionSettings.defaults());
  }

  @Test
  void rowsOfSeveralVersionsReadBackUnchangedUnderTheNewest() {
    DatasetSchemas schemas = schemas();
    List<ShapeResult.Shaped> shaped = List.of(
        shape(schemas, "{'id': 1, 'name': 'a', 'tags': ['x', null], 'price': 1.5, 'ok': true}", 0),
        shape(schemas, "{'id': 2, 'user': {'email': 'é@x', 'n': -9223372036854775808}}", 1),
        shape(schemas, "{'id': 3, 'user': {'email': null, 'zip': 'z'}, 'items': [{'sku': 's', 'q': 2}, null]}", 2),
        shape(schemas, "{'name': 'only', 'price': 'rescued', 'ok': false, 'tags': []}", 3));
    RowBuffer buffer = new RowBuffer(0);
    for (ShapeResult.Shaped s : shaped) {
      buffer.append(s.schema(), s.row(), Position.parse(s.row()[3].toString()), 10);
    }

    assertThat(buffer.schema().version()).isEqualTo(3);
    List<Object[]> read = new ArrayList<>();
    List<String> positions = new ArrayList<>();
    buffer.rows().forEachRemaining(r -> {
      read.add(r.row());
      positions.add(r.position().toString());
    });
    assertThat(positions).containsExactly("0", "1", "2", "3");
    assertThat(read).hasSize(4);
    for (int i = 0; i < shaped.size(); i++) {
      assertThat(comparable(read.get(i))).isEqualTo(comparable(shaped.get(i).row()));
    }
    List<Object[]> values = new ArrayList<>();
    buffer.values().forEachRemaining(values::add);
    assertThat(values).hasSize(4);
    for (int i = 0; i < shaped.size(); i++) {
      assertThat(comparable(values.get(i))).as("values() skips the position").isEqualTo(comparable(read.get(i)));
    }
    assertThat(buffer.records()).isEqualTo(4);
    assertThat(buffer.firstPosition()).hasToString("0");
    assertThat(buffer.lastPosition()).hasToString("3");
  }

  /** Arrays compare by identity, also inside lists and maps: turn every array into a list. */
  private static Object comparable(Object value) {
    if (value instanceof Object[] array) {
      List<Object> out = new ArrayList<>();
      for (Object item : array) {
        out.add(comparable(item));
      }
      return out;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(RowBufferTest::comparable).collect(java.util.stream.Collectors.toList());
    }
    if (value instanceof java.util.Map<?, ?> map) {
      java.util.Map<Object, Object> out = new java.util.LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, comparable(v)));
      return out;
    }
    return value;
  }

  @Test
  void theCompactFormIsCloseToTheJsonSize() {
    DatasetSchemas schemas = schemas();
    String json = "{'id': 123456, 'name': 'a fairly ordinary name', 'price': 12.5, 'tags': ['red', 'blue']}";
    RowBuffer buffer = new RowBuffer(0);
    for (int i = 0; i < 1000; i++) {
      ShapeResult.Shaped s = shape(schemas, json, i);
      buffer.append(s.schema(), s.row(), Position.of(i), 0);
    }
    assertThat(buffer.bytes()).isLessThan(1000L * json.length());
    assertThat(buffer.memoryBytes()).isGreaterThanOrEqualTo(buffer.bytes()).isLessThan(2 * buffer.bytes() + 4096);
  }

  @Test
  void stringsReadBackUnchangedWhereverTheyFallAcrossTheBuffersChunks() {
    DatasetSchemas schemas = schemas();
    RowBuffer buffer = new RowBuffer(0);
    List<Object[]> written = new ArrayList<>();
    // Lengths from empty to several chunks, multi-byte characters included, so that strings start, end and
    // straddle every chunk boundary as the chunks grow.
    for (int i = 0; i < 600; i++) {
      String text = "é€𝄞x".repeat((i * 37) % 23) + "y".repeat((i * 131) % 1500) + (i % 50 == 0 ? "z".repeat(3000) : "");
      ShapeResult.Shaped s = shape(schemas, "{'id': " + i + ", 'text': '" + text + "', 'tags': ['" + text + "']}", i);
      buffer.append(s.schema(), s.row(), Position.of(i), 0);
      written.add(s.row());
    }

    List<Object[]> read = new ArrayList<>();
    buffer.rows().forEachRemaining(r -> read.add(r.row()));
    assertThat(read).hasSize(written.size());
    for (int i = 0; i < written.size(); i++) {
      assertThat(comparable(read.get(i))).as("row %d", i).isEqualTo(comparable(written.get(i)));
    }
  }

  @Test
  void aBufferTakesRowsOfOneDatasetOnly() {
    DatasetSchemas schemas = schemas();
    ShapeResult.Shaped orders = shape(schemas, "{'a': 1}", 0);
    ShapeResult.Shaped users = (ShapeResult.Shaped) schemas.shape("users", Json.event("{'a': 1, 'b': 2}"), 1L,
        "users", "0", "0");
    RowBuffer buffer = new RowBuffer(0);
    buffer.append(orders.schema(), orders.row(), Position.of(0), 0);
    ShapeResult.Shaped grown = (ShapeResult.Shaped) schemas.shape("users", Json.event("{'c': 1}"), 1L, "users", "0",
        "1");

    assertThat(grown.schema().version()).isEqualTo(2);
    assertThatThrownBy(() -> buffer.append(grown.schema(), grown.row(), Position.of(1), 0))
        .hasMessageContaining("Cannot buffer rows of users with rows of orders");
    assertThat(users.schema().dataset()).isEqualTo("users");
  }

  @Test
  void eachRowKeepsItsEventTimeInRowOrderAndTheSourceTimeStandsInWhenNoneIsGiven() {
    DatasetSchemas schemas = schemas();
    RowBuffer buffer = new RowBuffer(0);
    for (int i = 0; i < 40; i++) {
      ShapeResult.Shaped row = shape(schemas, "{'a': " + i + "}", i);
      if (i == 39) {
        buffer.append(row.schema(), row.row(), Position.of(i), 7);
      } else {
        buffer.append(row.schema(), row.row(), Position.of(i), 0, 1_000_000L * i);
      }
    }

    long[] times = buffer.eventTimes();
    assertThat(times).hasSize(40);
    assertThat(times[0]).isZero();
    assertThat(times[38]).isEqualTo(38_000_000L);
    assertThat(times[39]).isEqualTo(7_000L);
    assertThat(buffer.memoryBytes()).isGreaterThanOrEqualTo(buffer.bytes() + 8L * 40);
  }
}
