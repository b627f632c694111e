package io.tributary.deploy.catalog;

import static io.tributary.deploy.Templates.asList;
import static io.tributary.deploy.Templates.at;
import static io.tributary.deploy.Templates.render;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.deploy.Templates;
import io.tributary.deploy.service.EngineConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/**
 * Guards Iceberg tables in Amazon S3 Tables: the stack makes the table bucket and the namespace (kept when the stack
 * goes) unless told they exist, the service may create, load and commit tables of that bucket only and no Glue
 * table, the maintenance task may rewrite them but create none, and both containers get the bucket's ARN.
 */
class TableBucketTemplateTest {

  private static final String BUCKET_ARN = "arn:${AWS::Partition}:s3tables:${AWS::Region}:${AWS::AccountId}:"
      + "bucket/clicks-tables";
  private final Template template = Templates.example("iceberg-s3-tables");

  @Test
  void theStackMakesTheTableBucketAndTheNamespaceAndKeepsThem() {
    Map<String, Object> bucket = resource(template, "AWS::S3Tables::TableBucket");
    assertThat(at(bucket, "Properties", "TableBucketName").toString()).isEqualTo("clicks-tables");
    assertThat(bucket.get("DeletionPolicy")).isEqualTo("Retain");
    Map<String, Object> namespace = resource(template, "AWS::S3Tables::Namespace");
    assertThat(at(namespace, "Properties", "Namespace").toString()).isEqualTo("clicks");
    assertThat(render(at(namespace, "Properties", "TableBucketARN")))
        .matches("\\$\\{TablesBucket[0-9A-F]{8}\\.TableBucketARN}");
    assertThat(namespace.get("DeletionPolicy")).isEqualTo("Retain");
    Map<String, Object> service = resource(template, "AWS::ECS::Service");
    assertThat(asList(service.get("DependsOn")).stream().map(Object::toString))
        .anyMatch(d -> d.startsWith("TablesBucket")).anyMatch(d -> d.startsWith("TablesNamespace"));
  }

  @Test
  void theServiceMayCreateLoadAndCommitTablesOfTheBucketAndHasNoGlue() {
    Map<String, Object> s3Tables = statement("IngestTaskTaskRoleDefaultPolicy", "S3Tables").orElseThrow();
    assertThat(asList(s3Tables.get("Action"))).containsExactlyInAnyOrder("s3tables:GetTableBucket",
        "s3tables:GetNamespace", "s3tables:CreateTable", "s3tables:GetTable", "s3tables:GetTableMetadataLocation",
        "s3tables:UpdateTableMetadataLocation", "s3tables:GetTableData", "s3tables:PutTableData");
    assertThat(asList(s3Tables.get("Resource")).stream().map(r -> render(r)))
        .containsExactlyInAnyOrder(BUCKET_ARN, BUCKET_ARN + "/table/*");
    assertThat(statement("IngestTaskTaskRoleDefaultPolicy", "GlueTables")).isEmpty();
  }

  @Test
  void theMaintenanceTaskMayRewriteTablesButCreateNone() {
    Map<String, Object> s3Tables = statement("MaintenanceTaskTaskRoleDefaultPolicy", "S3Tables").orElseThrow();
    assertThat(asList(s3Tables.get("Action"))).contains("s3tables:ListTables", "s3tables:GetTableData",
        "s3tables:PutTableData", "s3tables:UpdateTableMetadataLocation")
        .doesNotContain("s3tables:CreateTable", "s3tables:CreateNamespace", "s3tables:DeleteTable");
    assertThat(asList(s3Tables.get("Resource")).stream().map(r -> render(r)))
        .containsExactlyInAnyOrder(BUCKET_ARN, BUCKET_ARN + "/table/*");
    assertThat(statement("MaintenanceTaskTaskRoleDefaultPolicy", "GlueTables")).isEmpty();
  }

  @Test
  void bothContainersGetTheTableBucketsArn() {
    for (String task : List.of("IngestTask", "MaintenanceTask")) {
      List<Map<String, Object>> env = at(Templates.only(template, "AWS::ECS::TaskDefinition", task),
          "ContainerDefinitions", 0, "Environment");
      assertThat(env).as(task).anySatisfy(e -> {
        assertThat(e.get("Name")).isEqualTo(EngineConfig.TABLE_BUCKET_VARIABLE);
        assertThat(render(e.get("Value"))).isEqualTo(BUCKET_ARN);
      });
    }
  }

  @Test
  void anExistingBucketIsNamedNotMadeAndTheServiceMayCreateTheNamespace() {
    Template existing = Templates.synth(Templates.settings("iceberg-s3-tables", json -> {
      json.withObjectProperty("iceberg").put("create-table-bucket", false);
      json.remove("maintenance");
    }));
    assertThat(existing.findResources("AWS::S3Tables::TableBucket")).isEmpty();
    assertThat(existing.findResources("AWS::S3Tables::Namespace")).isEmpty();
    List<Map<String, Object>> statements = at(Templates.only(existing, "AWS::IAM::Policy",
        "IngestTaskTaskRoleDefaultPolicy"), "PolicyDocument", "Statement");
    Map<String, Object> s3Tables = statements.stream().filter(s -> "S3Tables".equals(s.get("Sid"))).findFirst()
        .orElseThrow();
    // The engine creates a missing namespace; without the scheduled task the service's loop lists the tables.
    assertThat(asList(s3Tables.get("Action"))).contains("s3tables:CreateNamespace", "s3tables:ListTables");
    assertThat(asList(s3Tables.get("Resource")).stream().map(r -> render(r))).contains(BUCKET_ARN);
  }

  private Optional<Map<String, Object>> statement(String policy, String sid) {
    List<Map<String, Object>> statements = at(Templates.only(template, "AWS::IAM::Policy", policy),
        "PolicyDocument", "Statement");
    return statements.stream().filter(s -> sid.equals(s.get("Sid"))).findFirst();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> resource(Template template, String type) {
    Map<String, Map<String, Object>> all = template.findResources(type);
    assertThat(all).as(type).hasSize(1);
    return (Map<String, Object>) (Map<?, ?>) all.values().iterator().next();
  }
}
