package io.tributary.schema;

import static io.tributary.schema.PrimitiveType.BOOLEAN;
import static io.tributary.schema.PrimitiveType.DOUBLE;
import static io.tributary.schema.PrimitiveType.LONG;
import static io.tributary.schema.PrimitiveType.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaEvolutionTest {
  @TempDir Path dir;

  private SchemaFixture fixture() {
    return new SchemaFixture(dir, EvolutionSettings.defaults());
  }

  @Test
  void everyJsonShapeGetsItsDocumentedColumnType() {
    SchemaFixture f = fixture();
    f.shaped("{'i': 1, 'd': 1.5, 'e': 1e3, 'b': true, 's': 'x', 'o': {'k': 1}, 'a': ['x'], 'ao': [{'k': 'v'}]}");

    assertThat(f.type("i")).isEqualTo(LONG);
    assertThat(f.type("d")).isEqualTo(DOUBLE);
    assertThat(f.type("e")).isEqualTo(DOUBLE);
    assertThat(f.type("b")).isEqualTo(BOOLEAN);
    assertThat(f.type("s")).isEqualTo(STRING);
    assertThat(f.type("o")).isEqualTo(StructType.of(new Field("k", "k", LONG)));
    assertThat(f.type("a")).isEqualTo(new ListType(STRING));
    assertThat(f.type("ao")).isEqualTo(new ListType(StructType.of(new Field("k", "k", STRING))));
  }

  @Test
  void theFirstVersionStartsWithTheMetadataColumns() {
    SchemaFixture f = fixture();
    ShapeResult.Shaped shaped = f.shaped("{'a': 1}");

    assertThat(shaped.schema().version()).isEqualTo(1);
    assertThat(shaped.newVersion()).isTrue();
    assertThat(shaped.schema().root().fields().subList(0, MetadataColumns.COUNT))
        .isEqualTo(MetadataColumns.fields());
    assertThat(shaped.row()[MetadataColumns.SOURCE_INDEX]).isEqualTo("orders");
    assertThat(shaped.row()[MetadataColumns.PARTITION_INDEX]).isEqualTo("0");
    assertThat(shaped.row()[MetadataColumns.OFFSET_INDEX]).isEqualTo("0");
    assertThat(shaped.row()[MetadataColumns.INGEST_TIME_INDEX]).isEqualTo(1_700_000_000_000_000L);
    assertThat(shaped.row()[MetadataColumns.RESCUED_INDEX]).isNull();
  }

  @Test
  void aNewFieldBecomesAnOptionalColumnAppendedAfterTheOthers() {
    SchemaFixture f = fixture();
    f.shaped("{'a': 1, 'b': 'x'}");
    ShapeResult.Shaped second = f.shaped("{'c': true, 'a': 2}");

    assertThat(second.schema().version()).isEqualTo(2);
    assertThat(f.dataFields()).extracting(Field::name).containsExactly("a", "b", "c");
    assertThat(SchemaFixture.value(second, "a")).isEqualTo(2L);
    assertThat(SchemaFixture.value(second, "b")).isNull();
    assertThat(SchemaFixture.value(second, "c")).isEqualTo(true);
  }

  @Test
  void anEventThatFitsCreatesNoVersion() {
    SchemaFixture f = fixture();
    f.shaped("{'a': 1, 'b': 'x'}");
    ShapeResult.Shaped again = f.shaped("{'b': 'y'}");

    assertThat(again.newVersion()).isFalse();
    assertThat(again.schema().version()).isEqualTo(1);
  }

  @Test
  void aNestedFieldIsAddedInsideItsStruct() {
    SchemaFixture f = fixture();
    f.shaped("{'user': {'id': 1}}");
    ShapeResult.Shaped shaped = f.shaped("{'user': {'id': 2, 'address': {'city': 'Oslo'}}}");

    assertThat(f.type("user", "address", "city")).isEqualTo(STRING);
    Object[] user = (Object[]) SchemaFixture.value(shaped, "user");
    assertThat(user[0]).isEqualTo(2L);
    assertThat(((Object[]) user[1])[0]).isEqualTo("Oslo");
  }

  @Test
  void fieldsOfEveryElementOfAnArrayOfObjectsBecomeColumnsOfTheElementStruct() {
    SchemaFixture f = fixture();
    f.shaped("{'items': [{'sku': 'a'}, {'qty': 2}]}");
    assertThat(f.type("items", "[]", "sku")).isEqualTo(STRING);
    assertThat(f.type("items", "[]", "qty")).isEqualTo(LONG);

    ShapeResult.Shaped shaped = f.shaped("{'items': [{'sku': 'b', 'price': {'amount': 9.5}}]}");
    assertThat(f.type("items", "[]", "price", "amount")).isEqualTo(DOUBLE);
    @SuppressWarnings("unchecked")
    List<Object[]> items = (List<Object[]>) SchemaFixture.value(shaped, "items");
    assertThat(items.get(0)[0]).isEqualTo("b");
    assertThat(((Object[]) items.get(0)[2])[0]).isEqualTo(9.5);
  }

  @Test
  void nullsAndEmptyContainersCreateNoColumnUntilATypedValueArrives() {
    SchemaFixture f = fixture();
    ShapeResult.Shaped first = f.shaped("{'a': 1, 'n': null, 'tags': [], 'meta': {}, 'nulls': [null]}");

    assertThat(f.dataFields()).extracting(Field::name).containsExactly("a");
    // Nothing is lost: the empty containers are kept, not dropped, until they have a column.
    assertThat(SchemaFixture.rescued(first)).isEqualTo("{\"/tags\":[],\"/meta\":{},\"/nulls\":[null]}");
    assertThat(first.rescuedValues()).isEqualTo(3);

    ShapeResult.Shaped typed = f.shaped("{'tags': ['x'], 'n': 5}");
    assertThat(f.type("tags")).isEqualTo(new ListType(STRING));
    assertThat(f.type("n")).isEqualTo(LONG);

    ShapeResult.Shaped empty = f.shaped("{'tags': []}");
    assertThat(SchemaFixture.value(empty, "tags")).isEqualTo(List.of());
    assertThat(SchemaFixture.rescued(empty)).isNull();
    assertThat(typed.schema().version()).isEqualTo(2);
  }

  @Test
  void aColumnNeverChangesTypeWhateverArrivesLater() {
    SchemaFixture f = fixture();
    f.shaped("{'quantity': 10, 'name': 'x', 'user': {'id': 1}}");
    f.shaped("{'quantity': 'ten', 'name': {'first': 'a'}, 'user': 'bob'}");
    f.shaped("{'quantity': 10.5, 'name': 7, 'user': [1]}");

    assertThat(f.type("quantity")).isEqualTo(LONG);
    assertThat(f.type("name")).isEqualTo(STRING);
    assertThat(f.type("user")).isEqualTo(StructType.of(new Field("id", "id", LONG)));
    assertThat(f.latest().version()).isEqualTo(1);
  }
}
