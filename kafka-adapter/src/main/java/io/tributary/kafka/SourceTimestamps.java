package io.tributary.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * The record's own timestamp; the wall clock for a record without one (old producers write -1). Kafka Streams'
 * default extractor would fail on those and its skipping one would lose them.
 */
final class SourceTimestamps implements TimestampExtractor {
  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    return record.timestamp() >= 0 ? record.timestamp() : System.currentTimeMillis();
  }
}
