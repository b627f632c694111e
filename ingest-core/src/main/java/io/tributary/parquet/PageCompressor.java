package io.tributary.parquet;

import java.io.IOException;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;

/** A page compressor that reads the page where it was encoded, with no copy of it first. */
interface PageCompressor extends BytesInputCompressor {
  /**
   * Compresses {@code page[0, length)} into bytes of their own, which the caller may keep: {@code page} may be
   * reused as soon as this returns.
   */
  BytesInput compress(byte[] page, int length) throws IOException;
}
