package io.tributary.deploy.access;

import io.tributary.deploy.settings.DeploySettings;
import io.tributary.deploy.settings.FirehoseSettings;
import io.tributary.deploy.settings.KafkaSettings;
import io.tributary.deploy.settings.KinesisSettings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * What the engine may do, and nothing more: the statements of the task role. Each names its resources; the only
 * {@code *} is {@code cloudwatch:PutMetricData}, which has no resource type (AWS requires {@code *}), held to the
 * deployment's namespace by a condition.
 */
public final class TaskPermissions {

  /** Object actions on the lake's prefixes: read, write (also multipart and conditional puts), delete, abort. */
  static final List<String> OBJECT_ACTIONS = List.of(
      "s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload");
  static final List<String> MSK_CLUSTER_ACTIONS = List.of("kafka-cluster:Connect", "kafka-cluster:DescribeCluster");
  static final List<String> MSK_TOPIC_ACTIONS = List.of("kafka-cluster:DescribeTopic", "kafka-cluster:ReadData");
  static final List<String> MSK_GROUP_ACTIONS = List.of("kafka-cluster:DescribeGroup", "kafka-cluster:AlterGroup");
  static final List<String> KINESIS_STREAM_ACTIONS = List.of("kinesis:DescribeStream",
      "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListShards",
      "kinesis:RegisterStreamConsumer");
  static final List<String> KINESIS_CONSUMER_ACTIONS = List.of("kinesis:DescribeStreamConsumer",
      "kinesis:SubscribeToShard");
  /** What KCL 3 does to its tables: creates them when missing, then reads and writes leases, state and metrics. */
  static final List<String> KCL_TABLE_ACTIONS = List.of("dynamodb:CreateTable", "dynamodb:DescribeTable",
      "dynamodb:UpdateTable", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
      "dynamodb:Scan", "dynamodb:Query");

  /** What the engine's catalog sync does to its tables ({@code catalog.type: glue}); it never deletes one. */
  static final List<String> GLUE_ACTIONS = List.of("glue:GetDatabase", "glue:GetTable", "glue:CreateTable",
      "glue:UpdateTable");

  private TaskPermissions() {}

  /** Every statement of the task role for {@code settings}. */
  public static List<PolicyStatement> statements(DeploySettings settings, IBucket bucket, IKey key) {
    List<PolicyStatement> out = new ArrayList<>();
    out.addAll(lake(settings, bucket, key));
    out.add(metrics(settings));
    if (settings.s3Tables()) {
      out.add(IcebergPermissions.s3Tables(Stack.of(bucket), settings, IcebergPermissions.serviceS3TablesActions(
          settings)));
    } else {
      out.add(catalog(Stack.of(bucket), settings.databaseName(), IcebergPermissions.serviceGlueActions(settings)));
    }
    if (settings.firehose() != null) {
      out.add(firehose(Stack.of(bucket), settings));
    }
    if (settings.source().isKafka()) {
      out.addAll(msk(settings.source().kafka(), settings.consumerName()));
    } else {
      out.addAll(kinesis(Stack.of(bucket), settings.source().kinesis(), settings.consumerName()));
    }
    return out;
  }

  static List<PolicyStatement> lake(DeploySettings settings, IBucket bucket, IKey key) {
    return lake(List.of(settings.lake().prefix(), settings.lake().errorPrefix()), bucket, key);
  }

  /** Read, write and delete objects under {@code prefixes}, list them, and use the lake's key through S3. */
  static List<PolicyStatement> lake(List<String> prefixes, IBucket bucket, IKey key) {
    PolicyStatement objects = allow("LakeObjects", OBJECT_ACTIONS,
        prefixes.stream().map(p -> bucket.arnForObjects(p + "/*")).toList());
    // IfExists: S3 answers a GET of a missing key with 404 only to a caller that may list the bucket, and it asks
    // that question without an s3:prefix. The ledger and the readiness probe read keys that may be missing and need
    // the 404; listings that name a prefix stay confined to the lake's prefixes.
    PolicyStatement list = PolicyStatement.Builder.create()
        .sid("LakeListing")
        .effect(Effect.ALLOW)
        .actions(List.of("s3:ListBucket"))
        .resources(List.of(bucket.getBucketArn()))
        .conditions(Map.of("StringLikeIfExists", Map.of("s3:prefix",
            prefixes.stream().flatMap(p -> java.util.stream.Stream.of(p + "/*", p)).toList())))
        .build();
    PolicyStatement kms = PolicyStatement.Builder.create()
        .sid("LakeKey")
        .effect(Effect.ALLOW)
        .actions(List.of("kms:Decrypt", "kms:GenerateDataKey"))
        .resources(List.of(key.getKeyArn()))
        .conditions(Map.of("StringEquals", Map.of("kms:ViaService",
            "s3." + Stack.of(bucket).getRegion() + ".amazonaws.com")))
        .build();
    return List.of(objects, list, kms);
  }

