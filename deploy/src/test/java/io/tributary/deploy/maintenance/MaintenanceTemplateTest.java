package io.tributary.deploy.maintenance;

import static io.tributary.deploy.Templates.asList;
import static io.tributary.deploy.Templates.at;
import static io.tributary.deploy.Templates.render;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.deploy.Templates;
import io.tributary.deploy.service.ContainerContract;
import io.tributary.deploy.service.EngineConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.assertions.Template;

/**
 * Guards the scheduled maintenance task: an EventBridge rule on the schedule of the settings runs one Fargate task
 * of {@code tributary maintain} in the service's cluster and private subnets, with the service's image,
 * configuration, environment and log group, under a role of its own that reaches the lake's prefix and the Glue
 * database's tables and nothing else; the service's own loop is off then, and without the setting nothing of it
 * exists.
 */
class MaintenanceTemplateTest {

  private static final String TASK_POLICY = "MaintenanceTaskTaskRoleDefaultPolicy";
  private final Template template = Templates.example("iceberg-glue");

  @Test
  void theRuleRunsOneFargateTaskOfTheMaintenanceDefinitionOnTheSchedule() {
    Map<String, Object> rule = Templates.only(template, "AWS::Events::Rule");
    assertThat(rule.get("ScheduleExpression")).isEqualTo("rate(1 hour)");
    assertThat(rule.get("State")).isEqualTo("ENABLED");
    Map<String, Object> target = at(rule, "Targets", 0);
    assertThat(asList(rule.get("Targets"))).hasSize(1);
    assertThat(render(target.get("Arn"))).matches("\\$\\{IngestCluster[0-9A-F]{8}\\.Arn}");
    assertThat(render(at(target, "EcsParameters", "TaskDefinitionArn"))).matches("\\$\\{MaintenanceTask[0-9A-F]{8}}");
    assertThat(Templates.value(target, "EcsParameters", "LaunchType")).isEqualTo("FARGATE");
    assertThat(Templates.value(target, "EcsParameters", "TaskCount")).isEqualTo(1);
    Map<String, Object> network = at(target, "EcsParameters", "NetworkConfiguration", "AwsVpcConfiguration");
    assertThat(network.get("AssignPublicIp")).isEqualTo("DISABLED");
    assertThat(asList(network.get("Subnets"))).containsExactly("subnet-0a1b2c3d4e5f60001",
        "subnet-0a1b2c3d4e5f60002", "subnet-0a1b2c3d4e5f60003");
    assertThat(asList(network.get("SecurityGroups")).stream().map(g -> render(g)))
        .singleElement().asString().matches("\\$\\{MaintenanceSecurityGroup[0-9A-F]{8}\\.GroupId}");
    assertThat(Templates.value(target, "RetryPolicy", "MaximumEventAgeInSeconds")).isEqualTo(3600);
  }

  @Test
  void theTaskRunsMaintainWithTheServicesImageConfigurationEnvironmentAndLogs() {
    Map<String, Object> maintain = container("MaintenanceTask");
    Map<String, Object> service = container("IngestTask");
    assertThat(maintain.get("Command")).isEqualTo(List.of("maintain", "--config", ContainerContract.CONFIG_FILE));
    assertThat(maintain.get("Image")).isEqualTo(service.get("Image"));
    assertThat(maintain.get("Secrets")).isEqualTo(service.get("Secrets"));
    assertThat(environment(maintain)).isEqualTo(environment(service))
        .containsKeys(EngineConfig.BUCKET_VARIABLE, EngineConfig.BOOTSTRAP_VARIABLE, "AWS_REGION");
    assertThat(at(maintain, "LogConfiguration", "Options", "awslogs-group").toString())
        .isEqualTo(at(service, "LogConfiguration", "Options", "awslogs-group").toString());
    assertThat(Templates.value(maintain, "LogConfiguration", "Options", "awslogs-stream-prefix"))
        .isEqualTo("maintain");
    assertThat(maintain.get("ReadonlyRootFilesystem")).isEqualTo(true);
    assertThat(maintain.get("User")).isEqualTo(ContainerContract.USER);
    assertThat(maintain).doesNotContainKeys("HealthCheck", "PortMappings");
    Map<String, Object> task = Templates.only(template, "AWS::ECS::TaskDefinition", "MaintenanceTask");
    assertThat(task.get("Cpu")).isEqualTo("1024");
    assertThat(task.get("Memory")).isEqualTo("2048");
  }

  @Test
  void theTasksRoleReachesTheLakePrefixAndTheDatabasesTablesOnly() {
    List<Map<String, Object>> statements = at(Templates.only(template, "AWS::IAM::Policy", TASK_POLICY),
        "PolicyDocument", "Statement");
    Map<String, Map<String, Object>> bySid = new HashMap<>();
    statements.forEach(s -> bySid.put(s.get("Sid").toString(), s));
    assertThat(bySid).containsOnlyKeys("LakeObjects", "LakeListing", "LakeKey", "GlueTables");
    assertThat(asList(bySid.get("LakeObjects").get("Action"))).containsExactlyInAnyOrder("s3:GetObject",
        "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload");
    assertThat(asList(bySid.get("LakeObjects").get("Resource")).stream().map(r -> render(r)))
        .singleElement().asString().matches("\\$\\{LakeBucket[0-9A-F]{8}\\.Arn}/events/\\*");
    assertThat(asList(at(bySid.get("LakeListing"), "Condition", "StringLikeIfExists", "s3:prefix")))
        .containsExactlyInAnyOrder("events/*", "events");
    assertThat(render(bySid.get("LakeKey").get("Resource"))).matches("\\$\\{LakeKey[0-9A-F]{8}\\.Arn}");
    String arn = "arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:%s";
    assertThat(asList(bySid.get("GlueTables").get("Action"))).containsExactlyInAnyOrder("glue:GetDatabase",
        "glue:GetTables", "glue:GetTable", "glue:UpdateTable");
    assertThat(asList(bySid.get("GlueTables").get("Resource")).stream().map(r -> render(r)))
        .containsExactlyInAnyOrder(arn.formatted("catalog"), arn.formatted("database/orders_iceberg_lake"),
            arn.formatted("table/orders_iceberg_lake/*"));
  }

