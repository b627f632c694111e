package io.tributary.kafka;

import java.util.OptionalInt;

/**
 * How many records Kafka Streams may queue per source partition ({@code buffered.records.per.partition}) before it
 * pauses the partition. Kafka's 1,000 is made for low-latency processing: the consumer fetches again only once the
 * queue falls below it, so a thread that lands a small event in a few microseconds drains the queue before the next
 * fetch returns and waits on every round trip (the end-to-end profile had the stream threads in {@code EPoll.wait}
 * about 40% of the time). A deeper queue keeps a fetch in flight while the thread works; its memory is bounded by a
 * share of the heap, assuming 1 KiB a record, divided among every partition of the source's topics (all of them
 * could be this instance's): {@value #HEAP_SHARE_PERCENT}% of the heap, between {@value #MIN_RECORDS} (Kafka's own
 * default) and {@value #MAX_RECORDS} records a partition.
 */
final class InputQueue {
  static final int MIN_RECORDS = 1_000;
  static final int MAX_RECORDS = 10_000;
  static final int HEAP_SHARE_PERCENT = 10;
  private static final long ASSUMED_RECORD_BYTES = 1024;

  private InputQueue() {}

  /**
   * Records a partition may queue, for a heap of {@code maxHeapBytes} and {@code partitions} partitions in the
   * source's topics; Kafka's default when the count is unknown.
   */
  static int recordsPerPartition(long maxHeapBytes, OptionalInt partitions) {
    if (partitions.isEmpty() || partitions.getAsInt() <= 0) {
      return MIN_RECORDS;
    }
    long share = maxHeapBytes / 100 * HEAP_SHARE_PERCENT;
    long records = share / (partitions.getAsInt() * ASSUMED_RECORD_BYTES);
    return (int) Math.max(MIN_RECORDS, Math.min(MAX_RECORDS, records));
  }
}
