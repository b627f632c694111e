/**
 * The connection of the Firehose delivery to the landing's per-dataset seam ({@code io.tributary.commit.DatasetSink}):
 * the one package of firehose-sink that sees the landing's types (commits, buffers, store failures); the delivery
 * ({@code io.tributary.firehose}) stays free of them.
 */
package io.tributary.firehose.seam;