  @Test
  void eventBridgeMayRunOnlyThisTaskInThisClusterAndPassOnlyItsRoles() {
    List<Map<String, Object>> statements = at(Templates.only(template, "AWS::IAM::Policy",
        "MaintenanceTaskEventsRoleDefaultPolicy"), "PolicyDocument", "Statement");
    assertThat(statements).anySatisfy(s -> {
      assertThat(s.get("Action")).isEqualTo("ecs:RunTask");
      assertThat(render(s.get("Resource"))).matches("\\$\\{MaintenanceTask[0-9A-F]{8}}");
      assertThat(render(at(s, "Condition", "ArnEquals", "ecs:cluster"))).matches("\\$\\{IngestCluster[0-9A-F]{8}\\.Arn}");
    });
    assertThat(statements.stream().filter(s -> "iam:PassRole".equals(s.get("Action")))
        .map(s -> render(s.get("Resource")))).containsExactlyInAnyOrder(
            "${" + logicalId("AWS::IAM::Role", "MaintenanceTaskExecutionRole") + ".Arn}",
            "${" + logicalId("AWS::IAM::Role", "MaintenanceTaskTaskRole") + ".Arn}");
    assertThat(statements.stream().map(s -> s.get("Action").toString()))
        .containsOnly("ecs:RunTask", "ecs:TagResource", "iam:PassRole");
  }

  @ParameterizedTest
  @ValueSource(strings = {"iceberg-glue", "iceberg-s3-tables"})
  void noStatementOfTheStackGrantsEverythingOrEverywhereExceptWhereAwsRequiresIt(String example) {
    for (Map<String, Object> policy : Templates.properties(Templates.example(example), "AWS::IAM::Policy")) {
      List<Map<String, Object>> statements = at(policy, "PolicyDocument", "Statement");
      for (Map<String, Object> statement : statements) {
        List<String> actions = asList(statement.get("Action")).stream().map(Object::toString).toList();
        assertThat(actions).as("actions of %s", statement).noneMatch(a -> a.contains("*"));
        if (asList(statement.get("Resource")).contains("*")) {
          assertThat(List.of("cloudwatch:PutMetricData", "ecr:GetAuthorizationToken")).containsAll(actions);
        }
      }
    }
  }

  @Test
  void theTaskReachesOnlyHttpsAndNothingReachesIt() {
    Map<String, Object> group = Templates.only(template, "AWS::EC2::SecurityGroup", "MaintenanceSecurityGroup");
    assertThat(group).doesNotContainKey("SecurityGroupIngress");
    List<Map<String, Object>> egress = at(group, "SecurityGroupEgress");
    assertThat(egress).singleElement().satisfies(e -> {
      assertThat(e.get("FromPort")).isEqualTo(443);
      assertThat(e.get("ToPort")).isEqualTo(443);
    });
  }

  @Test
  void withTheScheduledTaskTheServicesLoopIsOffAndTheServiceNeedNotListTables() {
    assertThat(ssmYaml(template)).contains("maintenance:\n  enabled: false");
    assertThat(serviceGlueActions(template)).doesNotContain("glue:GetTables");

    Template withoutTask = Templates.synth(Templates.settings("iceberg-glue", json -> json.remove("maintenance")));
    assertThat(withoutTask.findResources("AWS::Events::Rule")).isEmpty();
    assertThat(withoutTask.findResources("AWS::ECS::TaskDefinition")).hasSize(1);
    assertThat(ssmYaml(withoutTask)).doesNotContain("maintenance:");
    assertThat(serviceGlueActions(withoutTask)).contains("glue:GetTables");
  }

  @Test
  void theScheduleIsTheSettings() {
    Template daily = Templates.synth(Templates.settings("iceberg-glue",
        json -> json.withObjectProperty("maintenance").put("schedule", "cron(15 3 * * ? *)")));
    assertThat(Templates.only(daily, "AWS::Events::Rule").get("ScheduleExpression")).isEqualTo("cron(15 3 * * ? *)");
  }

  private String logicalId(String type, String prefix) {
    return template.findResources(type).keySet().stream().filter(id -> id.startsWith(prefix)).findFirst()
        .orElseThrow();
  }

  private Map<String, Object> container(String taskPrefix) {
    return at(Templates.only(template, "AWS::ECS::TaskDefinition", taskPrefix), "ContainerDefinitions", 0);
  }

  private static Map<String, String> environment(Map<String, Object> container) {
    Map<String, String> out = new HashMap<>();
    List<Map<String, Object>> env = at(container, "Environment");
    env.forEach(e -> out.put(e.get("Name").toString(), render(e.get("Value"))));
    return out;
  }

  private static String ssmYaml(Template template) {
    return Templates.only(template, "AWS::SSM::Parameter").get("Value").toString();
  }

  private static List<Object> serviceGlueActions(Template template) {
    List<Map<String, Object>> statements = at(Templates.only(template, "AWS::IAM::Policy",
        "IngestTaskTaskRoleDefaultPolicy"), "PolicyDocument", "Statement");
    return statements.stream().filter(s -> "GlueTables".equals(s.get("Sid"))).findFirst()
        .map(s -> asList(s.get("Action"))).orElseThrow();
  }
}
