package io.tributary.deploy.firehose;

import static io.tributary.deploy.Templates.asList;
import static io.tributary.deploy.Templates.at;
import static io.tributary.deploy.Templates.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.app.config.ConfigKeys;
import io.tributary.app.config.ConfigLoader;
import io.tributary.app.config.ServiceConfig;
import io.tributary.config.DatasetKeys;
import io.tributary.deploy.Templates;
import io.tributary.deploy.service.EngineConfig;
import io.tributary.deploy.settings.DeploySettings;
import io.tributary.firehose.FirehoseSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/**
 * Guards the optional Firehose delivery: one stream per listed dataset, named as the engine's configuration names
 * it; Parquet conversion from the dataset's Glue table at its latest version into the engine's own partition
 * folders; or the dataset's Iceberg table; the task may only put records into those streams; Firehose's role reaches
 * the lake's prefixes, the lake key through S3 and those tables only.
 */
class FirehoseTemplateTest {
  private static final String GLUE = "arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:";

  private static Consumer<ObjectNode> firehose(String destination) {
    return json -> {
      ObjectNode firehose = json.putObject("firehose");
      firehose.putArray("datasets").add("orders").add("users");
      firehose.put("destination", destination);
    };
  }

  @Test
  void withoutFirehoseSettingsThereIsNoStreamAndNoFirehoseAction() {
    Template template = Templates.example("msk");
    assertThat(Templates.properties(template, "AWS::KinesisFirehose::DeliveryStream")).isEmpty();
    assertThat(actions(template)).noneMatch(a -> a.startsWith("firehose:"));
  }

  @Test
  void parquetStreamsConvertWithTheLatestGlueTableIntoTheEnginesFolders() {
    Template template = Templates.synth(Templates.settings("msk", firehose("parquet")));
    List<Map<String, Object>> streams = Templates.properties(template, "AWS::KinesisFirehose::DeliveryStream");
    assertThat(streams).extracting(s -> s.get("DeliveryStreamName"))
        .containsExactlyInAnyOrder("orders-prod-orders", "orders-prod-users");
    Map<String, Object> orders = streams.stream().filter(s -> s.get("DeliveryStreamName").equals("orders-prod-orders"))
        .findFirst().orElseThrow();
    Map<String, Object> s3 = at(orders, "ExtendedS3DestinationConfiguration");
    assertThat(s3.get("Prefix")).isEqualTo("events/orders/year=!{partitionKeyFromQuery:year}/"
        + "month=!{partitionKeyFromQuery:month}/day=!{partitionKeyFromQuery:day}/hour=!{partitionKeyFromQuery:hour}/");
    assertThat(s3.get("ErrorOutputPrefix")).isEqualTo("events-errors/orders/firehose/!{firehose:error-output-type}/");
    assertThat(render(at(s3, "ProcessingConfiguration", "Processors", 0, "Parameters", 0, "ParameterValue")))
        .isEqualTo("{year: ._event_time[0:4], month: ._event_time[5:7], day: ._event_time[8:10], "
            + "hour: ._event_time[11:13]}");
    Map<String, Object> conversion = at(s3, "DataFormatConversionConfiguration");
    assertThat(at(conversion, "SchemaConfiguration", "DatabaseName").toString()).isEqualTo("orders_prod_lake");
    assertThat(at(conversion, "SchemaConfiguration", "TableName").toString()).isEqualTo("orders");
    assertThat(at(conversion, "SchemaConfiguration", "VersionId").toString()).isEqualTo("LATEST");
    assertThat((Map<?, ?>) at(conversion, "InputFormatConfiguration", "Deserializer", "HiveJsonSerDe"))
        .as("no timestamp format: java.sql.Timestamp.valueOf, the form the rows are in").isEmpty();
    assertThat(at(conversion, "OutputFormatConfiguration", "Serializer", "ParquetSerDe", "Compression").toString())
        .isEqualTo("SNAPPY");

    Map<String, Object> users = streams.stream().filter(s -> s.get("DeliveryStreamName").equals("orders-prod-users"))
        .findFirst().orElseThrow();
    assertThat(at(users, "ExtendedS3DestinationConfiguration", "Prefix").toString()).as("users is daily")
        .endsWith("day=!{partitionKeyFromQuery:day}/");
  }

  @Test
  void icebergStreamsWriteTheDatasetsTableInTheGlueCatalog() {
    Template template = Templates.synth(Templates.settings("msk", firehose("iceberg")));
    Map<String, Object> orders = Templates.properties(template, "AWS::KinesisFirehose::DeliveryStream").stream()
        .filter(s -> s.get("DeliveryStreamName").equals("orders-prod-orders")).findFirst().orElseThrow();
    Map<String, Object> iceberg = at(orders, "IcebergDestinationConfiguration");
    assertThat(render(at(iceberg, "CatalogConfiguration", "CatalogArn"))).isEqualTo(GLUE + "catalog");
    assertThat(at(iceberg, "DestinationTableConfigurationList", 0, "DestinationDatabaseName").toString())
        .isEqualTo("orders_prod_lake");
    assertThat(at(iceberg, "DestinationTableConfigurationList", 0, "DestinationTableName").toString())
        .isEqualTo("orders");
    assertThat(firehoseRoleActions(template)).contains("glue:UpdateTable");
  }

