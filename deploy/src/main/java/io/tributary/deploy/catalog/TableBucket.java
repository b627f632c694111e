package io.tributary.deploy.catalog;

import io.tributary.deploy.settings.DeploySettings;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.s3tables.CfnNamespace;
import software.amazon.awscdk.services.s3tables.CfnTableBucket;
import software.constructs.Construct;

/**
 * The Amazon S3 Tables table bucket of the Iceberg tables ({@code iceberg.catalog: s3-tables}) and their namespace,
 * made by the stack when {@code iceberg.create-table-bucket} (the default). S3 Tables keeps the table files itself
 * (encrypted with SSE-S3, its own unreferenced-file removal on). Both survive the stack's deletion: they hold data.
 */
public final class TableBucket extends Construct {

  private final CfnTableBucket bucket;

  public TableBucket(Construct scope, String id, DeploySettings settings) {
    super(scope, id);
    bucket = CfnTableBucket.Builder.create(this, "Bucket")
        .tableBucketName(settings.iceberg().tableBucket())
        .build();
    bucket.applyRemovalPolicy(RemovalPolicy.RETAIN);
    CfnNamespace namespace = CfnNamespace.Builder.create(this, "Namespace")
        .tableBucketArn(bucket.getAttrTableBucketArn())
        .namespace(settings.icebergNamespace())
        .build();
    namespace.applyRemovalPolicy(RemovalPolicy.RETAIN);
  }

  /**
   * The table bucket's ARN, made from its name (so the engine's configuration and the task roles need not wait for
   * the bucket, and name an existing one the same way).
   */
  public static String arn(Stack stack, DeploySettings settings) {
    return stack.formatArn(ArnComponents.builder().service("s3tables").resource("bucket")
        .resourceName(settings.iceberg().tableBucket()).build());
  }
}
