package io.tributary.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.schema.internal.KeyMaps;
import io.tributary.store.LocalFileStore;
import io.tributary.store.ObjectStore;
import io.tributary.testing.ForwardingStore;
import io.tributary.testing.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NumbersTest {
  @TempDir Path dir;

  private SchemaFixture fixture() {
    return new SchemaFixture(dir, EvolutionSettings.defaults());
  }

  @Test
  void aMeasureFirstSeenWholeIsADoubleColumnSoLaterFractionsAreNotRescued() {
    SchemaFixture f = fixture();
    ShapeResult.Shaped whole = f.shaped("{'amount': 12}");
    ShapeResult.Shaped fraction = f.shaped("{'amount': 12.5}");

    assertThat(f.type("amount")).isEqualTo(PrimitiveType.DOUBLE);
    assertThat(SchemaFixture.value(whole, "amount")).isEqualTo(12.0);
    assertThat(SchemaFixture.value(fraction, "amount")).isEqualTo(12.5);
    assertThat(whole.rescuedValues() + fraction.rescuedValues()).isZero();
  }

  @Test
  void amountsThatAreWholeDecimalOrTextRescueOnlyTheText() {
    SchemaFixture f = fixture();
    int rescued = 0;
    int strings = 0;
    for (int i = 0; i < 300; i++) {
      String amount = switch (i % 3) {
        case 0 -> Integer.toString(i);
        case 1 -> i + ".25";
        default -> "'" + i + " EUR'";
      };
      strings += i % 3 == 2 ? 1 : 0;
      rescued += f.shaped("{'order': {'totalAmount': " + amount + "}}").rescuedValues();
    }

    assertThat(f.type("order", "totalamount")).isEqualTo(PrimitiveType.DOUBLE);
    assertThat(rescued).isEqualTo(strings);
  }

  @Test
  void largeIntegerIdsStayLongExactlyWhateverTheirName() {
    SchemaFixture f = fixture();
    ShapeResult.Shaped shaped = f.shaped("{'order_id': 9007199254740993, 'value': 9223372036854775807, 'seq': 3}");

    assertThat(f.type("order_id")).isEqualTo(PrimitiveType.LONG);
    assertThat(f.type("value")).isEqualTo(PrimitiveType.LONG);
    assertThat(f.type("seq")).isEqualTo(PrimitiveType.LONG);
    assertThat(SchemaFixture.value(shaped, "order_id")).isEqualTo(9007199254740993L);
    assertThat(SchemaFixture.value(shaped, "value")).isEqualTo(Long.MAX_VALUE);
    assertThat(shaped.rescuedValues()).isZero();
  }

  @Test
  void wholeNumbersWithoutAMeasureNameStayLong() {
    SchemaFixture f = fixture();
    f.shaped("{'retries': 3, 'status': 200, 'price_id': 7, 'created': 1700000000}");

    assertThat(f.dataFields()).extracting(Field::type).containsOnly(PrimitiveType.LONG);
  }

  @Test
  void theLastWordOfTheNameDecidesInAnyCase() {
    SchemaFixture f = fixture();
    f.shaped("{'unitPrice': 3, 'total-cost': 4, 'Latitude': 59, 'fees': 1, 'priceLevel': 2}");

    assertThat(f.type("unitprice")).isEqualTo(PrimitiveType.DOUBLE);
    assertThat(f.type("total_cost")).isEqualTo(PrimitiveType.DOUBLE);
    assertThat(f.type("latitude")).isEqualTo(PrimitiveType.DOUBLE);
    assertThat(f.type("fees")).isEqualTo(PrimitiveType.DOUBLE);
    assertThat(f.type("pricelevel")).isEqualTo(PrimitiveType.LONG);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aListWithAFractionAfterWholeNumbersIsAListOfDoubles() {
    SchemaFixture f = fixture();
    ShapeResult.Shaped shaped = f.shaped("{'readings': [1, 2.5, 3], 'ids': [1, 9007199254740993, 2.5]}");

    assertThat(f.type("readings", "[]")).isEqualTo(PrimitiveType.DOUBLE);
    assertThat((List<Object>) SchemaFixture.value(shaped, "readings")).containsExactly(1.0, 2.5, 3.0);
    // A whole number with no exact double keeps the list LONG: the fraction is the one rescued.
    assertThat(f.type("ids", "[]")).isEqualTo(PrimitiveType.LONG);
    assertThat(SchemaFixture.rescued(shaped)).isEqualTo("{\"/ids/2\":2.5}");
  }

  @Test
  void anOverrideWinsOverTheNameHint() {
    SchemaFixture f = new SchemaFixture(dir, EvolutionSettings.defaults()
        .withOverrides(List.of(PathOverride.parse("amount", "long"))));
    f.shaped("{'amount': 12}");

    assertThat(f.type("amount")).isEqualTo(PrimitiveType.LONG);
  }

  @Test
  void twoInstancesThatSeeAWholeAndAFractionalAmountFirstConvergeOnADoubleColumn() {
    SchemaFixture one = new SchemaFixture(new LocalFileStore(dir), EvolutionSettings.defaults(), "one");
    SchemaFixture two = new SchemaFixture(new LocalFileStore(dir), EvolutionSettings.defaults(), "two");
    one.shaped("{'id': 1}");
    two.shaped("{'id': 2}");
    ShapeResult.Shaped whole = one.shaped("{'id': 3, 'amount': 12}");
    // two still believes version 1 is the latest: it races for version 2, loses and merges.
    ShapeResult.Shaped fraction = two.shaped("{'id': 4, 'amount': 12.5}");
    ShapeResult.Shaped laterWhole = two.shaped("{'id': 5, 'amount': 7}");

    assertThat(one.type("amount")).isEqualTo(PrimitiveType.DOUBLE);
    assertThat(two.latest()).isEqualTo(one.latest());
    assertThat(whole.rescuedValues() + fraction.rescuedValues() + laterWhole.rescuedValues()).isZero();
    assertThat(SchemaFixture.value(laterWhole, "amount")).isEqualTo(7.0);
  }

  @Test
  void aFieldOfListElementsWholeFirstAndFractionalLaterInTheListIsADoubleColumnWithNothingRescued() {
    SchemaFixture f = fixture();
    ShapeResult.Shaped shaped = f.shaped("{'items': [{'sku': 7, 'qty': 1}, {'sku': 8, 'qty': 2.5}, {'qty': 3}]}");

    assertThat(f.type("items", "[]", "qty")).isEqualTo(PrimitiveType.DOUBLE);
    assertThat(f.type("items", "[]", "sku")).isEqualTo(PrimitiveType.LONG);
    assertThat(shaped.rescuedValues()).isZero();
  }

  @Test
  void aNewFieldInAnExistingListOfObjectsIsTypedFromAllItsElementsButOldColumnsNeverChange() {
    SchemaFixture f = fixture();
    f.shaped("{'items': [{'sku': 7}]}");
    ShapeResult.Shaped shaped = f.shaped("{'items': [{'sku': 1, 'weight_g': 3}, {'sku': 2.5, 'weight_g': 4.5}]}");

    assertThat(f.type("items", "[]", "weight_g")).isEqualTo(PrimitiveType.DOUBLE);
    assertThat(f.type("items", "[]", "sku")).as("a column's type never changes").isEqualTo(PrimitiveType.LONG);
    assertThat(shaped.rescuedValues()).as("only the fraction in the old bigint column").isEqualTo(1);
  }

  @Test
  void listElementIdsBeyondTwoToThe53StayLongEvenNextToAFraction() {
    SchemaFixture f = fixture();
    ShapeResult.Shaped shaped = f.shaped("{'items': [{'ref': 9007199254740993}, {'ref': 0.5}]}");

    assertThat(f.type("items", "[]", "ref")).isEqualTo(PrimitiveType.LONG);
    assertThat(shaped.rescuedValues()).isEqualTo(1);
  }

  /** Shapes {@code events} with whole numbers waiting for their type, and decides them as a roll does. */
  private List<Object[]> shapedAndDecided(DatasetSchemas schemas, String... events) {
    List<Object[]> rows = new ArrayList<>();
    for (String event : events) {
      rows.add(((ShapeResult.Shaped) schemas.shape("events", Json.event(event), 1L, "s", "0", "0")).row());
    }
    NumberDecision decision = schemas.decide("events", rows);
    return rows.stream().map(decision.rehome()).toList();
  }

  private DatasetSchemas waiting(String instance) {
    return new DatasetSchemas(new SchemaHistory(new LocalFileStore(dir), "lake", instance, Clock.systemUTC()),
        dataset -> EvolutionSettings.defaults(), true);
  }

  private static Object column(DatasetSchemas schemas, Object[] row, String... path) {
    StructType type = schemas.current("events").root();
    Object value = row;
    for (String step : path) {
      int index = type.indexOf(step);
      Object[] struct = (Object[]) value;
      value = index < struct.length ? struct[index] : null;
      if (type.fields().get(index).type() instanceof StructType child) {
        type = child;
      }
    }
    return value;
  }

  @Test
  void aWholeFirstValueWaitsInRescuedAndAFractionInALaterEventMakesItADoubleColumn() {
    DatasetSchemas schemas = waiting("one");
    ShapeResult.Shaped whole = (ShapeResult.Shaped) schemas.shape("events", Json.event("{'x': 12, 's': 'a'}"), 1L,
        "s", "0", "0");
    assertThat(schemas.current("events").root().field("x")).as("undecided: no column yet").isNull();
    assertThat(whole.rescuedValues()).as("a waiting value is not counted as rescued").isZero();
    assertThat(whole.waiting()).as("its buffer must be decided at the roll").isTrue();

    List<Object[]> rows = shapedAndDecided(schemas, "{'x': 12.5}");
    Object[] first = schemas.decide("events", List.<Object[]>of(whole.row())).rehome().apply(whole.row());

    assertThat(schemas.current("events").root().field("x").type()).isEqualTo(PrimitiveType.DOUBLE);
    assertThat(column(schemas, first, "x")).isEqualTo(12.0);
    assertThat(column(schemas, rows.get(0), "x")).isEqualTo(12.5);
    assertThat(first[MetadataColumns.RESCUED_INDEX]).isNull();
  }

  @Test
  void wholeValuesOnlyAreDecidedLongAtTheRollAndNestedOnesMoveIntoTheirStructs() {
    DatasetSchemas schemas = waiting("one");
    List<Object[]> rows = shapedAndDecided(schemas, "{'n': 1, 'order': {'qty': 2, 'sku': 'a'}, 'new': {'k': 3}}",
        "{'n': 4, 'order': {'qty': 5}, 'tags': [], 'big': 18014398509481985}");

    assertThat(schemas.current("events").root().field("n").type()).isEqualTo(PrimitiveType.LONG);
    assertThat(((StructType) schemas.current("events").root().field("order").type()).field("qty").type())
        .isEqualTo(PrimitiveType.LONG);
    assertThat(column(schemas, rows.get(0), "n")).isEqualTo(1L);
    assertThat(column(schemas, rows.get(0), "order", "qty")).isEqualTo(2L);
    assertThat(column(schemas, rows.get(0), "order", "sku")).isEqualTo("a");
    assertThat(column(schemas, rows.get(0), "new", "k")).isEqualTo(3L);
    assertThat(column(schemas, rows.get(1), "order", "qty")).isEqualTo(5L);
    assertThat(column(schemas, rows.get(1), "big")).isEqualTo(18014398509481985L);
    assertThat(rows.get(0)[MetadataColumns.RESCUED_INDEX]).isNull();
    assertThat(rows.get(1)[MetadataColumns.RESCUED_INDEX]).as("an empty list still has no column")
        .isEqualTo("{\"/tags\":[]}");
  }

  @Test
  void overridesAndMeasureNamesStillDecideAtOnceWhileWaiting() {
    DatasetSchemas schemas = new DatasetSchemas(new SchemaHistory(new LocalFileStore(dir), "lake", "one",
        Clock.systemUTC()), dataset -> EvolutionSettings.defaults()
            .withOverrides(List.of(PathOverride.parse("code", "double"))), true);
    schemas.shape("events", Json.event("{'code': 1, 'amount': 2, 'count': 3}"), 1L, "s", "0", "0");

    StructType root = schemas.current("events").root();
    assertThat(root.field("code").type()).isEqualTo(PrimitiveType.DOUBLE);
    assertThat(root.field("amount").type()).isEqualTo(PrimitiveType.DOUBLE);
    assertThat(root.field("count")).isNull();
  }

  @Test
  void aDecisionTakenByTwoRacingInstancesConvergesOnTheFirstPublished() {
    DatasetSchemas one = waiting("one");
    DatasetSchemas two = waiting("two");
    List<Object[]> wholes = new ArrayList<>();
    wholes.add(((ShapeResult.Shaped) one.shape("events", Json.event("{'x': 12}"), 1L, "s", "0", "0")).row());
    // two publishes a DOUBLE column at once for its fraction; one then decides at its roll and takes it.
    two.shape("events", Json.event("{'x': 0.5}"), 1L, "s", "1", "0");
    Object[] decided = one.decide("events", wholes).rehome().apply(wholes.get(0));

    assertThat(one.current("events").root().field("x").type()).isEqualTo(PrimitiveType.DOUBLE);
    assertThat(column(one, decided, "x")).isEqualTo(12.0);
    assertThat(decided[MetadataColumns.RESCUED_INDEX]).isNull();
    assertThat(one.current("events")).isEqualTo(two.current("events"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void wholeCountsUnderDataKeysWaitAndStillBecomeOneMapAtTheRollWithEveryValueKept() {
    DatasetSchemas schemas = waiting("one");
    Random random = new Random(5);
    String[] events = new String[300];
    for (int i = 0; i < events.length; i++) {
      events[i] = "{'name': 's', 'counts': {'u" + random.nextInt(5000) + "': " + i + ", 'u" + random.nextInt(5000)
          + "': " + (i + 1) + "}}";
    }
    List<Object[]> rows = shapedAndDecided(schemas, events);

    StructType counts = (StructType) schemas.current("events").root().field("counts").type();
    int map = KeyMaps.indexIn(counts);
    assertThat(map).as("the keys are data: a map, not thousands of columns").isGreaterThanOrEqualTo(0);
    assertThat(counts.fields().size()).isLessThanOrEqualTo(40);
    for (int i = 0; i < rows.size(); i++) {
      Object[] row = rows.get(i);
      assertThat(row[MetadataColumns.RESCUED_INDEX]).as("row %s", i).isNull();
      Map<String, Object> event = Json.event(events[i]);
      Object[] struct = (Object[]) column(schemas, row, "counts");
      for (Map.Entry<String, Object> count : ((Map<String, Object>) event.get("counts")).entrySet()) {
        int index = counts.indexOf(count.getKey());
        Map<String, Object> entries = struct[map] == null ? Map.of() : (Map<String, Object>) struct[map];
        Object stored = index >= 0 && index != map ? struct[index] : entries.get(count.getKey());
        assertThat(stored).as("%s of row %s", count.getKey(), i).isEqualTo(count.getValue());
      }
    }
  }

  @Test
  void anInstanceThatLosesTheRaceForItsDecisionTakesTheWinnersTypeAndMovesItsWholeValuesIntoIt() {
    DatasetSchemas two = waiting("two");
    AtomicBoolean raced = new AtomicBoolean();
    // one's store lets two publish its version first, just before one writes the same version: a lost race.
    ObjectStore racing = new ForwardingStore(new LocalFileStore(dir)) {
      @Override
      public boolean putIfAbsent(String key, byte[] bytes) {
        boolean decision = key.contains("_schemas/events/v") && !key.endsWith("v0000000001.json");
        if (decision && raced.compareAndSet(false, true)) {
          two.shape("events", Json.event("{'x': 0.5}"), 1L, "s", "1", "0");
        }
        return super.putIfAbsent(key, bytes);
      }
    };
    DatasetSchemas one = new DatasetSchemas(new SchemaHistory(racing, "lake", "one", Clock.systemUTC()),
        dataset -> EvolutionSettings.defaults(), true);
    List<Object[]> rows = shapedAndDecided(one, "{'x': 12, 's': 'a'}", "{'x': 7}");

    assertThat(raced).isTrue();
    assertThat(one.current("events").root().field("x").type()).as("the winner's type").isEqualTo(PrimitiveType.DOUBLE);
    assertThat(one.current("events")).isEqualTo(two.current("events"));
    assertThat(rows).extracting(row -> column(one, row, "x")).containsExactly(12.0, 7.0);
    assertThat(rows).extracting(row -> row[MetadataColumns.RESCUED_INDEX]).containsOnlyNulls();
  }
}
