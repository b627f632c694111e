package io.tributary.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.schema.DatasetSchema;
import io.tributary.schema.DatasetSchemas;
import io.tributary.schema.EvolutionSettings;
import io.tributary.schema.Field;
import io.tributary.schema.MetadataColumns;
import io.tributary.schema.NumberDecision;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.SchemaHistory;
import io.tributary.schema.ShapeResult;
import io.tributary.source.Position;
import io.tributary.store.LocalFileStore;
import io.tributary.testing.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memory bound of the decision at the roll: which buffers are read, and that no row is kept while deciding. */
class UndecidedNumbersTest {
  @TempDir Path dir;

  private DatasetSchemas schemas() {
    return new DatasetSchemas(new SchemaHistory(new LocalFileStore(dir), "lake", "one", Clock.systemUTC()),
        dataset -> EvolutionSettings.defaults(), true);
  }

  private static ShapeResult.Shaped shape(DatasetSchemas schemas, String event, long offset) {
    return (ShapeResult.Shaped) schemas.shape("events", Json.event(event), 1L, "s", "0", Long.toString(offset));
  }

  private static RowBuffer buffer(DatasetSchemas schemas, List<String> events) {
    RowBuffer buffer = new RowBuffer(0);
    for (int i = 0; i < events.size(); i++) {
      ShapeResult.Shaped shaped = shape(schemas, events.get(i), i);
      buffer.append(shaped.schema(), shaped.row(), Position.of(i), 0, 0, shaped.waiting());
    }
    return buffer;
  }

  @Test
  void aBufferOfOrdinaryRescuedRowsIsPassedThroughUnreadInADatasetThatOnceHadAWaitingValue() {
    DatasetSchemas schemas = schemas();
    UndecidedNumbers numbers = new UndecidedNumbers(schemas, schema -> { });
    RowBuffer first = buffer(schemas, List.of("{'x': 12, 's': 'a'}", "{'x': 13, 's': 'b'}"));
    assertThat(first.waitingRows()).isEqualTo(2);
    NumberDecision decision = numbers.decide(first);
    assertThat(decision.schema().root().field("x").type()).isEqualTo(PrimitiveType.LONG);
    assertThat(decision.rehome().apply(first.values().next())[MetadataColumns.RESCUED_INDEX]).isNull();
    assertThat(numbers.rowsRead()).isEqualTo(2);

    List<String> events = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      // An object where a string column is, and a field of an empty list: rescued for good, not waiting.
      events.add("{'x': " + i + ", 's': {'o': " + i + "}, 'e': []}");
    }
    RowBuffer ordinary = buffer(schemas, events);
    Iterator<Object[]> rows = ordinary.values();
    assertThat(rows.next()[MetadataColumns.RESCUED_INDEX]).as("every row holds rescued values").isNotNull();
    assertThat(ordinary.waitingRows()).isZero();

    assertThat(numbers.decide(ordinary)).as("written as it is").isNull();
    assertThat(numbers.rowsRead()).as("not one row of it read").isEqualTo(2);
  }

  @Test
  void aDecisionReadsTheRowsOnceAndKeepsNoneOfThem() {
    DatasetSchemas schemas = schemas();
    int fields = 300;
    List<Object[]> shaped = new ArrayList<>();
    for (int i = 0; i < fields; i++) {
      ShapeResult.Shaped row = shape(schemas, "{'f" + i + "': " + i + ", 's': 'a'}", i);
      assertThat(row.waiting()).isTrue();
      shaped.add(row.row());
    }
    DatasetSchema before = schemas.current("events");
    assertThat(before.root().field("f0")).isNull();
    AtomicBoolean iterated = new AtomicBoolean();
    Iterable<Object[]> once = () -> {
      assertThat(iterated.getAndSet(true)).as("the rows are read once").isFalse();
      return new Iterator<>() {
        int next;

        @Override
        public boolean hasNext() {
          return next < fields;
        }

        @Override
        public Object[] next() {
          if (next > 0) {
            // The row handed out before is spoiled once the next is asked for: a decision that kept the rows and
            // looked at them later would miss its waiting value.
            shaped.get(next - 1)[MetadataColumns.RESCUED_INDEX] = null;
          }
          return shaped.get(next++);
        }
      };
    };

    NumberDecision decision = schemas.decide("events", once);

    assertThat(decision.published()).isTrue();
    for (int i = 0; i < fields; i++) {
      Field field = decision.schema().root().field("f" + i);
      assertThat(field).as("a column for f" + i).isNotNull();
      assertThat(field.type()).isEqualTo(PrimitiveType.LONG);
    }
    assertThat(decision.schema().version()).as("one version for all of them").isEqualTo(before.version() + 1);
  }
}
