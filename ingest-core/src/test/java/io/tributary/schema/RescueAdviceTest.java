package io.tributary.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RescueAdviceTest {
  @TempDir Path dir;

  @Test
  void hotSpotsAreCountedPerFieldPathWithTheOverrideThatWouldKeepTheirValues() {
    SchemaFixture f = new SchemaFixture(dir, EvolutionSettings.defaults());
    f.shaped("{'qty': 1, 'note': 'x', 'items': [{'sku': 'a'}]}");
    List<String> rescued = List.of(
        SchemaFixture.rescued(f.shaped("{'qty': 1.5}")),
        SchemaFixture.rescued(f.shaped("{'qty': 2.5, 'note': {'a': 1}}")),
        SchemaFixture.rescued(f.shaped("{'qty': 2.25, 'items': [{'sku': 7}, {'sku': 'b'}]}")));
    RescueAdvice advice = new RescueAdvice(f.latest());
    rescued.forEach(advice::add);
    advice.add(null);

    assertThat(advice.hotSpots()).containsExactly(
        new RescueAdvice.HotSpot("qty", "bigint", 3, Map.of("fraction", 3L),
            "qty: double (fractions in a bigint column, decided before the first fraction came)"),
        new RescueAdvice.HotSpot("items[].sku", "string", 1, Map.of("whole number", 1L),
            "items[].sku: json (values of several JSON types: one text column keeps them all)"),
        new RescueAdvice.HotSpot("note", "string", 1, Map.of("object", 1L),
            "note: json (values of several JSON types: one text column keeps them all)"));
    assertThat(advice.unreadable()).isZero();
  }

  @Test
  void aFieldPastTheColumnCapHasNoColumnAndTheAdviceSaysSo() {
    SchemaFixture f = new SchemaFixture(dir, EvolutionSettings.defaults().withMaxColumns(1));
    f.shaped("{'a': 1}");
    RescueAdvice advice = new RescueAdvice(f.latest());
    advice.add(SchemaFixture.rescued(f.shaped("{'a': 2, 'b': true}")));

    RescueAdvice.HotSpot spot = advice.hotSpots().get(0);
    assertThat(spot.path()).isEqualTo("b");
    assertThat(spot.column()).isNull();
    assertThat(spot.advice()).startsWith("no column");
  }
}
