package io.tributary.deploy.catalog;

import static io.tributary.deploy.Templates.at;
import static io.tributary.deploy.Templates.render;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.deploy.Templates;
import io.tributary.error.ErrorType;
import io.tributary.errors.ErrorRows;
import io.tributary.partition.Granularity;
import io.tributary.schema.Field;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/**
 * Guards the Glue catalog: a table per dataset whose partition projection matches the layout the engine writes
 * ({@link Granularity#timePath}, Hive {@code key=value} folders, two-digit month, day and hour), so Athena finds new
 * partitions without a crawler; and an errors table over the error prefix's layout.
 */
class CatalogTemplateTest {

  private final Template msk = Templates.example("msk");

  @Test
  void oneTablePerDatasetAndOneForErrorsInOneDatabase() {
    assertThat(Templates.only(msk, "AWS::Glue::Database").toString()).contains("orders_prod_lake");
    assertThat(tables().keySet()).containsExactlyInAnyOrder("orders", "payments", "users", LakeCatalog.ERRORS_TABLE);
  }

  @Test
  void hourlyDatasetsProjectTheEnginesTimeKeys() {
    Map<String, Object> orders = tables().get("orders");
    Map<String, Object> parameters = at(orders, "Parameters");
    assertThat(parameters).containsEntry("projection.enabled", "true")
        .containsEntry("projection.year.type", "integer")
        .containsEntry("projection.month.range", "1,12").containsEntry("projection.month.digits", "2")
        .containsEntry("projection.day.range", "1,31").containsEntry("projection.day.digits", "2")
        .containsEntry("projection.hour.range", "0,23").containsEntry("projection.hour.digits", "2");
    String template = render(parameters.get("storage.location.template"));
    assertThat(template).matches("s3://\\$\\{LakeBucket[0-9A-F]{8}}/events/orders/"
        + "year=\\$\\{year}/month=\\$\\{month}/day=\\$\\{day}/hour=\\$\\{hour}");
    // The engine's own path for an instant fits the template: the same keys, in the same order, zero-padded.
    String enginePath = Granularity.HOUR.timePath(1_772_000_000_000_000L);
    assertThat(enginePath).matches("year=\\d{4}/month=\\d{2}/day=\\d{2}/hour=\\d{2}");
    assertThat(partitionKeys(orders)).containsExactly("year", "month", "day", "hour");
    assertThat(render(at(orders, "StorageDescriptor", "Location"))).endsWith("/events/orders/");
    assertThat(Templates.value(orders, "StorageDescriptor", "SerdeInfo", "SerializationLibrary"))
        .isEqualTo("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe");
  }

  @Test
  void granularityAndFieldKeysShapeThePartitions() {
    Map<String, Object> users = tables().get("users");
    assertThat(partitionKeys(users)).containsExactly("year", "month", "day");
    assertThat(render(at(users, "Parameters", "storage.location.template")))
        .endsWith("/events/users/year=${year}/month=${month}/day=${day}");
    Map<String, Object> payments = tables().get("payments");
    assertThat(partitionKeys(payments)).containsExactly("year", "month", "day", "hour", "region");
    assertThat(Templates.value(payments, "Parameters", "projection.region.type")).isEqualTo("injected");
    assertThat(render(at(payments, "Parameters", "storage.location.template")))
        .endsWith("/hour=${hour}/region=${region}");
  }

  @Test
  void columnsAreTheMetadataColumnsThenTheDeclaredOnes() {
    List<Map<String, Object>> columns = at(tables().get("orders"), "StorageDescriptor", "Columns");
    assertThat(columns.stream().map(c -> c.get("Name") + " " + c.get("Type")).toList()).containsExactly(
        "_ingest_time timestamp", "_source string", "_partition string", "_offset string", "_rescued string",
        "order_id string", "customer_id string", "amount double", "currency string", "occurred_at timestamp");
  }

  @Test
  void theErrorsTableProjectsDatasetErrorTypeAndTime() {
    Map<String, Object> errors = tables().get(LakeCatalog.ERRORS_TABLE);
    assertThat(partitionKeys(errors)).containsExactly("dataset", "error_type", "year", "month", "day", "hour");
    assertThat(render(at(errors, "Parameters", "storage.location.template"))).matches(
        "s3://\\$\\{LakeBucket[0-9A-F]{8}}/events-errors/\\$\\{dataset}/error_type=\\$\\{error_type}/"
            + "year=\\$\\{year}/month=\\$\\{month}/day=\\$\\{day}/hour=\\$\\{hour}");
    assertThat(Templates.value(errors, "Parameters", "projection.dataset.values"))
        .isEqualTo("orders,payments,users,_unrouted");
    assertThat(Templates.value(errors, "Parameters", "projection.error_type.values"))
        .isEqualTo(Arrays.stream(ErrorType.values()).map(Enum::name).collect(Collectors.joining(",")));
    List<Map<String, Object>> columns = at(errors, "StorageDescriptor", "Columns");
    assertThat(columns).extracting(c -> c.get("Name"))
        .containsExactlyElementsOf(ErrorRows.schema().root().fields().stream().map(Field::name).toList());
  }

  @Test
  void theErrorsTableDeclaresTheHiveTypesOfTheErrorFilesColumns() {
    List<Map<String, Object>> columns = at(tables().get(LakeCatalog.ERRORS_TABLE), "StorageDescriptor", "Columns");
    assertThat(columns.stream().map(c -> c.get("Name") + " " + c.get("Type")).toList()).containsExactly(
        "error_type string", "error_message string", "dataset string", "source string", "partition string",
        "offset string", "source_time timestamp", "key string", "headers map<string,string>", "payload string",
        "payload_text string", "ingest_time timestamp");
  }

  private Map<String, Map<String, Object>> tables() {
    return Templates.properties(msk, "AWS::Glue::Table").stream().collect(Collectors.toMap(
        t -> at(t, "TableInput", "Name").toString(), t -> at(t, "TableInput")));
  }

  private static List<String> partitionKeys(Map<String, Object> table) {
    List<Map<String, Object>> keys = at(table, "PartitionKeys");
    return keys.stream().map(k -> k.get("Name").toString()).toList();
  }
}
