/**
 * Parquet encoding of shaped rows, with no Hadoop at run time.
 *
 * <p>Every Parquet type (and every Hadoop type Parquet's signatures name) stays inside this package: the rest of the
 * engine hands over a {@link io.tributary.schema.DatasetSchema} and {@code Object[]} rows and gets bytes back.
 * Parquet's writer is driven through {@link org.apache.parquet.conf.PlainParquetConfiguration}, our own
 * {@link io.tributary.parquet.HadoopFreeCodecFactory} and {@link org.apache.parquet.io.OutputFile}, the three seams
 * through which parquet-hadoop would otherwise reach for Hadoop's {@code Configuration}, codecs and file systems.
 */
package io.tributary.parquet;
