/**
 * Firehose delivery: the shaped rows of the datasets whose sink is {@code firehose}, as JSON lines
 * ({@link io.tributary.firehose.ShapedRowJson}), sent to an Amazon Data Firehose stream with {@code PutRecordBatch}
 * ({@link io.tributary.firehose.FirehoseDelivery}) behind a small interface the landing calls
 * ({@link io.tributary.firehose.FirehoseSink}). At least once: a row is acknowledged only when Firehose accepted it,
 * and Firehose itself may write a row twice.
 */
package io.tributary.firehose;
