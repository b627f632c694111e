package io.tributary.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoercionAndRescueTest {
  @TempDir Path dir;

  private SchemaFixture fixture() {
    return new SchemaFixture(dir, EvolutionSettings.defaults());
  }

  @Test
  void anIntegerIsCoercedIntoADoubleColumn() {
    SchemaFixture f = fixture();
    f.shaped("{'amount': 1.5}");
    ShapeResult.Shaped shaped = f.shaped("{'amount': 3}");

    assertThat(SchemaFixture.value(shaped, "amount")).isEqualTo(3.0);
    assertThat(shaped.rescuedValues()).isZero();
  }

  @Test
  void anIntegerWithoutAnExactDoubleIsRescued() {
    SchemaFixture f = fixture();
    f.shaped("{'amount': 1.5}");
    ShapeResult.Shaped shaped = f.shaped("{'amount': 9007199254740993}");

    assertThat(SchemaFixture.value(shaped, "amount")).isNull();
    assertThat(SchemaFixture.rescued(shaped)).isEqualTo("{\"/amount\":9007199254740993}");
  }

  @Test
  void aFractionInALongColumnIsRescuedButAnIntegralDoubleIsCoerced() {
    SchemaFixture f = fixture();
    f.shaped("{'count': 1}");
    ShapeResult.Shaped fraction = f.shaped("{'count': 2.5}");
    ShapeResult.Shaped integral = f.shaped("{'count': 4.0}");

    assertThat(SchemaFixture.value(fraction, "count")).isNull();
    assertThat(SchemaFixture.rescued(fraction)).isEqualTo("{\"/count\":2.5}");
    assertThat(SchemaFixture.value(integral, "count")).isEqualTo(4L);
    assertThat(f.type("count")).isEqualTo(PrimitiveType.LONG);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aValueThatDoesNotFitGoesToRescuedUnderItsJsonPointerWithItsOriginalName() {
    SchemaFixture f = fixture();
    f.shaped("{'user': {'Name': 'a', 'tags': ['x']}, 'a/b': 1}");
    ShapeResult.Shaped shaped = f.shaped("{'user': {'Name': {'first': 'A'}, 'tags': ['y', 2]}, 'a/b': 'z'}");

    assertThat(SchemaFixture.rescued(shaped))
        .isEqualTo("{\"/user/Name\":{\"first\":\"A\"},\"/user/tags/1\":2,\"/a~1b\":\"z\"}");
    assertThat(shaped.rescuedValues()).isEqualTo(3);
    Object[] user = (Object[]) SchemaFixture.value(shaped, "user");
    assertThat(user[0]).isNull();
    assertThat((List<Object>) user[1]).containsExactly("y", null);
  }

  @Test
  void stringsAreNotParsedIntoNumbersNorNumbersIntoStrings() {
    SchemaFixture f = fixture();
    f.shaped("{'n': 1, 's': 'x'}");
    ShapeResult.Shaped shaped = f.shaped("{'n': '2', 's': 3}");

    assertThat(SchemaFixture.rescued(shaped)).isEqualTo("{\"/n\":\"2\",\"/s\":3}");
  }

  @Test
  void integersBeyondSixtyFourBitsMakeADoubleColumnAndKeepEveryDigitWhenInexact() {
    SchemaFixture f = fixture();
    ShapeResult.Shaped exact = f.shaped("{'big': 18446744073709551616, 'id': 1}");
    assertThat(f.type("big")).isEqualTo(PrimitiveType.DOUBLE);
    assertThat(SchemaFixture.value(exact, "big")).isEqualTo(18446744073709551616.0);

    ShapeResult.Shaped inexact = f.shaped("{'big': 18446744073709551617, 'id': 99999999999999999999}");
    assertThat(SchemaFixture.value(inexact, "big")).isNull();
    assertThat(SchemaFixture.rescued(inexact))
        .isEqualTo("{\"/big\":18446744073709551617,\"/id\":99999999999999999999}");
  }

  @Test
  void aFieldWithoutColumnBecauseItIsAlwaysEmptyKeepsItsValueInRescued() {
    SchemaFixture f = fixture();
    ShapeResult.Shaped shaped = f.shaped("{'id': 1, 'list': [[], []]}");

    assertThat(f.type("list")).isNull();
    assertThat(SchemaFixture.rescued(shaped)).isEqualTo("{\"/list\":[[],[]]}");
  }

  @Test
  void rowsOfAnEarlierVersionArePrefixesOfTheLatestRows() {
    SchemaFixture f = fixture();
    ShapeResult.Shaped old = f.shaped("{'a': 1}");
    f.shaped("{'b': 2}");

    assertThat(old.row()).hasSize(old.schema().root().fields().size());
    assertThat(f.latest().root().fields().subList(0, old.row().length))
        .isEqualTo(old.schema().root().fields());
    assertThat(Arrays.asList(old.row()).subList(MetadataColumns.COUNT, old.row().length)).containsExactly(1L);
  }
}
