package io.tributary.parquet;

import static io.tributary.parquet.Rows.field;
import static io.tributary.parquet.Rows.struct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.schema.DatasetSchema;
import io.tributary.schema.ListType;
import io.tributary.schema.MapType;
import io.tributary.schema.MetadataColumns;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import java.util.List;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;

class ParquetSchemasTest {

  @Test
  void everyColumnTypeMapsToItsParquetTypeAndEveryColumnIsOptional() {
    DatasetSchema schema = new DatasetSchema("orders", 2, StructType.of(
        field("n", PrimitiveType.LONG),
        field("d", PrimitiveType.DOUBLE),
        field("b", PrimitiveType.BOOLEAN),
        field("s", PrimitiveType.STRING),
        field("j", PrimitiveType.JSON),
        field("ts", PrimitiveType.TIMESTAMP),
        field("st", struct(field("a", PrimitiveType.STRING), field("inner", struct(field("z", PrimitiveType.LONG))))),
        field("l", new ListType(PrimitiveType.LONG)),
        field("ls", new ListType(struct(field("k", PrimitiveType.STRING)))),
        field("m", new MapType(struct(field("x", PrimitiveType.DOUBLE)))),
        field("ml", new MapType(new ListType(PrimitiveType.TIMESTAMP)))));

    MessageType expected = MessageTypeParser.parseMessageType("""
        message orders {
          optional int64 n;
          optional double d;
          optional boolean b;
          optional binary s (STRING);
          optional binary j (STRING);
          optional int64 ts (TIMESTAMP(MICROS,true));
          optional group st {
            optional binary a (STRING);
            optional group inner {
              optional int64 z;
            }
          }
          optional group l (LIST) {
            repeated group list {
              optional int64 element;
            }
          }
          optional group ls (LIST) {
            repeated group list {
              optional group element {
                optional binary k (STRING);
              }
            }
          }
          optional group m (MAP) {
            repeated group key_value {
              required binary key (STRING);
              optional group value {
                optional double x;
              }
            }
          }
          optional group ml (MAP) {
            repeated group key_value {
              required binary key (STRING);
              optional group value (LIST) {
                repeated group list {
                  optional int64 element (TIMESTAMP(MICROS,true));
                }
              }
            }
          }
        }
        """);

    assertThat(ParquetSchemas.toMessageType(schema)).isEqualTo(expected);
  }

  @Test
  void metadataColumnsComeFirstUnderTheirOwnNames() {
    MessageType type = ParquetSchemas.toMessageType(
        new DatasetSchema("clicks", 1, MetadataColumns.emptyRoot().withAppended(field("x", PrimitiveType.LONG))));

    assertThat(type.getName()).isEqualTo("clicks");
    assertThat(type.getFields()).extracting(Type::getName)
        .containsExactly("_ingest_time", "_source", "_partition", "_offset", "_rescued", "x");
  }

  @Test
  void emptyStructIsRejectedNamingItsPath() {
    DatasetSchema schema = new DatasetSchema("d", 1, StructType.of(
        field("outer", struct(field("empty", new StructType(List.of()))))));

    assertThatThrownBy(() -> ParquetSchemas.toMessageType(schema))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid schema: struct outer.empty has no fields: Parquet cannot write an empty group");
  }

  @Test
  void emptyRootIsRejected() {
    DatasetSchema schema = new DatasetSchema("d", 1, new StructType(List.of()));

    assertThatThrownBy(() -> ParquetSchemas.toMessageType(schema))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("struct <root> has no fields");
  }
}
