package io.tributary.deploy.lake;

import static io.tributary.deploy.Templates.asList;
import static io.tributary.deploy.Templates.at;
import static io.tributary.deploy.Templates.render;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.deploy.Templates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/**
 * Guards the lake bucket: SSE-KMS with the stack's customer key, every public access blocked, a policy that denies
 * requests without TLS (and below TLS 1.2), lifecycle rules that expire only what is disposable, and that data and
 * key outlive the stack.
 */
class LakeBucketTemplateTest {

  private final Template template = Templates.example("msk");

  @Test
  void encryptsWithTheCustomerKeyAndABucketKey() {
    Map<String, Object> sse = at(Templates.only(template, "AWS::S3::Bucket"), "BucketEncryption",
        "ServerSideEncryptionConfiguration", 0);
    assertThat(Templates.value(sse, "ServerSideEncryptionByDefault", "SSEAlgorithm").toString()).isEqualTo("aws:kms");
    assertThat(render(at(sse, "ServerSideEncryptionByDefault", "KMSMasterKeyID")))
        .matches("\\$\\{LakeKey[0-9A-F]{8}\\.Arn}");
    assertThat(Templates.value(sse, "BucketKeyEnabled")).isEqualTo(true);
    assertThat(Templates.value(Templates.only(template, "AWS::KMS::Key"), "EnableKeyRotation")).isEqualTo(true);
  }

  @Test
  void blocksEveryPublicAccessAndAcls() {
    Map<String, Object> bucket = Templates.only(template, "AWS::S3::Bucket");
    assertThat((Map<String, Object>) at(bucket, "PublicAccessBlockConfiguration")).containsExactlyInAnyOrderEntriesOf(
        Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true,
            "RestrictPublicBuckets", true));
    assertThat(Templates.value(bucket, "OwnershipControls", "Rules", 0, "ObjectOwnership").toString())
        .isEqualTo("BucketOwnerEnforced");
  }

  @Test
  void deniesEveryRequestWithoutTlsOrBelowTls12() {
    List<Map<String, Object>> statements = at(Templates.only(template, "AWS::S3::BucketPolicy"), "PolicyDocument",
        "Statement");
    Map<String, Object> noTls = statements.stream()
        .filter(s -> s.get("Condition") != null && at(s, "Condition", "Bool") != null).findFirst().orElseThrow();
    assertThat(noTls.get("Effect")).isEqualTo("Deny");
    assertThat(noTls.get("Action")).isEqualTo("s3:*");
    assertThat(Templates.value(noTls, "Principal", "AWS")).isEqualTo("*");
    assertThat(Templates.value(noTls, "Condition", "Bool", "aws:SecureTransport")).isEqualTo("false");
    assertThat(asList(noTls.get("Resource")).stream().map(r -> render(r)).toList())
        .anyMatch(r -> r.matches("\\$\\{LakeBucket[0-9A-F]{8}\\.Arn}"))
        .anyMatch(r -> r.matches("\\$\\{LakeBucket[0-9A-F]{8}\\.Arn}/\\*"));
    Map<String, Object> oldTls = statements.stream()
        .filter(s -> s.get("Condition") != null && at(s, "Condition", "NumericLessThan") != null).findFirst()
        .orElseThrow();
    assertThat(oldTls.get("Effect")).isEqualTo("Deny");
    assertThat(((Number) at(oldTls, "Condition", "NumericLessThan", "s3:TlsVersion")).doubleValue()).isEqualTo(1.2);
    assertThat(statements).allMatch(s -> s.get("Effect").equals("Deny"));
  }

  @Test
  void expiresErrorFilesAndUncommittedStagedUploadsAndAbortsIncompleteUploadsButNeverData() {
    List<Map<String, Object>> rules = at(Templates.only(template, "AWS::S3::Bucket"), "LifecycleConfiguration",
        "Rules");
    assertThat(rules).anySatisfy(r -> {
      assertThat(r.get("Prefix")).isEqualTo("events-errors/");
      assertThat(r.get("ExpirationInDays")).isEqualTo(30);
    }).anySatisfy(r -> {
      assertThat(r.get("Prefix")).isEqualTo("events/_tributary/staging/");
      assertThat(r.get("ExpirationInDays")).isEqualTo(7);
    }).anySatisfy(r -> {
      assertThat(r.get("Prefix")).isNull();
      assertThat(r.get("ExpirationInDays")).isNull();
      assertThat(Templates.value(r, "AbortIncompleteMultipartUpload", "DaysAfterInitiation")).isEqualTo(1);
    });
    // Every rule that expires objects has a prefix, and none holds the data prefix.
    assertThat(rules).filteredOn(r -> r.get("ExpirationInDays") != null).allSatisfy(r ->
        assertThat(r.get("Prefix").toString()).isIn("events-errors/", "events/_tributary/staging/"));
  }

  @Test
  void theBucketAndTheKeyOutliveTheStack() {
    assertThat(template.findResources("AWS::S3::Bucket").values()).allSatisfy(r ->
        assertThat(r.get("DeletionPolicy")).isEqualTo("Retain"));
    assertThat(template.findResources("AWS::KMS::Key").values()).allSatisfy(r ->
        assertThat(r.get("DeletionPolicy")).isEqualTo("Retain"));
  }
}
