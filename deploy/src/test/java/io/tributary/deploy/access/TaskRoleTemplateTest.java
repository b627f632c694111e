package io.tributary.deploy.access;

import static io.tributary.deploy.Templates.asList;
import static io.tributary.deploy.Templates.at;
import static io.tributary.deploy.Templates.render;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.deploy.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.assertions.Template;

/**
 * Guards least privilege in the synthesized template, read as an AWS reviewer reads it: every IAM statement names
 * its resources ({@code *} only for the two actions that have no resource type, each for a reason), S3 stops at the
 * lake's prefixes, listing is held to them, the key and the metrics namespace are the deployment's own, and each
 * source gets its own permissions and not the other's.
 */
class TaskRoleTemplateTest {

  private static final Set<String> ACTIONS_WITHOUT_RESOURCE_TYPE = Set.of(
      "cloudwatch:PutMetricData", // held to the namespace by a condition
      "ecr:GetAuthorizationToken"); // the execution role's registry login

  @ParameterizedTest
  @ValueSource(strings = {"msk", "kinesis"})
  void noStatementGrantsEverythingOrEverywhereExceptWhereAwsRequiresIt(String example) {
    for (Map<String, Object> statement : statements(Templates.example(example))) {
      assertThat(Templates.value(statement, "Effect").toString()).isEqualTo("Allow");
      List<String> actions = asList(statement.get("Action")).stream().map(Object::toString).toList();
      assertThat(actions).as("actions of %s", statement).noneMatch(a -> a.contains("*"));
      if (asList(statement.get("Resource")).contains("*")) {
        assertThat(ACTIONS_WITHOUT_RESOURCE_TYPE).as("a * resource for %s", actions).containsAll(actions);
      }
      if (actions.contains("cloudwatch:PutMetricData")) {
        assertThat(render(at(statement, "Condition", "StringEquals", "cloudwatch:namespace", 0)))
            .isEqualTo(example.equals("msk") ? "Tributary/orders-prod" : "Tributary/clicks-prod");
      }
    }
  }

  @Test
  void objectsMayBeReadAndWrittenOnlyUnderTheDataAndErrorPrefixes() {
    Map<String, Object> objects = statement(Templates.example("msk"), "LakeObjects");
    assertThat(asList(objects.get("Action"))).containsExactlyInAnyOrder(
        "s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload");
    assertThat(asList(objects.get("Resource")).stream().map(r -> render(r)).toList())
        .hasSize(2)
        .anyMatch(r -> r.matches("\\$\\{LakeBucket[0-9A-F]{8}\\.Arn}/events/\\*"))
        .anyMatch(r -> r.matches("\\$\\{LakeBucket[0-9A-F]{8}\\.Arn}/events-errors/\\*"));
    List<String> s3Actions = statements(Templates.example("msk")).stream()
        .flatMap(s -> asList(s.get("Action")).stream()).map(Object::toString).filter(a -> a.startsWith("s3:"))
        .toList();
    assertThat(s3Actions).doesNotContain("s3:DeleteBucket", "s3:PutBucketPolicy", "s3:GetBucketPolicy",
        "s3:PutObjectAcl");
  }

  @Test
  void listingIsHeldToTheLakePrefixes() {
    Map<String, Object> list = statement(Templates.example("msk"), "LakeListing");
    assertThat(asList(list.get("Action"))).containsExactly("s3:ListBucket");
    assertThat(render(list.get("Resource"))).matches("\\$\\{LakeBucket[0-9A-F]{8}\\.Arn}");
    assertThat(asList(at(list, "Condition", "StringLikeIfExists", "s3:prefix")))
        .containsExactlyInAnyOrder("events/*", "events", "events-errors/*", "events-errors");
  }

  @Test
  void theKeyIsTheLakeKeyAndOnlyThroughS3() {
    Map<String, Object> kms = statement(Templates.example("msk"), "LakeKey");
    assertThat(asList(kms.get("Action"))).containsExactlyInAnyOrder("kms:Decrypt", "kms:GenerateDataKey");
    assertThat(render(kms.get("Resource"))).matches("\\$\\{LakeKey[0-9A-F]{8}\\.Arn}");
    assertThat(render(at(kms, "Condition", "StringEquals", "kms:ViaService")))
        .isEqualTo("s3.${AWS::Region}.amazonaws.com");
  }

