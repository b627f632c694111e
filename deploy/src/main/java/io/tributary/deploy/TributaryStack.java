package io.tributary.deploy;

import io.tributary.deploy.catalog.LakeCatalog;
import io.tributary.deploy.catalog.TableBucket;
import io.tributary.deploy.firehose.FirehoseStreams;
import io.tributary.deploy.lake.LakeBucket;
import io.tributary.deploy.maintenance.ScheduledMaintenance;
import io.tributary.deploy.monitoring.EngineMetrics;
import io.tributary.deploy.monitoring.Monitoring;
import io.tributary.deploy.service.IngestService;
import io.tributary.deploy.settings.DeploySettings;
import java.util.List;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/**
 * One deployment: the lake (bucket and key), the Fargate service with its scaling, the alarms and dashboard, the
 * Glue catalog of the datasets, optionally an S3 Tables table bucket and the scheduled table maintenance, and,
 * when some datasets go through Firehose, their delivery streams.
 */
public final class TributaryStack extends Stack {

  public TributaryStack(Construct scope, String id, StackProps props, DeploySettings settings) {
    super(scope, id, props);
    LakeBucket lake = new LakeBucket(this, "Lake", settings.lake());
    EngineMetrics metrics = new EngineMetrics(settings.namespace());
    IngestService service = new IngestService(this, "Ingest", settings, lake, metrics);
    if (settings.s3Tables() && settings.iceberg().createTableBucket()) {
      service.service().getNode().addDependency(new TableBucket(this, "Tables", settings));
    }
    if (settings.maintenance() != null) {
      new ScheduledMaintenance(this, "Maintenance", settings, service, lake);
    }
    Monitoring monitoring = new Monitoring(this, "Monitoring", settings, metrics, lake.key(),
        service.service());
    // CloudWatch publishes alarm notifications to the encrypted topic: it may use the key for SNS only.
    lake.key().addToResourcePolicy(PolicyStatement.Builder.create()
        .sid("CloudWatchAlarmsToEncryptedTopic")
        .effect(Effect.ALLOW)
        .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
        .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
        .resources(List.of("*"))
        .conditions(java.util.Map.of("StringEquals", java.util.Map.of("kms:ViaService",
            "sns." + getRegion() + ".amazonaws.com")))
        .build());
    LakeCatalog catalog = new LakeCatalog(this, "Catalog", settings);
    if (settings.firehose() != null) {
      new FirehoseStreams(this, "Firehose", settings, lake);
    }

    CfnOutput.Builder.create(this, "BucketName").value(lake.bucket().getBucketName())
        .description("The lake's bucket").build();
    CfnOutput.Builder.create(this, "ConfigParameter").value(service.config().getParameterName())
        .description("The engine's configuration (SSM)").build();
    CfnOutput.Builder.create(this, "GlueDatabase").value(catalog.databaseName())
        .description("Query the datasets in Athena from this database").build();
    if (settings.s3Tables()) {
      CfnOutput.Builder.create(this, "TableBucketArn").value(TableBucket.arn(this, settings))
          .description("The S3 Tables table bucket of the Iceberg tables (namespace " + settings.icebergNamespace()
              + ")").build();
    }
    CfnOutput.Builder.create(this, "AlarmTopic").value(monitoring.topic().getTopicArn())
        .description("Subscribe to the alarms here").build();
    CfnOutput.Builder.create(this, "ServiceName").value(service.service().getServiceName()).build();
    CfnOutput.Builder.create(this, "ClusterName").value(service.service().getCluster().getClusterName()).build();
  }
}
