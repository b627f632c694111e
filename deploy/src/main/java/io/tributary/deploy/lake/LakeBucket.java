package io.tributary.deploy.lake;

import io.tributary.deploy.settings.LakeSettings;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The lake's bucket and its customer-managed KMS key: SSE-KMS with a bucket key (one KMS call per object, not per
 * request), every public access blocked, ACLs off, a policy that denies any request without TLS 1.2, and lifecycle
 * rules for what is disposable: error files after their retention, staged uploads of flushes that never committed,
 * and incomplete multipart uploads. Both survive the stack's deletion: they hold the data.
 */
public final class LakeBucket extends Construct {

  private final Key key;
  private final Bucket bucket;

  public LakeBucket(Construct scope, String id, LakeSettings lake) {
    super(scope, id);
    key = Key.Builder.create(this, "Key")
        .description("Encrypts the Tributary lake (S3) and its alarm topic (SNS)")
        .enableKeyRotation(true)
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    bucket = Bucket.Builder.create(this, "Bucket")
        .bucketName(lake.bucketName())
        .encryption(BucketEncryption.KMS)
        .encryptionKey(key)
        .bucketKeyEnabled(true)
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
        .enforceSsl(true)
        .minimumTlsVersion(1.2)
        .removalPolicy(RemovalPolicy.RETAIN)
        .lifecycleRules(List.of(
            LifecycleRule.builder()
                .id("abort-incomplete-multipart-uploads")
                .abortIncompleteMultipartUploadAfter(Duration.days(lake.incompleteUploadDays()))
                .build(),
            LifecycleRule.builder()
                .id("expire-error-files")
                .prefix(lake.errorPrefix() + "/")
                .expiration(Duration.days(lake.errorRetentionDays()))
                .build(),
            LifecycleRule.builder()
                .id("expire-uncommitted-staged-uploads")
                .prefix(lake.stagingPrefix())
                .expiration(Duration.days(lake.stagingRetentionDays()))
                .build()))
        .build();
  }

  public Key key() {
    return key;
  }

  public Bucket bucket() {
    return bucket;
  }
}
