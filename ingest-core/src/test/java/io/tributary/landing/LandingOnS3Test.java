package io.tributary.landing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.source.SourcePartition;
import io.tributary.source.SourceRecord;
import io.tributary.store.s3.S3ObjectStore;
import io.tributary.testing.MutableClock;
import io.tributary.testing.S3ProxyServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The landing layer on S3 (a real S3Proxy started by the test), through an outage of the server. */
class LandingOnS3Test {
  private static S3ProxyServer s3;

  @BeforeAll
  static void startS3() {
    s3 = S3ProxyServer.launch();
  }

  @AfterAll
  static void stopS3() {
    s3.close();
  }

  @Test
  void recordsLandOnceOnS3AlsoWhenTheServerGoesDownAndComesBack() throws Exception {
    String bucket = s3.createBucket("landing-outage");
    S3ObjectStore store = new S3ObjectStore(s3.settings(bucket), s3.newClient());
    AtomicInteger pauses = new AtomicInteger();
    Backoff restartAfterAFewPauses = (attempt, failure) -> {
      assertThat(failure.retryable()).isTrue();
      if (pauses.incrementAndGet() == 3) {
        s3.start();
      }
    };
    Landing landing = new Landing(LandingFixture.settings("a", 25, 64L << 20), store,
        new MutableClock(Instant.parse("2025-11-21T06:30:00Z")), restartAfterAFewPauses);
    List<SourceRecord> records = new ArrayList<>();
    for (String partition : List.of("0", "1")) {
      records.addAll(LandingFixture.records("orders", partition, 100));
      landing.assign(new SourcePartition("orders", partition));
    }
    for (int i = 0; i < records.size(); i++) {
      if (i == 120) {
        s3.stop();
      }
      landing.accept(records.get(i));
    }
    landing.close();
    store.close();

    assertThat(pauses.get()).isGreaterThanOrEqualTo(3);
    Map<String, Long> counts = LandingFixture.landedCounts(s3.bucketFolder(bucket));
    assertThat(counts).hasSize(200);
    assertThat(counts.entrySet()).filteredOn(e -> e.getValue() != 1L).isEmpty();
  }
}
