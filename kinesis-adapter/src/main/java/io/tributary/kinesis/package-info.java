/**
 * The Kinesis source on KCL 3: {@link io.tributary.kinesis.KinesisSource} runs a KCL scheduler whose shard
 * processors hand records to the landing layer and checkpoint only durable positions
 * ({@link io.tributary.kinesis.KinesisPositions} maps sequence and sub-sequence numbers to landing positions).
 */
package io.tributary.kinesis;
