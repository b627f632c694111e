package io.tributary.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.store.ObjectStore;
import io.tributary.store.ObjectStoreContract;
import io.tributary.store.StoreException;
import io.tributary.testing.S3ProxyServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.s3.S3Client;

/** The object-store kit and S3 specifics, against a real S3Proxy: one server per class, one bucket per test. */
class S3ObjectStoreTest extends ObjectStoreContract {

  private static final int MIB = 1024 * 1024;
  private static final AtomicInteger BUCKETS = new AtomicInteger();

  private static S3ProxyServer server;

  private final RequestRecorder recorder = new RequestRecorder();
  private S3StoreSettings settings;

  @BeforeAll
  static void startServer() {
    server = S3ProxyServer.launch();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Override
  protected ObjectStore newStore() {
    settings = server.settings(server.createBucket("store-test-" + BUCKETS.incrementAndGet()));
    return storeWith(settings, recorder);
  }

  private static S3ObjectStore storeWith(S3StoreSettings settings, ExecutionInterceptor... interceptors) {
    return new S3ObjectStore(settings,
        S3ObjectStore.buildClient(settings, S3ProxyServer.credentials(), List.of(interceptors)));
  }

  @Test
  void fortyMebibyteObjectGoesThroughMultipartInPartSizedPiecesAndReadsBackIdentical() {
    byte[] big = patterned(40 * MIB, 3);

    store().put("t/big.parquet", big);

    // Default settings: 16 MiB threshold, 8 MiB parts.
    assertThat(recorder.count("UploadPart")).isEqualTo(5);
    assertThat(recorder.count("CreateMultipartUpload")).isEqualTo(1);
    assertThat(recorder.count("CompleteMultipartUpload")).isEqualTo(1);
    assertThat(recorder.count("PutObject")).isZero();
    assertThat(store().get("t/big.parquet")).hasValueSatisfying(b -> assertThat(b).isEqualTo(big));
  }

  @Test
  void objectsBelowTheThresholdGoInOneRequest() {
    store().put("t/small", patterned(16 * MIB - 1, 1));

    assertThat(recorder.count("PutObject")).isEqualTo(1);
    assertThat(recorder.count("UploadPart")).isZero();
  }

  @Test
  void largePutIfAbsentWinsThroughMultipartWhenTheKeyIsFree() {
    byte[] big = patterned(17 * MIB, 5);

    assertThat(store().putIfAbsent("t/big", big)).isTrue();

    assertThat(recorder.count("UploadPart")).isEqualTo(3);
    assertThat(store().get("t/big")).hasValueSatisfying(b -> assertThat(b).isEqualTo(big));
  }

  @Test
  void largePutIfAbsentLosesCleanlyWhenTheKeyExistsAndLeavesNoPendingUpload() {
    store().put("t/taken", bytes("first"));

    assertThat(store().putIfAbsent("t/taken", patterned(20 * MIB, 9))).isFalse();

    assertThat(recorder.count("UploadPart")).isEqualTo(3);
    assertThat(recorder.count("AbortMultipartUpload")).isEqualTo(1);
    assertThat(store().get("t/taken")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("first")));
    try (S3Client client = server.newClient()) {
      assertThat(client.listMultipartUploads(b -> b.bucket(settings.bucket())).uploads()).isEmpty();
    }
    assertThat(store().list("")).containsExactly("t/taken");
  }

  @Test
  void twoStoresRacingPutIfAbsentOverSeveralRoundsHaveExactlyOneWinnerEachRound() throws Exception {
    try (S3ObjectStore first = storeWith(settings); S3ObjectStore second = storeWith(settings)) {
      for (int round = 0; round < 5; round++) {
        String key = "_tributary/ledger/p0/commit-" + round;
        List<Boolean> outcomes =
            race(8, racer -> (racer % 2 == 0 ? first : second).putIfAbsent(key, racerBytes(racer)));

        assertThat(outcomes).as("round %d outcomes", round).containsOnlyOnce(true);
        byte[] winnersBytes = racerBytes(outcomes.indexOf(true));
        assertThat(second.get(key)).hasValueSatisfying(b -> assertThat(b).isEqualTo(winnersBytes));
      }
    }
  }

  @Test
  void racingLargePutIfAbsentThroughMultipartHasExactlyOneWinnerAndNoPendingUploads() throws Exception {
    List<Boolean> outcomes = race(4, racer -> store().putIfAbsent("t/big-ledger", patterned(17 * MIB, racer)));

    assertThat(outcomes).containsOnlyOnce(true);
    byte[] winnersBytes = patterned(17 * MIB, outcomes.indexOf(true));
    assertThat(store().get("t/big-ledger")).hasValueSatisfying(b -> assertThat(b).isEqualTo(winnersBytes));
    try (S3Client client = server.newClient()) {
      assertThat(client.listMultipartUploads(b -> b.bucket(settings.bucket())).uploads()).isEmpty();
    }
  }

