package io.tributary.kafka;

import io.tributary.source.SourceLanding;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Hands each record, with its topic, partition and offset, to the landing layer. Forwards nothing. */
final class LandingProcessor implements Processor<byte[], byte[], Void, Void> {

  private final SourceLanding landing;
  private ProcessorContext<Void, Void> context;

  LandingProcessor(SourceLanding landing) {
    this.landing = landing;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    RecordMetadata source = context.recordMetadata()
        .orElseThrow(() -> new IllegalStateException("A record without topic, partition and offset"));
    landing.accept(KafkaRecords.toSourceRecord(source.topic(), source.partition(), source.offset(), record.key(),
        record.headers(), record.timestamp(), record.value()));
  }
}
