package io.tributary.firehose;

import io.tributary.firehose.RecordBatches.Line;
import io.tributary.source.SourcePartition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchRequest;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponseEntry;
import software.amazon.awssdk.services.firehose.model.Record;

/**
 * {@link FirehoseSink} over {@code PutRecordBatch}. The rows of a send are encoded ({@link ShapedRowJson}), grouped
 * by delivery stream in order, and cut into calls within Firehose's limits ({@link RecordBatches}); rows over the
 * record limit are returned, not sent.
 *
 * <p>Order: a call is made only when every entry of the one before it was acknowledged, so the rows of a source
 * partition reach Firehose in order across calls. Within a call, Firehose answers per entry; the failed entries are
 * sent again, in their order, in a call of their own (after a pause), so a failed row can land after rows that came
 * after it in the same call, never after rows of a later call. Firehose keeps no order of its own beyond that (it
 * buffers and writes files by time and size), so readers order by {@code _offset}, not by file.
 *
 * <p>Retries are this class's alone: the client is built with the SDK's retries off ({@link FirehoseClients}), so a
 * throttled or failed call is counted and paced here ({@link RetryPolicy}), and a call that keeps failing holds the
 * caller (back-pressure) rather than the SDK's thread. Not thread-safe per source partition: one send at a time for
 * a partition; sends of different partitions may run at once.
 */
public final class FirehoseDelivery implements FirehoseSink {
  /** The error code counted when Firehose's answer does not list one entry per record sent. */
  static final String UNMATCHED = "UnmatchedResponse";

  private final FirehoseClient client;
  private final DeliveryStreams streams;
  private final RetryPolicy retry;
  private final RetryPolicy.Pause pause;
  private final FirehoseMetrics metrics;

  /**
   * @param client the Firehose client, with the SDK's retries off ({@link FirehoseClients#create}); closed by
   *     {@link #close()}
   * @param streams the delivery stream of each dataset
   * @param retry how failed calls are retried
   * @param pause how to wait between attempts ({@code Thread::sleep})
   * @param metrics where to count
   */
  public FirehoseDelivery(FirehoseClient client, DeliveryStreams streams, RetryPolicy retry, RetryPolicy.Pause pause,
      FirehoseMetrics metrics) {
    this.client = Objects.requireNonNull(client, "client may not be null");
    this.streams = Objects.requireNonNull(streams, "streams may not be null");
    this.retry = Objects.requireNonNull(retry, "retry may not be null");
    this.pause = Objects.requireNonNull(pause, "pause may not be null");
    this.metrics = Objects.requireNonNull(metrics, "metrics may not be null");
  }

  @Override
  public Delivery send(SourcePartition partition, List<ShapedRow> rows) {
    Objects.requireNonNull(partition, "partition may not be null");
    List<Delivery.Oversize> oversize = new ArrayList<>();
    Map<String, List<Line>> byStream = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      ShapedRow row = rows.get(i);
      byte[] json = ShapedRowJson.encode(row);
      if (json.length > RecordBatches.MAX_RECORD_BYTES) {
        oversize.add(new Delivery.Oversize(row, json.length));
      } else {
        byStream.computeIfAbsent(streams.of(row.dataset()), s -> new ArrayList<>()).add(new Line(i, json));
      }
    }
    int records = 0;
    long bytes = 0;
    for (Map.Entry<String, List<Line>> stream : byStream.entrySet()) {
      for (List<Line> batch : RecordBatches.split(stream.getValue())) {
        deliver(partition, stream.getKey(), batch);
        records += batch.size();
        bytes += bytes(batch);
      }
    }
    return new Delivery(records, bytes, oversize);
  }

  /** Sends one batch until every entry is acknowledged, or throws. */
  private void deliver(SourcePartition partition, String stream, List<Line> batch) {
    List<Line> pending = batch;
    int stalled = 0;
    while (true) {
      Answer answer;
      try {
        answer = put(stream, pending);
      } catch (SdkException e) {
        CallFailure failure = CallFailure.of(e);
        if (!failure.retryable()) {
          throw new FirehoseException.Rejected("Cannot send to Firehose stream " + stream + " (from " + partition
              + "): " + failure.code() + ": " + e.getMessage(), failure.code(), e);
        }
        answer = new Answer(pending, failure.code(), failure.reason(), e);
      }
      int acknowledged = pending.size() - answer.failed().size();
      if (acknowledged > 0) {
        metrics.sent(stream, acknowledged, bytes(pending) - bytes(answer.failed()));
        stalled = 0;
      }
      if (answer.failed().isEmpty()) {
        return;
      }
      if (++stalled > retry.attempts()) {
        throw new FirehoseException.Unavailable("Cannot deliver to Firehose stream " + stream + " (from "
            + partition + "): " + answer.failed().size() + " records still failing after " + retry.attempts()
            + " retries without progress (last: " + answer.code() + "); they stay at the source to be sent again",
            answer.code(), answer.error());
      }
      metrics.retry(stream, answer.reason());
      sleep(partition, stream, retry.pauseMillis(stalled, RandomGenerator.getDefault()));
      pending = answer.failed();
    }
  }

  /**
   * One PutRecordBatch call of {@code lines}: the entries Firehose failed, in order, with the last error code.
   *
   * @throws SdkException when the call as a whole failed
   */
  private Answer put(String stream, List<Line> lines) {
    List<Record> records = new ArrayList<>(lines.size());
    for (Line line : lines) {
      records.add(Record.builder().data(SdkBytes.fromByteArrayUnsafe(line.data())).build());
    }
    PutRecordBatchRequest request = PutRecordBatchRequest.builder().deliveryStreamName(stream).records(records)
        .build();
    long started = System.nanoTime();
    PutRecordBatchResponse response;
    try {
      response = client.putRecordBatch(request);
    } finally {
      metrics.call(stream, lines.size(), System.nanoTime() - started);
    }
    Integer failedCount = response.failedPutCount();
    if (failedCount == null || failedCount == 0) {
      return new Answer(List.of(), null, null, null);
    }
    List<PutRecordBatchResponseEntry> entries = response.requestResponses();
    if (entries.size() != lines.size()) {
      // Not an answer per entry: which ones failed is unknown, so all go again (duplicates are allowed, loss not).
      lines.forEach(line -> metrics.failed(stream, UNMATCHED));
      return new Answer(lines, UNMATCHED, FirehoseMetrics.PARTIAL, null);
    }
    List<Line> failed = new ArrayList<>(failedCount);
    String code = null;
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).errorCode() != null) {
        code = entries.get(i).errorCode();
        metrics.failed(stream, code);
        failed.add(lines.get(i));
      }
    }
    return new Answer(failed, code, FirehoseMetrics.PARTIAL, null);
  }

  private static long bytes(List<Line> lines) {
    long bytes = 0;
    for (Line line : lines) {
      bytes += line.data().length;
    }
    return bytes;
  }

  /**
   * What one attempt left to send.
   *
   * @param failed the entries to send again, in order
   * @param code the last error code, null when none failed
   * @param reason the retry reason for the metric
   * @param error the exception of a call that failed as a whole, else null
   */
  private record Answer(List<Line> failed, String code, String reason, SdkException error) {}

  private void sleep(SourcePartition partition, String stream, long millis) {
    try {
      pause.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FirehoseException.Unavailable("Cannot deliver to Firehose stream " + stream + " (from " + partition
          + "): interrupted while waiting to retry", null, e);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
