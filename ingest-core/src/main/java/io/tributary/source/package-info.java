/**
 * The source API: everything a source adapter (Kafka, Kinesis) uses of ingest-core. The record it hands over
 * ({@link io.tributary.source.SourceRecord}), its partition ({@link io.tributary.source.SourcePartition}) and
 * position ({@link io.tributary.source.Position}), the landing layer it hands records to
 * ({@link io.tributary.source.SourceLanding}), the checkpoint rule ({@link io.tributary.source.DurableCheckpoint}),
 * lag ({@link io.tributary.source.LagTracker}), and what the service sees of it ({@link io.tributary.source.Source},
 * {@link io.tributary.source.GracefulStop}). Adapters import nothing else from ingest-core's landing, commit or
 * buffer packages.
 */
package io.tributary.source;
