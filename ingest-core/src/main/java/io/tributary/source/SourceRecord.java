package io.tributary.source;

import java.util.List;
import java.util.Objects;

/**
 * One record as a source hands it over, before anything is known about its content.
 *
 * <p>Source-neutral: a Kafka record maps {@code stream} to its topic, {@code partition} to the partition number and
 * {@code position} to the offset; a Kinesis record maps them to the stream name, the shard id and the sequence
 * number (see {@link Position}).
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
    Position position,
    byte[] key,
    List<Header> headers,
    long timestampMillis,
    byte[] value) {

  public SourceRecord {
    requireNonBlank(stream, "stream");
    requireNonBlank(partition, "partition");
    Objects.requireNonNull(position, "position may not be null");
    headers = List.copyOf(Objects.requireNonNull(headers, "headers may not be null"));
    Objects.requireNonNull(value, "value may not be null");
  }

  /** A record with no key and no headers: what tests and file backfills produce. */
  public static SourceRecord of(String stream, String partition, String position, long timestampMillis, byte[] value) {
    return new SourceRecord(stream, partition, Position.parse(position), null, List.of(), timestampMillis, value);
  }

  /** The source partition this record belongs to. */
  public SourcePartition sourcePartition() {
    return new SourcePartition(stream, partition);
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
