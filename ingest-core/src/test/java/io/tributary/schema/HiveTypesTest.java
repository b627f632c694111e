package io.tributary.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HiveTypesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      LONG      | bigint
      DOUBLE    | double
      BOOLEAN   | boolean
      STRING    | string
      JSON      | string
      TIMESTAMP | timestamp
      """)
  void everyPrimitiveHasTheHiveTypeAthenaReadsItsParquetAs(PrimitiveType type, String hive) {
    assertThat(HiveTypes.of(type)).isEqualTo(hive);
  }

  @Test
  void nestedTypesSpellTheirElementsFieldsAndValuesWithoutSpaces() {
    StructType line = StructType.of(
        new Field("sku", "SKU", PrimitiveType.STRING),
        new Field("tags", "tags", new ListType(PrimitiveType.STRING)));
    ColumnType order = StructType.of(
        new Field("id", "id", PrimitiveType.LONG),
        new Field("lines", "lines", new ListType(line)),
        new Field("totals", "totals", new MapType(PrimitiveType.DOUBLE)),
        new Field("at", "at", PrimitiveType.TIMESTAMP));

    assertThat(HiveTypes.of(order)).isEqualTo(
        "struct<id:bigint,lines:array<struct<sku:string,tags:array<string>>>,totals:map<string,double>,at:timestamp>");
    assertThat(HiveTypes.of(new MapType(new ListType(PrimitiveType.BOOLEAN)))).isEqualTo("map<string,array<boolean>>");
  }

  @Test
  void aStructUsesTheSanitizedNamesTheParquetColumnsCarry() {
    assertThat(HiveTypes.of(StructType.of(new Field("user_id", "User-Id", PrimitiveType.STRING))))
        .isEqualTo("struct<user_id:string>");
  }

  @Test
  void nullIsRejected() {
    assertThatThrownBy(() -> HiveTypes.of(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("type may not be null");
  }
}
