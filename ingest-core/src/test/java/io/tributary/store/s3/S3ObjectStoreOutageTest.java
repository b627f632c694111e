package io.tributary.store.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.store.StoreException;
import io.tributary.testing.S3ProxyServer;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** S3 going away and coming back: its own server, because the test stops it. */
class S3ObjectStoreOutageTest {

  private static final int ATTEMPTS = 3;

  private static S3ProxyServer server;

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

  @Test
  void whileS3IsDownEveryOperationFailsRetryablyAfterTheConfiguredAttemptsAndWorksAgainOnceItIsBack() {
    S3StoreSettings settings = server.settings(S3ProxyServer.DEFAULT_BUCKET)
        .withRetries(ATTEMPTS, Duration.ofMillis(1), Duration.ofMillis(5));
    RequestRecorder recorder = new RequestRecorder();
    try (S3ObjectStore store = new S3ObjectStore(settings,
        S3ObjectStore.buildClient(settings, S3ProxyServer.credentials(), List.of(recorder)))) {
      store.put("outage/before", "written before".getBytes(UTF_8));

      server.stop();
      recorder.clear();

      assertFailsRetryably(() -> store.put("outage/during", "x".getBytes(UTF_8)), "Cannot put object 'outage/during'");
      assertThat(recorder.count("PutObject")).isEqualTo(ATTEMPTS);
      assertFailsRetryably(() -> store.putIfAbsent("outage/during", "x".getBytes(UTF_8)),
          "Cannot putIfAbsent object 'outage/during'");
      assertFailsRetryably(() -> store.get("outage/before"), "Cannot get object 'outage/before'");
      assertFailsRetryably(() -> store.delete("outage/before"), "Cannot delete object 'outage/before'");
      assertFailsRetryably(() -> store.list("outage/"), "Cannot list objects with prefix 'outage/'");
      assertThat(recorder.attempts()).hasSize(5 * ATTEMPTS);

      server.start();

      assertThat(store.putIfAbsent("outage/after", "written after".getBytes(UTF_8))).isTrue();
      assertThat(store.get("outage/before"))
          .hasValueSatisfying(b -> assertThat(b).isEqualTo("written before".getBytes(UTF_8)));
      assertThat(store.list("outage/")).containsExactly("outage/after", "outage/before");
    }
  }

  private static void assertFailsRetryably(ThrowingCallable call, String operationAndKey) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageContaining(operationAndKey)
        .hasMessageContaining("in S3 bucket '" + S3ProxyServer.DEFAULT_BUCKET + "'");
  }
}