  @Test
  void kafkaGetsTheClusterItsTopicsAndItsGroupAndNothingOfKinesis() {
    Template template = Templates.example("msk");
    String cluster = "arn:aws:kafka:eu-west-1:123456789012:cluster/events/0b7a3c1e-5d2f-4e8a-9c6b-1a2b3c4d5e6f-3";
    String base = "events/0b7a3c1e-5d2f-4e8a-9c6b-1a2b3c4d5e6f-3/";
    assertThat(asList(statement(template, "MskCluster").get("Action")))
        .containsExactlyInAnyOrder("kafka-cluster:Connect", "kafka-cluster:DescribeCluster");
    assertThat(statement(template, "MskCluster").get("Resource")).isEqualTo(cluster);
    assertThat(asList(statement(template, "MskTopics").get("Action")))
        .containsExactlyInAnyOrder("kafka-cluster:DescribeTopic", "kafka-cluster:ReadData");
    assertThat(asList(statement(template, "MskTopics").get("Resource"))).containsExactlyInAnyOrder(
        "arn:aws:kafka:eu-west-1:123456789012:topic/" + base + "orders",
        "arn:aws:kafka:eu-west-1:123456789012:topic/" + base + "payments",
        "arn:aws:kafka:eu-west-1:123456789012:topic/" + base + "users");
    assertThat(asList(statement(template, "MskGroup").get("Action")))
        .containsExactlyInAnyOrder("kafka-cluster:DescribeGroup", "kafka-cluster:AlterGroup");
    assertThat(statement(template, "MskGroup").get("Resource"))
        .isEqualTo("arn:aws:kafka:eu-west-1:123456789012:group/" + base + "orders-prod");
    assertThat(actions(template)).noneMatch(a -> a.startsWith("kinesis:") || a.startsWith("dynamodb:"))
        .doesNotContain("kafka-cluster:WriteData", "kafka-cluster:CreateTopic", "kafka-cluster:AlterCluster");
  }

  @ParameterizedTest
  @ValueSource(strings = {"msk", "kinesis"})
  void glueActionsAreHeldToTheLakeDatabaseAndItsTables(String example) {
    Template template = Templates.example(example);
    String database = example.equals("msk") ? "orders_prod_lake" : "clicks_prod_lake";
    String arn = "arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:%s";
    Map<String, Object> glue = statement(template, "GlueTables");
    assertThat(asList(glue.get("Action"))).containsExactlyInAnyOrder(
        "glue:GetDatabase", "glue:GetTable", "glue:CreateTable", "glue:UpdateTable");
    assertThat(asList(glue.get("Resource")).stream().map(r -> render(r))).containsExactlyInAnyOrder(
        arn.formatted("catalog"), arn.formatted("database/" + database), arn.formatted("table/" + database + "/*"));
    assertThat(actions(template).stream().filter(a -> a.startsWith("glue:")))
        .as("no other statement grants Glue, and none deletes").hasSize(4);
  }

