/**
 * Parquet encoding of shaped rows, with no Hadoop at run time.
 *
 * <p>Every Parquet type (and every Hadoop type Parquet's signatures name) stays inside this package: the rest of the
 * engine hands over a {@link io.tributary.schema.DatasetSchema} and {@code Object[]} rows and gets bytes back.
 * Pages are encoded by our own column chunks ({@link io.tributary.parquet.ColumnChunk}: levels, dictionaries,
 * statistics, compression through our own {@link io.tributary.parquet.HadoopFreeCodecFactory}); parquet-hadoop's
 * {@code ParquetFileWriter} lays them out in the file with the chunk statistics, column and offset indexes and the
 * footer, writing to an {@link org.apache.parquet.io.OutputFile}, so neither Hadoop's codecs nor its file systems are
 * reached for.
 */
package io.tributary.parquet;
