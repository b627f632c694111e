package org.apache.parquet;

import io.tributary.parquet.HadoopFreeCodecFactory;
import java.util.HashMap;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;

/**
 * Read options that never load a Hadoop class. {@code ParquetReadOptions.builder(...)} always builds Hadoop's codec
 * factory in its constructor ({@code HadoopCodecs.newFactory}, parquet-java 1.18.1), which fails in the service jar
 * (no Hadoop: {@code NoClassDefFoundError ZlibCompressor}); the options' own constructor is package-private, so this
 * one class sits in parquet's package to call it with {@link HadoopFreeCodecFactory} (zstd-jni, snappy-java).
 * The values are the builder's defaults. Tested in a JVM without Hadoop (HadoopFreeReadOptionsTest).
 */
public final class HadoopFreeReadOptions {
  /** The builder's default largest single allocation while reading, 8 MiB. */
  private static final int MAX_ALLOCATION = 8 * 1024 * 1024;

  private HadoopFreeReadOptions() {}

  /** Options reading the whole footer (no row group filtered out), Hadoop-free codecs, heap buffers. */
  public static ParquetReadOptions create() {
    return new ParquetReadOptions(false, true, true, true, true, false, true, false, false, FilterCompat.NOOP,
        ParquetMetadataConverter.NO_FILTER, new HadoopFreeCodecFactory(), new HeapByteBufferAllocator(),
        MAX_ALLOCATION, new HashMap<>(), null, null, new PlainParquetConfiguration());
  }
}
