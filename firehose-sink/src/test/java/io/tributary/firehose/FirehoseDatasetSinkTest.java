package io.tributary.firehose;

import static io.tributary.firehose.TestRows.PARTITION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.buffer.RowBuffer;
import io.tributary.catalog.CatalogSync;
import io.tributary.commit.DurableRange;
import io.tributary.commit.EncodedFile;
import io.tributary.commit.RolledRows;
import io.tributary.firehose.seam.FirehoseDatasetSink;
import io.tributary.schema.DatasetSchema;
import io.tributary.store.StoreException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The landing's seam to Firehose: a rolled buffer's rows are sent (with their own positions and event times) when
 * the flush writes, nothing is published, and Firehose's failures become store failures the landing knows: retryable
 * (the flush is held and retried with the same rows) or not.
 */
class FirehoseDatasetSinkTest {
  private FirehoseStandIn firehose;
  private FirehoseDatasetSink sink;

  @BeforeEach
  void start() throws Exception {
    firehose = new FirehoseStandIn();
    sink = new FirehoseDatasetSink(delivery());
  }

  private FirehoseDelivery delivery() {
    return new FirehoseDelivery(firehose.client(), new DeliveryStreams("raw-{dataset}"),
        new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(1), 1), millis -> { },
        new FirehoseMetrics(new SimpleMeterRegistry()));
  }

  @AfterEach
  void stop() {
    firehose.close();
  }

  @Test
  void theRowsOfABufferAreSentWithTheirOwnPositionsAndEventTimesAndNothingIsPublished() {
    EncodedFile file = sink.encode(rolled(10, 15));

    assertThat(sink.write(PARTITION, file)).isEmpty();

    assertThat(firehose.requests()).singleElement()
        .satisfies(r -> assertThat(r.deliveryStreamName()).isEqualTo("raw-orders"));
    assertThat(firehose.delivered()).extracting(TestRows::offsetOf).containsExactly(10L, 11L, 12L, 13L, 14L);
    assertThat(firehose.delivered().get(4)).contains("\"_event_time\":\"2025-11-21 06:00:05.500000\"");
    assertThat(file.records()).isEqualTo(5);
  }

  @Test
  void aThrottledSendIsARetryableStoreFailureAndTheRetriedWriteSendsTheSameRows() {
    firehose.queue(new FirehoseStandIn.FailCall(400, "ThrottlingException"),
        new FirehoseStandIn.FailCall(400, "ThrottlingException"));
    EncodedFile file = sink.encode(rolled(0, 3));

    assertThatThrownBy(() -> sink.write(PARTITION, file)).isInstanceOfSatisfying(StoreException.class,
        e -> assertThat(e.retryable()).isTrue()).hasMessageContaining("Cannot send 3 rows of");
    assertThat(firehose.delivered()).isEmpty();

    assertThat(sink.write(PARTITION, file)).isEmpty();
    assertThat(firehose.delivered()).extracting(TestRows::offsetOf).containsExactly(0L, 1L, 2L);
  }

  @Test
  void aMissingStreamIsAStoreFailureThatIsNotRetried() {
    firehose.queue(new FirehoseStandIn.FailCall(400, "ResourceNotFoundException"));

    assertThatThrownBy(() -> sink.write(PARTITION, sink.encode(rolled(0, 2))))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining("raw-orders");
  }

  @Test
  void rowsWaitUntilTheCatalogsTableHasTheirSchemaVersion() {
    AtomicInteger asked = new AtomicInteger();
    CatalogSync glue = catalog(() -> asked.incrementAndGet() > 3);
    FirehoseDatasetSink waiting = new FirehoseDatasetSink(delivery(), glue, Duration.ofSeconds(30));

    assertThat(waiting.write(PARTITION, waiting.encode(rolled(0, 2)))).isEmpty();

    assertThat(asked.get()).isEqualTo(4);
    assertThat(firehose.delivered()).hasSize(2);
  }

  @Test
  void aTableThatNeverCatchesUpHoldsTheFlushAndSendsNothing() {
    CatalogSync behind = catalog(() -> false);
    FirehoseDatasetSink held = new FirehoseDatasetSink(delivery(), behind, Duration.ofMillis(300));

    assertThatThrownBy(() -> held.write(PARTITION, held.encode(rolled(0, 2))))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageContaining("does not have schema version");
    assertThat(firehose.requests()).isEmpty();
  }

  @Test
  void aRowOverFirehosesLimitStopsTheFlushInsteadOfBeingDropped() {
    EncodedFile file = sink.encode(rolled(0, 3, 1_100 * 1024));

    assertThatThrownBy(() -> sink.write(PARTITION, file))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining("Cannot send a row of orders at 0 of")
        .hasMessageContaining("limits.max-record-bytes");
  }

  /** Rows of offsets {@code from..to-1}, event time one second apart, as the landing rolls them. */
  private static RolledRows rolled(long from, long to) {
    return rolled(from, to, 4);
  }

  private static RolledRows rolled(long from, long to, int padChars) {
    RowBuffer buffer = new RowBuffer(0);
    List<ShapedRow> rows = TestRows.rows(from, to, padChars);
    for (int i = 0; i < rows.size(); i++) {
      ShapedRow row = rows.get(i);
      buffer.append(row.schema(), row.row(), row.position(), 0, TestRows.EVENT_MICROS + i * 1_000_000L);
    }
    return RolledRows.of(new DurableRange("lake/orders", buffer.firstPosition(), buffer.lastPosition()), buffer);
  }

  /** A catalog whose table holds a schema version when {@code holds} says so. */
  private static CatalogSync catalog(BooleanSupplier holds) {
    return new CatalogSync() {
      @Override
      public void schemaPublished(DatasetSchema schema) {}

      @Override
      public void filesCommitted(DatasetSchema schema) {}

      @Override
      public boolean holds(DatasetSchema schema) {
        return holds.getAsBoolean();
      }

      @Override
      public void close() {}
    };
  }
}