  @Test
  void kinesisGetsItsStreamsTheirConsumersAndItsLeaseTableAndNothingOfKafka() {
    Template template = Templates.example("kinesis");
    String arn = "arn:${AWS::Partition}:%s:${AWS::Region}:${AWS::AccountId}:%s";
    assertThat(asList(statement(template, "KinesisStreams").get("Resource")).stream().map(r -> render(r)))
        .containsExactlyInAnyOrder(arn.formatted("kinesis", "stream/clicks"),
            arn.formatted("kinesis", "stream/impressions"));
    assertThat(asList(statement(template, "KinesisStreams").get("Action")))
        .contains("kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListShards")
        .doesNotContain("kinesis:PutRecord", "kinesis:PutRecords", "kinesis:DeleteStream");
    assertThat(asList(statement(template, "KinesisConsumers").get("Resource")).stream().map(r -> render(r)))
        .containsExactlyInAnyOrder(arn.formatted("kinesis", "stream/clicks/consumer/*"),
            arn.formatted("kinesis", "stream/impressions/consumer/*"));
    // The stack creates the lease table with its index: KCL reads and writes it but never creates or alters it.
    assertThat(asList(statement(template, "KclTables").get("Resource")).stream().map(r -> render(r)))
        .containsExactlyInAnyOrder(
            arn.formatted("dynamodb", "table/clicks-prod"),
            arn.formatted("dynamodb", "table/clicks-prod/index/*"));
    assertThat(asList(statement(template, "KclTables").get("Action")))
        .doesNotContain("dynamodb:DeleteTable", "dynamodb:CreateTable", "dynamodb:UpdateTable");
    // KCL 3.5 only asks whether KCL 3.0-3.4's tables exist.
    assertThat(asList(statement(template, "KclLegacyTables").get("Action"))).containsExactly("dynamodb:DescribeTable");
    assertThat(asList(statement(template, "KclLegacyTables").get("Resource")).stream().map(r -> render(r)))
        .containsExactlyInAnyOrder(
            arn.formatted("dynamodb", "table/clicks-prod-CoordinatorState"),
            arn.formatted("dynamodb", "table/clicks-prod-WorkerMetricStats"));
    assertThat(actions(template).stream().filter(a -> a.startsWith("dynamodb:")))
        .as("no other statement grants DynamoDB").containsExactlyInAnyOrder("dynamodb:DescribeTable",
            "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Scan",
            "dynamodb:Query");
    assertThat(actions(template)).noneMatch(a -> a.startsWith("kafka-cluster:"));
    // KCL publishes its own metrics under the application name: the namespace condition lists it too.
    assertThat(asList(at(statement(template, "Metrics"), "Condition", "StringEquals", "cloudwatch:namespace")))
        .containsExactlyInAnyOrder("Tributary/clicks-prod", "clicks-prod");
  }

  /**
   * Enhanced fan-out: the Kinesis operations KCL 3.5.1 sent, recorded by kinesis-adapter's KinesisEnhancedFanOutTest
   * (its EFO_OPERATIONS), each granted on the resource it acts on: the stream for the stream's operations and the
   * consumer registration, the stream's consumers for describing one and subscribing through it.
   */
  @Test
  void enhancedFanOutMayRegisterItsConsumerAndSubscribeThroughIt() {
    Template template = Templates.example("kinesis");
    assertThat(asList(statement(template, "KinesisStreams").get("Action")))
        .contains("kinesis:DescribeStreamSummary", "kinesis:ListShards", "kinesis:RegisterStreamConsumer");
    assertThat(asList(statement(template, "KinesisConsumers").get("Action")))
        .containsExactlyInAnyOrder("kinesis:DescribeStreamConsumer", "kinesis:SubscribeToShard");
    assertThat(actions(template)).doesNotContain("kinesis:DeregisterStreamConsumer", "kinesis:ListStreamConsumers");
  }

  @Test
  void theConsumerGroupAndKclApplicationFollowTheSettings() {
    Template kafka = Templates.synth(Templates.settings("msk",
        json -> json.withObjectProperty("source").withObjectProperty("kafka").put("application-id", "orders-v2")));
    assertThat(statement(kafka, "MskGroup").get("Resource").toString()).endsWith("/orders-v2");
    Template kinesis = Templates.synth(Templates.settings("kinesis",
        json -> json.withObjectProperty("source").withObjectProperty("kinesis").put("application-name", "clicks-kcl")));
    assertThat(asList(statement(kinesis, "KclTables").get("Resource")).stream().map(r -> render(r)))
        .anyMatch(r -> r.endsWith("table/clicks-kcl"));
    assertThat(asList(statement(kinesis, "KclLegacyTables").get("Resource")).stream().map(r -> render(r)))
        .anyMatch(r -> r.endsWith("table/clicks-kcl-WorkerMetricStats"));
  }

  static List<Map<String, Object>> statements(Template template) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> policy : Templates.properties(template, "AWS::IAM::Policy")) {
      List<Map<String, Object>> statements = at(policy, "PolicyDocument", "Statement");
      out.addAll(statements);
    }
    return out;
  }

  private static Map<String, Object> statement(Template template, String sid) {
    List<Map<String, Object>> found = statements(template).stream().filter(s -> sid.equals(s.get("Sid"))).toList();
    assertThat(found).as("statements %s", sid).hasSize(1);
    return found.get(0);
  }

  private static Set<String> actions(Template template) {
    return statements(template).stream().flatMap(s -> asList(s.get("Action")).stream()).map(Object::toString)
        .collect(Collectors.toSet());
  }
}