  static PolicyStatement metrics(DeploySettings settings) {
    Set<String> namespaces = new LinkedHashSet<>();
    namespaces.add(settings.namespace());
    if (!settings.source().isKafka()) {
      namespaces.add(settings.consumerName()); // KCL publishes its own metrics under the application name
    }
    return PolicyStatement.Builder.create()
        .sid("Metrics")
        .effect(Effect.ALLOW)
        .actions(List.of("cloudwatch:PutMetricData"))
        .resources(List.of("*"))
        .conditions(Map.of("StringEquals", Map.of("cloudwatch:namespace", List.copyOf(namespaces))))
        .build();
  }

  /**
   * The engine keeps the Glue tables of the lake's database: Glue authorizes a table action on the catalog, the
   * database and the table, so those three, and only this database's tables.
   */
  static PolicyStatement catalog(Stack stack, String database, List<String> actions) {
    return allow("GlueTables", actions, List.of(
        stack.formatArn(ArnComponents.builder().service("glue").resource("catalog").build()),
        arn(stack, "glue", "database", database),
        arn(stack, "glue", "table", database + "/*")));
  }

  /**
   * MSK IAM access control: connect, read the topics, use the group. Kafka Streams runs a stateless topology here
   * with at-least-once processing, so it makes no internal topics and no transactions: no CreateTopic, WriteData or
   * TransactionalId actions.
   */
  static List<PolicyStatement> msk(KafkaSettings kafka, String group) {
    return List.of(
        allow("MskCluster", MSK_CLUSTER_ACTIONS, List.of(kafka.clusterArn())),
        allow("MskTopics", MSK_TOPIC_ACTIONS, kafka.topics().stream().map(kafka::topicArn).toList()),
        allow("MskGroup", MSK_GROUP_ACTIONS, List.of(kafka.groupArn(group))));
  }

  /** KCL 3: read the streams (polling or enhanced fan-out) and keep its three DynamoDB tables. */
  static List<PolicyStatement> kinesis(Stack stack, KinesisSettings kinesis, String application) {
    List<String> streams = kinesis.streams().stream().map(s -> arn(stack, "kinesis", "stream", s)).toList();
    List<String> consumers = kinesis.streams().stream()
        .map(s -> arn(stack, "kinesis", "stream", s + "/consumer/*")).toList();
    List<String> tables = new ArrayList<>();
    for (String table : KinesisSettings.kclTables(application)) {
      tables.add(arn(stack, "dynamodb", "table", table));
      tables.add(arn(stack, "dynamodb", "table", table + "/index/*"));
    }
    return List.of(
        allow("KinesisStreams", KINESIS_STREAM_ACTIONS, streams),
        allow("KinesisConsumers", KINESIS_CONSUMER_ACTIONS, consumers),
        allow("KclTables", KCL_TABLE_ACTIONS, tables));
  }

  /** {@code sink: firehose}: the task puts records into its datasets' delivery streams, and does nothing else there. */
  static PolicyStatement firehose(Stack stack, DeploySettings settings) {
    return allow("FirehoseStreams", List.of("firehose:PutRecordBatch"), settings.firehose().datasets().stream()
        .map(d -> arn(stack, "firehose", "deliverystream", FirehoseSettings.streamName(settings.name(), d)))
        .toList());
  }

  /** An ARN of this stack's account and region. */
  static String arn(Stack stack, String service, String type, String name) {
    return stack.formatArn(ArnComponents.builder().service(service).resource(type).resourceName(name).build());
  }

  static PolicyStatement allow(String sid, List<String> actions, List<String> resources) {
    return PolicyStatement.Builder.create().sid(sid).effect(Effect.ALLOW).actions(actions).resources(resources)
        .build();
  }
}
