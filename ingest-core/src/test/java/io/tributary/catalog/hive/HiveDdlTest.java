package io.tributary.catalog.hive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.errors.ErrorRows;
import io.tributary.partition.EventTimeFormat;
import io.tributary.partition.Granularity;
import io.tributary.partition.PartitionSpec;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.Field;
import io.tributary.schema.ListType;
import io.tributary.schema.MapType;
import io.tributary.schema.MetadataColumns;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tables and their DDL: quoting, every column type in each dialect, keys, and what each dialect leaves out. */
class HiveDdlTest {
  private static final StructType ITEM = StructType.of(new Field("sku", "sku", PrimitiveType.STRING),
      new Field("_qty", "_qty", PrimitiveType.LONG));
  private static final DatasetSchema SCHEMA = new DatasetSchema("orders", 3, MetadataColumns.emptyRoot()
      .withAppended(new Field("items", "items", new ListType(ITEM)))
      .withAppended(new Field("attrs", "attrs", new MapType(new ListType(PrimitiveType.DOUBLE))))
      .withAppended(new Field("paid", "paid", PrimitiveType.TIMESTAMP))
      .withAppended(new Field("region", "region", PrimitiveType.STRING)));
  private static final HiveTable TABLE = HiveTables.dataset("orders", "s3://b/lake/orders/", SCHEMA,
      new PartitionSpec(null, EventTimeFormat.AUTO, Granularity.MONTH, List.of("region")));

  @Test
  void aDataColumnNamedLikeAPartitionKeyIsLeftToThePath() {
    assertThat(TABLE.columns()).extracting(HiveColumn::name).doesNotContain("region").contains("items", "paid");
    assertThat(TABLE.partitionKeys()).extracting(c -> c.name() + " " + c.type())
        .containsExactly("year int", "month int", "region string");
    assertThat(TABLE.parameters()).containsEntry("projection.year.range", "2000,2099")
        .containsEntry("projection.year.digits", "4").doesNotContainKey("projection.day.type")
        .containsEntry("storage.location.template", "s3://b/lake/orders/year=${year}/month=${month}/region=${region}");
  }

  @Test
  void athenaAndSparkQuoteStructFieldsThatHiveIdentifiersCannotSpell() {
    String athena = HiveDdl.of(TABLE, DdlDialect.ATHENA);
    assertThat(athena).contains("`items` array<struct<`sku`:string,`_qty`:bigint>>",
        "`attrs` map<string,array<double>>", "`paid` timestamp", "'projection.enabled'='true'");
    String spark = HiveDdl.of(TABLE, DdlDialect.SPARK);
    assertThat(spark).contains("`items` array<struct<`sku`:string,`_qty`:bigint>>", "STORED AS PARQUET",
        "'tributary.schema.version'='3'", "MSCK REPAIR TABLE `orders`;").doesNotContain("projection");
  }

  @Test
  void trinoSpellsEveryTypeItsOwnWay() {
    assertThat(HiveDdl.of(TABLE, DdlDialect.TRINO)).contains(
        "\"items\" array(row(\"sku\" varchar, \"_qty\" bigint))", "\"attrs\" map(varchar, array(double))",
        "\"paid\" timestamp(3)", "\"month\" integer,\n  \"region\" varchar\n)",
        "partitioned_by = ARRAY['year', 'month', 'region']");
    assertThatThrownBy(() -> TrinoTypes.of("decimal(10,2)")).hasMessageContaining("Cannot read Hive type");
  }

  @Test
  void theErrorsTableDeclaresDatasetAndErrorTypeOnlyAsPartitionKeys() {
    HiveTable errors = HiveTables.errors("tributary_errors", "s3://b/errors/", List.of("orders"), Granularity.DAY);
    assertThat(errors.columns()).extracting(HiveColumn::name).doesNotContain("dataset", "error_type")
        .hasSize(ErrorRows.COUNT - 2);
    assertThat(HiveTables.errorDatasets(errors.parameters())).containsExactly("_unrouted", "orders");
  }
}
