package io.tributary.deploy.firehose;

import io.tributary.deploy.lake.LakeBucket;
import io.tributary.deploy.settings.DeploySettings;
import io.tributary.deploy.settings.FirehoseSettings;
import io.tributary.partition.Granularity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kinesisfirehose.CfnDeliveryStream;
import software.constructs.Construct;

/**
 * The delivery streams of the datasets whose sink is Firehose, and the role Firehose writes with. With
 * {@code parquet}, format conversion reads the dataset's Glue table at its latest version (the engine adds a column
 * to it before it sends a row that has it, so Firehose never drops a field), Firehose's Hive JSON SerDe parses the
 * timestamps as the engine writes them, and dynamic partitioning cuts {@code _event_time} into the engine's own
 * {@code year=/month=/day=/hour=} folders under the dataset's prefix, so the table's partition projection reads
 * Firehose's files as it reads the engine's. With {@code iceberg}, Firehose appends to the dataset's Iceberg table in
 * the Glue catalog. Records Firehose cannot write go under the error prefix, in {@code <dataset>/firehose/}.
 */
public final class FirehoseStreams extends Construct {
  /** What Firehose does in the lake: write objects, and what its multipart uploads need. */
  static final List<String> S3_ACTIONS = List.of("s3:AbortMultipartUpload", "s3:GetBucketLocation", "s3:GetObject",
      "s3:ListBucket", "s3:ListBucketMultipartUploads", "s3:PutObject");
  /** Format conversion reads the table's columns (at its latest version). */
  static final List<String> GLUE_READ_ACTIONS = List.of("glue:GetTable", "glue:GetTableVersion",
      "glue:GetTableVersions");
  /** The Iceberg destination commits to the table through the Glue catalog. */
  static final List<String> GLUE_ICEBERG_ACTIONS = List.of("glue:GetDatabase", "glue:GetTable", "glue:UpdateTable");

  private final Role role;

  public FirehoseStreams(Construct scope, String id, DeploySettings settings, LakeBucket lake) {
    super(scope, id);
    FirehoseSettings firehose = settings.firehose();
    Stack stack = Stack.of(this);
    role = Role.Builder.create(this, "Role")
        .assumedBy(new ServicePrincipal("firehose.amazonaws.com"))
        .description("Amazon Data Firehose writing the datasets of " + settings.name() + " that Tributary sends it")
        .build();
    String prefix = settings.lake().prefix();
    String errors = settings.lake().errorPrefix();
    role.addToPolicy(allow("LakeObjects", S3_ACTIONS, List.of(lake.bucket().getBucketArn(),
        lake.bucket().arnForObjects(prefix + "/*"), lake.bucket().arnForObjects(errors + "/*"))));
    role.addToPolicy(PolicyStatement.Builder.create().sid("LakeKey").effect(Effect.ALLOW)
        .actions(List.of("kms:Decrypt", "kms:GenerateDataKey")).resources(List.of(lake.key().getKeyArn()))
        .conditions(Map.of("StringEquals", Map.of("kms:ViaService", "s3." + stack.getRegion() + ".amazonaws.com")))
        .build());
    List<String> tables = new ArrayList<>(List.of(glueArn(stack, "catalog", null),
        glueArn(stack, "database", settings.databaseName())));
    firehose.datasets().forEach(d -> tables.add(glueArn(stack, "table", settings.databaseName() + "/" + d)));
    role.addToPolicy(allow("GlueTables", firehose.parquet() ? GLUE_READ_ACTIONS : GLUE_ICEBERG_ACTIONS, tables));

    for (String dataset : firehose.datasets()) {
      CfnDeliveryStream.Builder stream = CfnDeliveryStream.Builder.create(this, "Stream-" + dataset)
          .deliveryStreamName(FirehoseSettings.streamName(settings.name(), dataset))
          .deliveryStreamType("DirectPut")
          .deliveryStreamEncryptionConfigurationInput(CfnDeliveryStream.DeliveryStreamEncryptionConfigurationInputProperty
              .builder().keyType("AWS_OWNED_CMK").build());
      CfnDeliveryStream.BufferingHintsProperty buffering = CfnDeliveryStream.BufferingHintsProperty.builder()
          .intervalInSeconds((int) firehose.bufferInterval().toSeconds()).sizeInMBs(firehose.bufferMib()).build();
      String errorPrefix = errors + "/" + dataset + "/firehose/!{firehose:error-output-type}/";
      if (firehose.parquet()) {
        Granularity granularity = Granularity.fromConfig(settings.dataset(dataset).granularity());
        stream.extendedS3DestinationConfiguration(FirehoseParquet.destination(settings, dataset, granularity,
            lake, role, buffering, errorPrefix));
      } else {
        stream.icebergDestinationConfiguration(CfnDeliveryStream.IcebergDestinationConfigurationProperty.builder()
            .catalogConfiguration(CfnDeliveryStream.CatalogConfigurationProperty.builder()
                .catalogArn(glueArn(stack, "catalog", null)).build())
            .destinationTableConfigurationList(List.of(CfnDeliveryStream.DestinationTableConfigurationProperty
                .builder().destinationDatabaseName(settings.databaseName()).destinationTableName(dataset).build()))
            .roleArn(role.getRoleArn())
            .bufferingHints(buffering)
            .s3Configuration(CfnDeliveryStream.S3DestinationConfigurationProperty.builder()
                .bucketArn(lake.bucket().getBucketArn()).roleArn(role.getRoleArn()).errorOutputPrefix(errorPrefix)
                .build())
            .build());
      }
      stream.build().getNode().addDependency(role);
    }
  }

  /** The role Firehose writes with. */
  public Role role() {
    return role;
  }

  private static String glueArn(Stack stack, String type, String name) {
    return "arn:" + Aws.PARTITION + ":glue:" + stack.getRegion() + ":" + stack.getAccount() + ":" + type
        + (name == null ? "" : "/" + name);
  }

  private static PolicyStatement allow(String sid, List<String> actions, List<String> resources) {
    return PolicyStatement.Builder.create().sid(sid).effect(Effect.ALLOW).actions(actions).resources(resources)
        .build();
  }
}