  @Test
  void aRetryRejectedByItsOwnEarlierWriteStillReportsTheWin() {
    // The first PutObject lands, then its response is "lost": the SDK retries, and S3 answers 412 to the retry.
    LoseFirstResponse losing = new LoseFirstResponse("PutObject");
    try (S3ObjectStore flaky = storeWith(settings, recorder, losing)) {
      assertThat(flaky.putIfAbsent("t/ledger", bytes("mine"))).isTrue();

      assertThat(recorder.count("PutObject")).isEqualTo(2);
      assertThat(flaky.putIfAbsent("t/ledger", bytes("someone else"))).isFalse();
    }
    assertThat(store().get("t/ledger")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("mine")));
  }

  @Test
  void aRetryRejectedBySomeoneElsesObjectReportsTheLoss() {
    store().put("t/ledger", bytes("theirs"));
    LoseFirstResponse losing = new LoseFirstResponse("PutObject");
    try (S3ObjectStore flaky = storeWith(settings, recorder, losing)) {
      recorder.clear();

      assertThat(flaky.putIfAbsent("t/ledger", bytes("mine"))).isFalse();
      assertThat(recorder.count("PutObject")).isEqualTo(2);
    }
    assertThat(store().get("t/ledger")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("theirs")));
  }

  @Test
  void listFollowsContinuationTokensAcrossPages() {
    List<String> keys = List.of("p/a", "p/b", "p/c", "p/d", "p/e", "p/f", "p/g");
    for (String key : keys) {
      store().put(key, bytes(key));
    }
    try (S3ObjectStore paged = new S3ObjectStore(settings,
        S3ObjectStore.buildClient(settings, S3ProxyServer.credentials(), List.of(recorder)), 2)) {
      recorder.clear();

      assertThat(paged.list("p/")).containsExactlyElementsOf(keys);
      assertThat(recorder.count("ListObjectsV2")).isEqualTo(4);
    }
  }

  @Test
  void pathStyleRequestsAddressBucketAndKeyInThePath() {
    store().put("lake/year=2026/f.parquet", bytes("x"));

    URI uri = recorder.attempts().get(0).uri();
    assertThat(uri.getScheme()).isEqualTo("http");
    assertThat(uri.getHost()).isEqualTo("127.0.0.1");
    assertThat(uri.getPort()).isEqualTo(server.port());
    assertThat(uri.getRawPath()).isEqualTo("/" + settings.bucket() + "/lake/year%3D2026/f.parquet");
  }

  @Test
  void objectsLandAsFilesInTheServersFolder() throws IOException {
    store().put("lake/orders/year=2026/part-0.parquet", bytes("parquet bytes"));

    assertThat(Files.readAllBytes(server.bucketFolder(settings.bucket())
        .resolve("lake/orders/year=2026/part-0.parquet"))).isEqualTo(bytes("parquet bytes"));
  }

  @Test
  void aMissingBucketIsAPermanentFailureNamingBucketKeyAndOperationNotAnEmptyResult() {
    try (S3ObjectStore nowhere = storeWith(settings.withBucket("no-such-bucket"))) {
      assertThatThrownBy(() -> nowhere.get("t/a"))
          .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isFalse())
          .hasMessageContaining("Cannot get object 't/a' in S3 bucket 'no-such-bucket'")
          .hasMessageContaining("NoSuchBucket");
      assertThatThrownBy(() -> nowhere.put("t/a", bytes("x")))
          .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isFalse())
          .hasMessageContaining("Cannot put object 't/a' in S3 bucket 'no-such-bucket'");
      assertThatThrownBy(() -> nowhere.list("t/"))
          .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isFalse())
          .hasMessageContaining("Cannot list objects with prefix 't/' in S3 bucket 'no-such-bucket'");
    }
  }

  /** Makes the first response to {@code operation} look like a dropped connection, after the server acted on it. */
  private static final class LoseFirstResponse implements ExecutionInterceptor {
    private final String operation;
    private final AtomicInteger seen = new AtomicInteger();

    LoseFirstResponse(String operation) {
      this.operation = operation;
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
      if (operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
          && seen.getAndIncrement() == 0) {
        throw SdkClientException.create("response lost", new IOException("connection reset (simulated)"));
      }
    }
  }
}
