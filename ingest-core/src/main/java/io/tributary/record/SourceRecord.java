package io.tributary.record;

import java.util.List;
import java.util.Objects;

/**
 * One record as a source hands it over, before anything is known about its content.
 *
 * <p>Source-neutral: a Kafka record maps {@code stream} to its topic, {@code partition} to the partition number and
 * {@code position} to the offset; a Kinesis record maps them to the stream name, the shard id and the sequence
 * number. The position is a string because Kinesis sequence numbers do not fit in 64 bits.
 *
 * @param stream the topic or stream name, never blank
 * @param partition the partition or shard, never blank
 * @param position the offset or sequence number, never blank
 * @param key the record key, may be null
 * @param headers the record headers, never null (may be empty)
 * @param timestampMillis the source timestamp in epoch milliseconds
 * @param value the payload bytes, never null (may be empty, which is a decode error later)
 */
public record SourceRecord(
    String stream,
    String partition,
    String position,
    byte[] key,
    List<Header> headers,
    long timestampMillis,
    byte[] value) {

  public SourceRecord {
    requireNonBlank(stream, "stream");
    requireNonBlank(partition, "partition");
    requireNonBlank(position, "position");
    headers = List.copyOf(Objects.requireNonNull(headers, "headers may not be null"));
    Objects.requireNonNull(value, "value may not be null");
  }

  /** A record with no key and no headers: what tests and file backfills produce. */
  public static SourceRecord of(String stream, String partition, String position, long timestampMillis, byte[] value) {
    return new SourceRecord(stream, partition, position, null, List.of(), timestampMillis, value);
  }

  private static void requireNonBlank(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Invalid source record: " + name + " may not be null or blank");
    }
  }

  /** A record header; the value may be null, as Kafka allows. */
  public record Header(String key, byte[] value) {
    public Header {
      Objects.requireNonNull(key, "header key may not be null");
    }
  }
}
