package io.tributary.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.Json;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamesAndCapsTest {
  @TempDir Path dir;

  @Test
  void namesReadersCannotTakeAreSanitizedAndTheOriginalNameIsKept() {
    SchemaFixture f = new SchemaFixture(dir, EvolutionSettings.defaults());
    ShapeResult.Shaped shaped = f.shaped("{'user-id': 1, '1st': 2, 'a.b': 3, 'first name': 4, 'Café': 5}");

    assertThat(f.dataFields()).extracting(Field::name)
        .containsExactly("user_id", "_1st", "a_b", "first_name", "cafe");
    assertThat(f.dataFields()).extracting(Field::originalName)
        .containsExactly("user-id", "1st", "a.b", "first name", "Café");
    assertThat(SchemaFixture.value(shaped, "cafe")).isEqualTo(5L);
    String persisted = new String(f.store.get("lake/_schemas/events/v0000000001.json").orElseThrow(),
        java.nio.charset.StandardCharsets.UTF_8);
    assertThat(persisted).contains("\"original\" : \"user-id\"", "\"name\" : \"user_id\"");
  }

  @Test
  void namesEqualButForCaseShareOneColumn() {
    SchemaFixture f = new SchemaFixture(dir, EvolutionSettings.defaults());
    f.shaped("{'userId': 1}");
    ShapeResult.Shaped other = f.shaped("{'userid': 2}");
    ShapeResult.Shaped upper = f.shaped("{'USERID': 3}");

    assertThat(f.dataFields()).extracting(Field::name).containsExactly("userid");
    assertThat(SchemaFixture.value(other, "userid")).isEqualTo(2L);
    assertThat(SchemaFixture.value(upper, "userid")).isEqualTo(3L);
  }

  @Test
  void theSecondOfTwoFieldsThatShareAColumnInOneObjectIsRescued() {
    SchemaFixture f = new SchemaFixture(dir, EvolutionSettings.defaults());
    ShapeResult.Shaped shaped = f.shaped("{'userId': 1, 'userid': 2}");

    assertThat(SchemaFixture.value(shaped, "userid")).isEqualTo(1L);
    assertThat(SchemaFixture.rescued(shaped)).isEqualTo("{\"/userid\":2}");
  }

  @Test
  void aDataFieldNamedLikeAMetadataColumnGetsItsOwnColumn() {
    SchemaFixture f = new SchemaFixture(dir, EvolutionSettings.defaults());
    ShapeResult.Shaped shaped = f.shaped("{'_rescued': 'mine', '_offset': 7}");

    assertThat(SchemaFixture.value(shaped, "_rescued_")).isEqualTo("mine");
    assertThat(SchemaFixture.value(shaped, "_offset_")).isEqualTo(7L);
    assertThat(SchemaFixture.rescued(shaped)).isNull();
  }

  @Test
  void fieldsBeyondTheColumnCapGoToRescuedAndCreateNoVersion() {
    SchemaFixture f = new SchemaFixture(dir, EvolutionSettings.defaults().withMaxColumns(10));
    Map<String, Object> wide = new LinkedHashMap<>();
    for (int i = 0; i < 3000; i++) {
      wide.put("k" + i, (long) i);
    }
    ShapeResult.Shaped first = (ShapeResult.Shaped) f.shape(wide);

    assertThat(f.dataFields()).hasSize(10);
    assertThat(first.rescuedValues()).isEqualTo(2990);
    assertThat(SchemaFixture.value(first, "k9")).isEqualTo(9L);
    assertThat(SchemaFixture.rescued(first)).contains("\"/k10\":10", "\"/k2999\":2999");

    ShapeResult.Shaped second = (ShapeResult.Shaped) f.shape(Json.event("{'other': 1, 'k0': 5}"));
    assertThat(second.newVersion()).isFalse();
    assertThat(f.latest().version()).isEqualTo(1);
    assertThat(SchemaFixture.rescued(second)).isEqualTo("{\"/other\":1}");
  }

  @Test
  void theCapCountsNestedLeavesAndFillsAStructPartially() {
    SchemaFixture f = new SchemaFixture(dir, EvolutionSettings.defaults().withMaxColumns(3));
    ShapeResult.Shaped shaped = f.shaped("{'a': 1, 'o': {'x': 1, 'y': 2, 'z': 3}}");

    assertThat(f.type("o")).isEqualTo(StructType.of(new Field("x", "x", PrimitiveType.LONG),
        new Field("y", "y", PrimitiveType.LONG)));
    assertThat(SchemaFixture.rescued(shaped)).isEqualTo("{\"/o/z\":3}");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aPathPinnedToAMapTakesThousandsOfKeysAsOneColumn() {
    EvolutionSettings settings = EvolutionSettings.defaults()
        .withOverrides(List.of(PathOverride.parse("counts", "map")));
    SchemaFixture f = new SchemaFixture(dir, settings);
    Map<String, Object> counts = new LinkedHashMap<>();
    for (int i = 0; i < 5000; i++) {
      counts.put("sku-" + i, (long) i);
    }
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("counts", counts);
    ShapeResult.Shaped shaped = (ShapeResult.Shaped) f.shape(event);

    assertThat(f.type("counts")).isEqualTo(new MapType(PrimitiveType.LONG));
    assertThat((Map<Object, Object>) SchemaFixture.value(shaped, "counts")).hasSize(5000).containsEntry("sku-42", 42L);
    ShapeResult.Shaped misfit = f.shaped("{'counts': {'a': 'x', 'b': 2}}");
    assertThat(SchemaFixture.rescued(misfit)).isEqualTo("{\"/counts/a\":\"x\"}");
  }

  @Test
  void aPathPinnedToJsonKeepsAnyValueAsItsJsonText() {
    EvolutionSettings settings = EvolutionSettings.defaults()
        .withOverrides(List.of(PathOverride.parse("payload", "json"), PathOverride.parse("items[].extra", "json")));
    SchemaFixture f = new SchemaFixture(dir, settings);
    ShapeResult.Shaped shaped = f.shaped("{'payload': {'a': [1, {'b': null}]}, 'items': [{'extra': 'x'}]}");
    ShapeResult.Shaped scalar = f.shaped("{'payload': 5}");

    assertThat(f.type("payload")).isEqualTo(PrimitiveType.JSON);
    assertThat(f.type("items", "[]", "extra")).isEqualTo(PrimitiveType.JSON);
    assertThat(SchemaFixture.value(shaped, "payload")).isEqualTo("{\"a\":[1,{\"b\":null}]}");
    assertThat(SchemaFixture.value(scalar, "payload")).isEqualTo("5");
  }

  @Test
  void aPathPinnedToATypeGetsThatTypeWhateverComesFirst() {
    EvolutionSettings settings = EvolutionSettings.defaults()
        .withOverrides(List.of(PathOverride.parse("amount", "double"), PathOverride.parse("Order.Code", "string")));
    SchemaFixture f = new SchemaFixture(dir, settings);
    ShapeResult.Shaped shaped = f.shaped("{'amount': 3, 'order': {'code': 'A1'}}");
    ShapeResult.Shaped misfit = f.shaped("{'order': {'code': 12}}");

    assertThat(f.type("amount")).isEqualTo(PrimitiveType.DOUBLE);
    assertThat(f.type("order", "code")).isEqualTo(PrimitiveType.STRING);
    assertThat(SchemaFixture.value(shaped, "amount")).isEqualTo(3.0);
    assertThat(SchemaFixture.rescued(misfit)).isEqualTo("{\"/order/code\":12}");
  }
}
