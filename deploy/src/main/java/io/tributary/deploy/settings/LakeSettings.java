package io.tributary.deploy.settings;

import io.tributary.store.ObjectKeys;
import java.util.regex.Pattern;

/**
 * Where the lake lives: the bucket and the engine's {@code lake.prefix} and {@code lake.error-prefix}, and how long
 * the lifecycle rules keep what is disposable.
 *
 * @param bucketName a name for the new bucket; null lets CloudFormation choose one
 * @param prefix the datasets' prefix (also holds {@code _schemas/} and {@code _tributary/}); not empty, so that the
 *     task's S3 permissions stop at it
 * @param errorPrefix the error files' prefix; not empty, and neither inside the data prefix nor holding it, so that
 *     its expiry rule can never delete data
 * @param errorRetentionDays error files expire after this many days (default 30)
 * @param stagingRetentionDays staged uploads of flushes that never committed expire after this many days (default
 *     7): long enough that a committed flush is always published (at its partition's next assignment) first
 * @param incompleteUploadDays multipart uploads a crash left incomplete are aborted after this many days (default 1)
 */
public record LakeSettings(String bucketName, String prefix, String errorPrefix, Integer errorRetentionDays,
    Integer stagingRetentionDays, Integer incompleteUploadDays) {

  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  public LakeSettings {
    if (bucketName != null) {
      Check.matches(bucketName, "lake.bucket-name", BUCKET, "an S3 bucket name (3 to 63 of a-z 0-9 . -)");
    }
    prefix = prefix(prefix, "lake.prefix");
    errorPrefix = prefix(errorPrefix, "lake.error-prefix");
    if ((prefix + "/").startsWith(errorPrefix + "/") || (errorPrefix + "/").startsWith(prefix + "/")) {
      throw new IllegalArgumentException("lake.error-prefix: '" + errorPrefix + "' may neither hold nor lie inside"
          + " lake.prefix '" + prefix + "': the error files expire, the data must not");
    }
    errorRetentionDays = Check.between(Check.orDefault(errorRetentionDays, 30), "lake.error-retention-days", 1, 3650);
    stagingRetentionDays = Check.between(Check.orDefault(stagingRetentionDays, 7), "lake.staging-retention-days", 2,
        3650);
    incompleteUploadDays = Check.between(Check.orDefault(incompleteUploadDays, 1), "lake.incomplete-upload-days", 1,
        365);
  }

  /** The prefix of the commit ledger's staged uploads, as {@code io.tributary.commit.Ledger} writes them. */
  public String stagingPrefix() {
    return prefix + "/_tributary/staging/";
  }

  private static String prefix(String value, String key) {
    Check.required(value, key);
    try {
      ObjectKeys.validate(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + ": " + e.getMessage());
    }
    if (value.contains("*") || value.contains("?")) {
      throw new IllegalArgumentException(key + ": '" + value + "' may not contain * or ? (IAM wildcards)");
    }
    return value;
  }
}