  @Test
  void theTaskMayOnlyPutRecordsIntoItsDatasetsStreams() {
    Template template = Templates.synth(Templates.settings("msk", firehose("parquet")));
    Map<String, Object> put = statement(template, "FirehoseStreams");
    assertThat(asList(put.get("Action"))).containsExactly("firehose:PutRecordBatch");
    assertThat(asList(put.get("Resource")).stream().map(r -> render(r))).containsExactlyInAnyOrder(
        "arn:${AWS::Partition}:firehose:${AWS::Region}:${AWS::AccountId}:deliverystream/orders-prod-orders",
        "arn:${AWS::Partition}:firehose:${AWS::Region}:${AWS::AccountId}:deliverystream/orders-prod-users");
    assertThat(actions(template).stream().filter(a -> a.startsWith("firehose:"))).containsExactly(
        "firehose:PutRecordBatch");
  }

  @Test
  void firehosesRoleReachesTheLakePrefixesTheKeyThroughS3AndTheDatasetsTablesOnly() {
    Template template = Templates.synth(Templates.settings("msk", firehose("parquet")));
    Map<String, Object> trust = at(Templates.properties(template, "AWS::IAM::Role").stream()
        .filter(r -> r.toString().contains("firehose.amazonaws.com")).findFirst().orElseThrow(),
        "AssumeRolePolicyDocument", "Statement", 0);
    assertThat(render(at(trust, "Principal", "Service"))).isEqualTo("firehose.amazonaws.com");
    Map<String, Object> objects = statement(template, "LakeObjects", "firehose");
    assertThat(asList(objects.get("Resource")).stream().map(r -> render(r)).toList())
        .anyMatch(r -> r.matches("\\$\\{LakeBucket[0-9A-F]{8}\\.Arn}/events/\\*"))
        .anyMatch(r -> r.matches("\\$\\{LakeBucket[0-9A-F]{8}\\.Arn}/events-errors/\\*"))
        .hasSize(3);
    Map<String, Object> glue = statement(template, "GlueTables", "firehose");
    assertThat(asList(glue.get("Action"))).containsExactlyInAnyOrder("glue:GetTable", "glue:GetTableVersion",
        "glue:GetTableVersions");
    assertThat(asList(glue.get("Resource")).stream().map(r -> render(r))).containsExactlyInAnyOrder(
        GLUE + "catalog", GLUE + "database/orders_prod_lake", GLUE + "table/orders_prod_lake/orders",
        GLUE + "table/orders_prod_lake/users");
  }

  @Test
  void theEnginesConfigurationSendsTheDatasetsToTheStreamsTheStackCreates() {
    DeploySettings settings = Templates.settings("msk", firehose("parquet"));
    ServiceConfig engine = ServiceConfig.of(new ConfigLoader(ConfigKeys.all(), Map.of(EngineConfig.BUCKET_VARIABLE,
        "orders-prod-lake", "AWS_REGION", "eu-west-1", EngineConfig.BOOTSTRAP_VARIABLE, "b-1:9098"))
        .parse(EngineConfig.yaml(settings), "the SSM parameter"));
    FirehoseSettings firehose = engine.firehoseSettings().orElseThrow();
    assertThat(firehose.region()).isEqualTo("eu-west-1");
    assertThat(firehose.streams().of("orders")).isEqualTo("orders-prod-orders");
    assertThat(engine.config().find(DatasetKeys.of("payments", DatasetKeys.SINK))).contains("lake");
    assertThat(engine.config().find(DatasetKeys.of("users", DatasetKeys.SINK))).contains("firehose");
  }

  @Test
  void aFirehoseDatasetMustBeADatasetWithoutFieldPartitions() {
    assertThatThrownBy(() -> Templates.settings("msk", json -> json.putObject("firehose").putArray("datasets")
        .add("refunds"))).hasMessageContaining("firehose.datasets: 'refunds' is not one of datasets[]");
    assertThatThrownBy(() -> Templates.settings("msk", json -> json.putObject("firehose").putArray("datasets")
        .add("payments"))).hasMessageContaining("'payments' has partition-fields");
    assertThatThrownBy(() -> Templates.settings("msk", json -> {
      firehose("parquet").accept(json);
      ((ObjectNode) json.get("firehose")).put("buffer-mib", 32);
    })).hasMessageContaining("firehose.buffer-mib: 32 is not allowed: 64 to 128");
  }

  private static List<Map<String, Object>> statements(Template template, String roleHint) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> policy : Templates.properties(template, "AWS::IAM::Policy")) {
      if (roleHint == null || render(at(policy, "Roles", 0)).toLowerCase().contains(roleHint)) {
        List<Map<String, Object>> statements = at(policy, "PolicyDocument", "Statement");
        out.addAll(statements);
      }
    }
    return out;
  }

  private static Map<String, Object> statement(Template template, String sid) {
    return statement(template, sid, null);
  }

  private static Map<String, Object> statement(Template template, String sid, String roleHint) {
    List<Map<String, Object>> found = statements(template, roleHint).stream().filter(s -> sid.equals(s.get("Sid")))
        .toList();
    assertThat(found).as("statements %s", sid).hasSize(1);
    return found.get(0);
  }

  private static List<String> actions(Template template) {
    return statements(template, null).stream().flatMap(s -> asList(s.get("Action")).stream())
        .map(Object::toString).toList();
  }

  private static List<String> firehoseRoleActions(Template template) {
    return statements(template, "firehose").stream().flatMap(s -> asList(s.get("Action")).stream())
        .map(Object::toString).toList();
  }
}
