package io.tributary.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class S3StoreSettingsTest {

  private static final S3StoreSettings DEFAULTS = S3StoreSettings.defaults("lake-bucket", "eu-west-1");

  @Test
  void defaultsAddressAwsVirtualHostedWithSixteenMebibyteMultipartAndJitteredRetries() {
    assertThat(DEFAULTS.bucket()).isEqualTo("lake-bucket");
    assertThat(DEFAULTS.region()).isEqualTo("eu-west-1");
    assertThat(DEFAULTS.endpointOverride()).isNull();
    assertThat(DEFAULTS.pathStyle()).isFalse();
    assertThat(DEFAULTS.multipartThresholdBytes()).isEqualTo(16L * 1024 * 1024);
    assertThat(DEFAULTS.partSizeBytes()).isEqualTo(8L * 1024 * 1024);
    assertThat(DEFAULTS.maxAttempts()).isEqualTo(8);
    assertThat(DEFAULTS.baseBackoff()).isEqualTo(Duration.ofMillis(100));
    assertThat(DEFAULTS.maxBackoff()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void copiesChangeOnlyWhatTheyName() {
    S3StoreSettings local = DEFAULTS.withEndpoint(URI.create("http://127.0.0.1:9000"), true)
        .withMultipart(6L * 1024 * 1024, 5L * 1024 * 1024)
        .withRetries(2, Duration.ofMillis(1), Duration.ofMillis(2))
        .withBucket("other");

    assertThat(local).isEqualTo(new S3StoreSettings("other", "eu-west-1", URI.create("http://127.0.0.1:9000"), true,
        6L * 1024 * 1024, 5L * 1024 * 1024, 2, Duration.ofMillis(1), Duration.ofMillis(2)));
  }

  @Test
  void bucketNamesFollowS3Rules() {
    for (String bad : new String[] {null, "", "ab", "Upper", "under_score", "-dash-first", "dot-last.", "a..b",
        "x".repeat(64)}) {
      assertRejected(() -> DEFAULTS.withBucket(bad), "Invalid S3 store setting bucket: " + bad + ": must be 3 to 63");
    }
    assertThat(DEFAULTS.withBucket("a.b-c0").bucket()).isEqualTo("a.b-c0");
    assertThat(DEFAULTS.withBucket("x".repeat(63)).bucket()).hasSize(63);
  }

  @Test
  void regionMayNotBeBlank() {
    assertRejected(() -> new S3StoreSettings("lake-bucket", " ", null, false, 1, 5L << 20, 1, Duration.ofMillis(1),
        Duration.ofMillis(1)), "Invalid S3 store setting region:  : may not be null or blank");
    assertRejected(() -> S3StoreSettings.defaults("lake-bucket", null), "Invalid S3 store setting region: null");
  }

  @Test
  void endpointMustBeAnAbsoluteHttpUri() {
    assertRejected(() -> DEFAULTS.withEndpoint(URI.create("ftp://host"), true),
        "Invalid S3 store setting endpointOverride: ftp://host: must be an absolute http or https URI");
    assertRejected(() -> DEFAULTS.withEndpoint(URI.create("localhost:9000"), true),
        "Invalid S3 store setting endpointOverride: localhost:9000");
    assertThat(DEFAULTS.withEndpoint(URI.create("https://s3.example.test"), false).endpointOverride())
        .hasHost("s3.example.test");
  }

  @Test
  void partSizeMustBeWithinS3PartLimits() {
    assertRejected(() -> DEFAULTS.withMultipart(16L << 20, (5L << 20) - 1),
        "Invalid S3 store setting partSizeBytes: 5242879: must be from 5242880 (5 MiB) to 5368709120 (5 GiB)");
    assertRejected(() -> DEFAULTS.withMultipart(16L << 20, (5L << 30) + 1),
        "Invalid S3 store setting partSizeBytes: 5368709121");
  }

  @Test
  void multipartThresholdMustBePositiveAndAtMostOneRequest() {
    assertRejected(() -> DEFAULTS.withMultipart(0, 8L << 20),
        "Invalid S3 store setting multipartThresholdBytes: 0: must be from 1 to 5368709120 (5 GiB)");
    assertRejected(() -> DEFAULTS.withMultipart((5L << 30) + 1, 8L << 20),
        "Invalid S3 store setting multipartThresholdBytes: 5368709121");
  }

  @Test
  void retriesNeedAtLeastOneAttemptAndOrderedPositiveBackoffs() {
    assertRejected(() -> DEFAULTS.withRetries(0, Duration.ofMillis(1), Duration.ofMillis(1)),
        "Invalid S3 store setting maxAttempts: 0: must be at least 1");
    assertRejected(() -> DEFAULTS.withRetries(3, Duration.ZERO, Duration.ofMillis(1)),
        "Invalid S3 store setting baseBackoff: PT0S: must be a positive duration");
    assertRejected(() -> DEFAULTS.withRetries(3, null, Duration.ofMillis(1)),
        "Invalid S3 store setting baseBackoff: null");
    assertRejected(() -> DEFAULTS.withRetries(3, Duration.ofSeconds(2), Duration.ofSeconds(1)),
        "Invalid S3 store setting maxBackoff: PT1S: must be a duration of at least baseBackoff (PT2S)");
    assertRejected(() -> DEFAULTS.withRetries(3, Duration.ofSeconds(2), null),
        "Invalid S3 store setting maxBackoff: null");
    assertThat(DEFAULTS.withRetries(1, Duration.ofMillis(5), Duration.ofMillis(5)).maxAttempts()).isEqualTo(1);
  }

  private static void assertRejected(Supplier<S3StoreSettings> construction, String messageStart) {
    assertThatThrownBy(construction::get)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(messageStart);
  }
}
