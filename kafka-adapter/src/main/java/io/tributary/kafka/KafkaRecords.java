package io.tributary.kafka;

import io.tributary.source.Position;
import io.tributary.source.SourcePartition;
import io.tributary.source.SourceRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Kafka coordinates in the landing layer's source-neutral terms. */
final class KafkaRecords {

  private static final byte[] EMPTY = new byte[0];

  private KafkaRecords() {}

  static SourcePartition partitionOf(TopicPartition tp) {
    return new SourcePartition(tp.topic(), Integer.toString(tp.partition()));
  }

  /** A Kafka record as the landing layer takes it; a tombstone (null value) becomes an empty payload. */
  static SourceRecord toSourceRecord(String topic, int partition, long offset, byte[] key, Headers headers,
      long timestampMillis, byte[] value) {
    List<SourceRecord.Header> converted = List.of();
    if (headers != null) {
      Header[] all = headers.toArray();
      if (all.length > 0) {
        converted = new ArrayList<>(all.length);
        for (Header header : all) {
          converted.add(new SourceRecord.Header(header.key(), header.value()));
        }
      }
    }
    return new SourceRecord(topic, Integer.toString(partition), Position.of(offset), key, converted,
        timestampMillis, value == null ? EMPTY : value);
  }

  /** The offset Kafka commits for a checkpoint: the next one to read. */
  static Optional<Position> nextOffset(Optional<Position> checkpoint) {
    return checkpoint.map(Position::after);
  }
}
