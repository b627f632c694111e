/**
 * The Kafka source: a Kafka Streams application whose processor hands every record to
 * {@link io.tributary.source.SourceLanding}, and whose main consumer ({@link io.tributary.kafka.GatedConsumer}) never
 * commits an offset past a record the landing layer has not made durable. No landing logic lives here.
 */
package io.tributary.kafka;
