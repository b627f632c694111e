package io.tributary.commit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.layout.LakeLayout;
import io.tributary.source.Position;
import io.tributary.source.SourcePartition;
import io.tributary.store.ObjectStore;
import io.tributary.store.s3.S3ObjectStore;
import io.tributary.store.s3.S3StoreSettings;
import io.tributary.testing.ForwardingStore;
import io.tributary.testing.S3ProxyServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * What publishing a commit costs on S3 (a real S3Proxy), counted per committed file from the requests the SDK sends:
 * each file's bytes are uploaded once, when staged; publishing is one server-side CopyObject and one DeleteObject,
 * and recovering a published commit downloads no file. The generic publish (the store's default copy: a get and a
 * put, what every publish did before) is counted beside it.
 */
class PublishTrafficOnS3Test {
  private static final SourcePartition P = new SourcePartition("orders", "3");
  private static final int FILE_BYTES = 1 << 20;
  private static final int FILES = 3;
  private static S3ProxyServer s3;

  @BeforeAll
  static void startS3() {
    s3 = S3ProxyServer.launch();
  }

  @AfterAll
  static void stopS3() {
    s3.close();
  }

  /** One HTTP attempt: the S3 operation, the key, the body bytes sent and received (Content-Length). */
  record Call(String operation, String key, long sent, long received) {}

  /** Records every attempt the SDK sends, with its body sizes. */
  static final class Traffic implements ExecutionInterceptor {
    final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
      SdkHttpRequest request = context.httpRequest();
      String path = request.encodedPath();
      int keyStart = path.indexOf('/', 1); // path style: /bucket/key; a list names its prefix in the query
      String key = keyStart < 0 ? request.firstMatchingRawQueryParameter("prefix").orElse("")
          : URLDecoder.decode(path.substring(keyStart + 1), StandardCharsets.UTF_8);
      long sent = context.requestBody().flatMap(RequestBody::optionalContentLength).orElse(0L);
      long received = context.httpResponse().firstMatchingHeader("Content-Length").map(Long::parseLong).orElse(0L);
      calls.add(new Call(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), key, sent, received));
    }

    List<Call> on(String key) {
      return calls.stream().filter(c -> c.key().equals(key)).toList();
    }
  }

  private static S3ObjectStore store(String bucket, Traffic traffic) {
    S3StoreSettings settings = s3.settings(s3.createBucket(bucket));
    return new S3ObjectStore(settings, S3ObjectStore.buildClient(settings, S3ProxyServer.credentials(),
        List.of(traffic)));
  }

  /** Stages {@link #FILES} files of {@link #FILE_BYTES} and commits them as commit 1. */
  private static List<StagedFile> commitFiles(Ledger ledger) {
    Random random = new Random(7);
    List<StagedFile> files = new ArrayList<>();
    for (int i = 0; i < FILES; i++) {
      byte[] bytes = new byte[FILE_BYTES];
      random.nextBytes(bytes);
      String stagingKey = ledger.newStagingKey(P);
      ledger.stage(stagingKey, bytes);
      String key = "lake/orders/year=2026/orders+3+" + (i * 10) + ".parquet";
      DurableRange range = new DurableRange(key, Position.of(i * 10L), Position.of(i * 10L + 9));
      files.add(new StagedFile(key, stagingKey, range, 10, bytes.length));
    }
    CommitOutcome outcome = ledger.commit(P, 1, Position.of(FILES * 10L - 1), files, List.of());
    assertThat(outcome).isInstanceOf(CommitOutcome.Committed.class);
    return files;
  }

  private static Ledger ledger(ObjectStore store, String owner) {
    return new Ledger(store, new LakeLayout("lake", "errors"), owner, Clock.systemUTC());
  }

  @Test
  void eachCommittedFileIsUploadedOnceAndPublishedByAServerSideCopy() {
    Traffic traffic = new Traffic();
    try (S3ObjectStore store = store("publish-copy", traffic)) {
      List<StagedFile> files = commitFiles(ledger(store, "a"));

      for (StagedFile file : files) {
        assertThat(traffic.on(file.stagingKey())).containsExactly(
            new Call("PutObject", file.stagingKey(), FILE_BYTES, 0),
            new Call("DeleteObject", file.stagingKey(), 0, 0));
        assertThat(traffic.on(file.key())).extracting(Call::operation).containsExactly("CopyObject");
      }
      long uploaded = traffic.calls.stream().mapToLong(Call::sent).sum();
      assertThat(uploaded).as("bytes uploaded: the files once, and a ledger record")
          .isBetween((long) FILES * FILE_BYTES, (long) FILES * FILE_BYTES + 4_096);
      assertThat(traffic.calls).filteredOn(c -> c.operation().equals("GetObject")).isEmpty();
      for (StagedFile file : files) {
        assertThat(store.get(file.key())).hasValueSatisfying(b -> assertThat(b).hasSize(FILE_BYTES));
      }
    }
  }

  @Test
  void recoveringAPublishedCommitDownloadsNoFile() {
    Traffic traffic = new Traffic();
    try (S3ObjectStore store = store("publish-recover", traffic)) {
      List<StagedFile> files = commitFiles(ledger(store, "a"));
      traffic.calls.clear();

      assertThat(ledger(store, "b").recover(P)).isPresent();

      for (StagedFile file : files) {
        assertThat(traffic.on(file.key())).extracting(Call::operation)
            .containsExactly("CopyObject", "ListObjectsV2");
      }
      long downloaded = traffic.calls.stream().mapToLong(Call::received).sum();
      assertThat(downloaded).as("bytes downloaded by recovery: the ledger, no file").isLessThan(FILE_BYTES);
    }
  }

  /** The generic copy, a get and a put ({@link ObjectStore#copyThrough}): how every publish went before stores copied on the server. */
  @Test
  void theGenericPublishMovesEachFileThreeTimes() {
    Traffic traffic = new Traffic();
    try (S3ObjectStore s3Store = store("publish-generic", traffic)) {
      ObjectStore generic = new ForwardingStore(s3Store) {
        @Override
        public boolean copy(String from, String to) {
          return ObjectStore.copyThrough(this, from, to);
        }
      };
      List<StagedFile> files = commitFiles(ledger(generic, "a"));

      for (StagedFile file : files) {
        assertThat(traffic.on(file.stagingKey())).containsExactly(
            new Call("PutObject", file.stagingKey(), FILE_BYTES, 0),
            new Call("GetObject", file.stagingKey(), 0, FILE_BYTES),
            new Call("DeleteObject", file.stagingKey(), 0, 0));
        assertThat(traffic.on(file.key())).containsExactly(new Call("PutObject", file.key(), FILE_BYTES, 0));
      }
    }
  }
}
