package io.tributary.firehose;

import static io.tributary.firehose.TestRows.PARTITION;
import static io.tributary.firehose.TestRows.offsetOf;
import static io.tributary.firehose.TestRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PutRecordBatch as the SDK sends it, answered by {@link FirehoseStandIn}: batching limits, partly failed calls,
 * throttling, server errors, refusals, and oversize rows.
 */
class FirehoseDeliveryTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<Long> pauses = new ArrayList<>();
  private FirehoseStandIn firehose;
  private FirehoseDelivery delivery;

  @BeforeEach
  void start() throws Exception {
    firehose = new FirehoseStandIn();
    delivery = new FirehoseDelivery(firehose.client(), new DeliveryStreams("tributary-{dataset}"),
        new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(10), 3), pauses::add,
        new FirehoseMetrics(registry));
  }

  @AfterEach
  void stop() {
    delivery.close();
    firehose.close();
  }

  @Test
  void aCallCarriesAtMost500Records() {
    Delivery result = delivery.send(PARTITION, rows(0, 1_201, 10));

    assertThat(firehose.calls()).extracting(List::size).containsExactly(500, 500, 201);
    assertThat(firehose.requests()).allSatisfy(r -> assertThat(r.deliveryStreamName()).isEqualTo("tributary-orders"));
    assertThat(result.records()).isEqualTo(1_201);
    assertThat(deliveredOffsets()).containsExactlyElementsOf(LongStream.range(0, 1_201).boxed().toList());
    assertThat(registry.get(FirehoseMetrics.BATCH_RECORDS).summary().count()).isEqualTo(3);
    assertThat(registry.get(FirehoseMetrics.SENT_RECORDS).counter().count()).isEqualTo(1_201);
    assertThat(registry.get(FirehoseMetrics.SENT_BYTES).counter().count()).isEqualTo(result.bytes());
  }

  @Test
  void aCallCarriesAtMost4MiBOfData() {
    // Rows of about 1,000,000 bytes: four fit in 4 MiB (4,194,304 bytes), five do not.
    Delivery result = delivery.send(PARTITION, rows(0, 9, 999_800));

    assertThat(firehose.calls()).extracting(List::size).containsExactly(4, 4, 1);
    assertThat(firehose.requests()).allSatisfy(r -> assertThat(r.records().stream()
        .mapToLong(rec -> rec.data().asByteArrayUnsafe().length).sum()).isLessThanOrEqualTo(4L << 20));
    assertThat(result.records()).isEqualTo(9);
    assertThat(result.oversize()).isEmpty();
  }

  @Test
  void aRowOver1000KiBIsReturnedAsOversizeAndNotSent() {
    List<io.tributary.firehose.ShapedRow> rows = new ArrayList<>(rows(0, 2, 10));
    rows.add(TestRows.row(TestRows.SCHEMA, 2, 1_024_000));
    rows.addAll(rows(3, 5, 10));

    Delivery result = delivery.send(PARTITION, rows);

    assertThat(result.oversize()).singleElement().satisfies(o -> {
      assertThat(o.row().position().toLong()).isEqualTo(2);
      assertThat(o.bytes()).isGreaterThan(RecordBatches.MAX_RECORD_BYTES);
      assertThat(o.reason()).contains("over Firehose's record limit of 1024000 bytes");
    });
    assertThat(deliveredOffsets()).containsExactly(0L, 1L, 3L, 4L);
    assertThat(result.records()).isEqualTo(4);
  }

  @Test
  void aPartlyFailedCallResendsOnlyTheFailedEntriesInOrder() {
    firehose.queue(new FirehoseStandIn.FailEntries(Set.of(1, 3, 4), "ServiceUnavailableException"),
        new FirehoseStandIn.FailEntries(Set.of(1), "InternalFailure"));

    Delivery result = delivery.send(PARTITION, rows(0, 6, 10));

    List<List<Long>> calls = firehose.calls().stream().map(c -> c.stream().map(TestRows::offsetOf).toList()).toList();
    assertThat(calls).containsExactly(List.of(0L, 1L, 2L, 3L, 4L, 5L), List.of(1L, 3L, 4L), List.of(3L));
    assertThat(deliveredOffsets()).containsExactly(0L, 2L, 5L, 1L, 4L, 3L);
    assertThat(result.records()).isEqualTo(6);
    assertThat(registry.get(FirehoseMetrics.FAILED_RECORDS).tag(FirehoseMetrics.ERROR_CODE,
        "ServiceUnavailableException").counter().count()).isEqualTo(3);
    assertThat(registry.get(FirehoseMetrics.FAILED_RECORDS).tag(FirehoseMetrics.ERROR_CODE, "InternalFailure")
        .counter().count()).isEqualTo(1);
    assertThat(registry.get(FirehoseMetrics.RETRIES).tag(FirehoseMetrics.REASON, "partial").counter().count())
        .isEqualTo(2);
    assertThat(registry.get(FirehoseMetrics.SENT_RECORDS).counter().count()).isEqualTo(6);
  }

  @Test
  void aLaterCallWaitsUntilEveryEntryOfTheEarlierOneIsAcknowledged() {
    firehose.queue(new FirehoseStandIn.FailEntries(Set.of(499), "ServiceUnavailableException"));

    delivery.send(PARTITION, rows(0, 600, 10));

    List<List<Long>> calls = firehose.calls().stream().map(c -> c.stream().map(TestRows::offsetOf).toList()).toList();
    assertThat(calls).extracting(List::size).containsExactly(500, 1, 100);
    assertThat(calls.get(1)).containsExactly(499L);
    assertThat(calls.get(2).get(0)).isEqualTo(500L);
  }

  @Test
  void throttlingIsRetriedWithGrowingJitteredPauses() {
    firehose.queue(new FirehoseStandIn.FailCall(503, "ServiceUnavailableException"),
        new FirehoseStandIn.FailCall(400, "ThrottlingException"),
        new FirehoseStandIn.FailCall(503, "ServiceUnavailableException"));

    Delivery result = delivery.send(PARTITION, rows(0, 3, 10));

    assertThat(firehose.calls()).hasSize(4).allSatisfy(c -> assertThat(c).hasSize(3));
    assertThat(result.records()).isEqualTo(3);
    assertThat(deliveredOffsets()).containsExactly(0L, 1L, 2L);
    assertThat(pauses).hasSize(3);
    assertThat(pauses.get(0)).isBetween(50L, 100L);
    assertThat(pauses.get(1)).isBetween(100L, 200L);
    assertThat(pauses.get(2)).isBetween(200L, 400L);
    assertThat(registry.get(FirehoseMetrics.RETRIES).tag(FirehoseMetrics.REASON, "throttled").counter().count())
        .isEqualTo(3);
  }

  @Test
  void aServerErrorIsRetried() {
    firehose.queue(new FirehoseStandIn.FailCall(500, "InternalFailure"));

    Delivery result = delivery.send(PARTITION, rows(0, 2, 10));

    assertThat(firehose.calls()).hasSize(2);
    assertThat(result.records()).isEqualTo(2);
    assertThat(registry.get(FirehoseMetrics.RETRIES).tag(FirehoseMetrics.REASON, "server_error").counter().count())
        .isEqualTo(1);
  }

  @Test
  void throttlingThatOutlastsTheRetriesIsBackPressureNotLoss() {
    for (int i = 0; i < 4; i++) {
      firehose.queue(new FirehoseStandIn.FailCall(503, "ServiceUnavailableException"));
    }

    assertThatThrownBy(() -> delivery.send(PARTITION, rows(0, 2, 10)))
        .isInstanceOf(FirehoseException.Unavailable.class)
        .hasMessageContaining("Cannot deliver to Firehose stream tributary-orders (from orders/0): 2 records still "
            + "failing after 3 retries")
        .hasMessageContaining("ServiceUnavailableException");
    assertThat(firehose.calls()).hasSize(4);
    assertThat(firehose.delivered()).isEmpty();
  }

  @Test
  void aRefusalIsNotRetried() {
    firehose.queue(new FirehoseStandIn.FailCall(400, "ResourceNotFoundException"));

    assertThatThrownBy(() -> delivery.send(PARTITION, rows(0, 2, 10)))
        .isInstanceOf(FirehoseException.Rejected.class)
        .hasMessageContaining("Cannot send to Firehose stream tributary-orders (from orders/0): "
            + "ResourceNotFoundException")
        .extracting(e -> ((FirehoseException) e).errorCode()).isEqualTo("ResourceNotFoundException");
    assertThat(firehose.calls()).hasSize(1);
    assertThat(pauses).isEmpty();
  }

  @Test
  void rowsOfTwoDatasetsGoToTheirOwnStreamsInOrder() {
    List<io.tributary.firehose.ShapedRow> rows = new ArrayList<>();
    io.tributary.schema.DatasetSchema clicks = TestRows.schema("clicks");
    for (long offset = 0; offset < 6; offset++) {
      rows.add(TestRows.row(offset % 2 == 0 ? TestRows.SCHEMA : clicks, offset, 5));
    }

    delivery.send(PARTITION, rows);

    assertThat(firehose.requests()).extracting(r -> r.deliveryStreamName())
        .containsExactly("tributary-orders", "tributary-clicks");
    assertThat(firehose.calls().get(0)).extracting(TestRows::offsetOf).containsExactly(0L, 2L, 4L);
    assertThat(firehose.calls().get(1)).extracting(TestRows::offsetOf).containsExactly(1L, 3L, 5L);
  }

  private List<Long> deliveredOffsets() {
    return firehose.delivered().stream().map(TestRows::offsetOf).toList();
  }
}
