package io.tributary.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.store.LocalFileStore;
import java.nio.file.Path;
import java.util.List;
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
}
