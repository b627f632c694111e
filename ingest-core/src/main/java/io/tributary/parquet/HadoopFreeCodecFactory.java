package io.tributary.parquet;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Page compression for Parquet through zstd-jni and snappy-java directly. Parquet's own {@code CodecFactory} goes
 * through Hadoop's codec classes and {@code Configuration}; this one never loads a Hadoop class.
 *
 * <p>One factory serves one writer: it is not thread-safe. Every column of the writer shares one compressor per
 * codec (the writer encodes columns one after another), so a wide schema costs one native ZSTD context, not one per
 * column; {@link #release()} frees it and is what {@code ParquetWriter.close()} calls.
 */
public final class HadoopFreeCodecFactory implements CompressionCodecFactory {

  /** ZSTD level 3: zstd's own default, a good ratio at several hundred MB/s per core. */
  public static final int DEFAULT_ZSTD_LEVEL = 3;

  private final int zstdLevel;
  private final Map<Integer, ZstdCompressor> zstdCompressors = new HashMap<>();

  /** A factory compressing ZSTD at {@link #DEFAULT_ZSTD_LEVEL}. */
  public HadoopFreeCodecFactory() {
    this(DEFAULT_ZSTD_LEVEL);
  }

  /**
   * A factory compressing ZSTD at {@code zstdLevel}.
   *
   * @throws IllegalArgumentException when the level is outside zstd's range
   */
  public HadoopFreeCodecFactory(int zstdLevel) {
    this.zstdLevel = checkZstdLevel(zstdLevel);
  }

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    return getCompressor(codec, zstdLevel);
  }

  /** {@inheritDoc} The level applies to ZSTD only: Snappy has none. */
  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec, int level) {
    return pageCompressor(codec, level);
  }

  /** The compressor of {@code codec}, at the factory's ZSTD level, reading pages where they were encoded. */
  PageCompressor pageCompressor(CompressionCodecName codec) {
    return pageCompressor(codec, zstdLevel);
  }

  private PageCompressor pageCompressor(CompressionCodecName codec, int level) {
    return switch (codec) {
      case UNCOMPRESSED -> PassThrough.INSTANCE;
      case SNAPPY -> SnappyCodec.INSTANCE;
      case ZSTD -> zstdCompressors.computeIfAbsent(checkZstdLevel(level), ZstdCompressor::new);
      default -> throw unsupported(codec);
    };
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    return switch (codec) {
      case UNCOMPRESSED -> PassThrough.INSTANCE;
      case SNAPPY -> SnappyCodec.INSTANCE;
      case ZSTD -> ZstdDecompressor.INSTANCE;
      default -> throw unsupported(codec);
    };
  }

  /** Frees the native ZSTD contexts. Compressors handed out before must not be used afterwards. */
  @Override
  public void release() {
    zstdCompressors.values().forEach(ZstdCompressor::close);
    zstdCompressors.clear();
  }

  private static int checkZstdLevel(int level) {
    if (level < Zstd.minCompressionLevel() || level > Zstd.maxCompressionLevel()) {
      throw new IllegalArgumentException("Invalid ZSTD level: " + level + ": must be from "
          + Zstd.minCompressionLevel() + " to " + Zstd.maxCompressionLevel());
    }
    return level;
  }

  private static IllegalArgumentException unsupported(CompressionCodecName codec) {
    return new IllegalArgumentException(
        "Invalid compression codec: " + codec + ": supported are ZSTD, SNAPPY, UNCOMPRESSED");
  }

  /**
   * Reads {@code compressedSize} bytes at the input's position and writes the result at the output's position,
   * advancing both, as Parquet's own decompressors do.
   */
  private static void decompressBuffers(BytesInputDecompressor decompressor, ByteBuffer input, int compressedSize,
      ByteBuffer output, int uncompressedSize) throws IOException {
    if (input.remaining() < compressedSize) {
      throw new IOException("Invalid compressed page: " + compressedSize + " bytes expected, "
          + input.remaining() + " available");
    }
    ByteBuffer slice = input.slice();
    slice.limit(compressedSize);
    output.put(decompressor.decompress(BytesInput.from(slice), uncompressedSize).toByteBuffer());
    input.position(input.position() + compressedSize);
  }

  private static IOException wrongSize(String codec, long actual, int expected) {
    return new IOException("Invalid " + codec + " page: decompressed to " + actual + " bytes, the page header says "
        + expected);
  }

  /** UNCOMPRESSED: the bytes as they are. */
  private enum PassThrough implements PageCompressor, BytesInputDecompressor {
    INSTANCE;

    @Override
    public BytesInput compress(BytesInput bytes) {
      return bytes;
    }

    @Override
    public BytesInput compress(byte[] page, int length) {
      return BytesInput.from(Arrays.copyOf(page, length));
    }

    @Override
    public CompressionCodecName getCodecName() {
      return CompressionCodecName.UNCOMPRESSED;
    }

    @Override
    public BytesInput decompress(BytesInput bytes, int uncompressedSize) {
      return bytes;
    }

    @Override
    public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
        throws IOException {
      decompressBuffers(this, input, compressedSize, output, uncompressedSize);
    }

    @Override
    public void release() {}
  }

  /** SNAPPY: Parquet uses the raw block format, not snappy's framing format. Stateless. */
  private enum SnappyCodec implements PageCompressor, BytesInputDecompressor {
    INSTANCE;

    @Override
    public BytesInput compress(BytesInput bytes) throws IOException {
      byte[] input = bytes.toByteArray();
      return compress(input, input.length);
    }

    @Override
    public BytesInput compress(byte[] page, int length) throws IOException {
      // A fresh array per page: the pages are kept until the row group is written.
      byte[] output = new byte[Snappy.maxCompressedLength(length)];
      int size = Snappy.compress(page, 0, length, output, 0);
      return BytesInput.from(output, 0, size);
    }

    @Override
    public CompressionCodecName getCodecName() {
      return CompressionCodecName.SNAPPY;
    }

    @Override
    public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
      byte[] input = bytes.toByteArray();
      byte[] output = new byte[uncompressedSize];
      int size = Snappy.uncompress(input, 0, input.length, output, 0);
      if (size != uncompressedSize) {
        throw wrongSize("SNAPPY", size, uncompressedSize);
      }
      return BytesInput.from(output);
    }

    @Override
    public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
        throws IOException {
      decompressBuffers(this, input, compressedSize, output, uncompressedSize);
    }

    @Override
    public void release() {}
  }

  /** ZSTD compression through one reused native context. */
  private static final class ZstdCompressor implements PageCompressor {
    /**
     * Where a thread's pages are compressed to before their bytes are copied out, exactly as long: kept while it is
     * at most {@value #MAX_KEPT_SCRATCH} bytes (a default 1 MiB page needs a little more than 1 MiB).
     */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[0]);
    private static final int MAX_KEPT_SCRATCH = 4 << 20;

    private final ZstdCompressCtx context;

    ZstdCompressor(int level) {
      this.context = new ZstdCompressCtx().setLevel(level);
    }

    @Override
    public BytesInput compress(BytesInput bytes) throws IOException {
      byte[] input = bytes.toByteArray();
      return compress(input, input.length);
    }

    @Override
    public BytesInput compress(byte[] page, int length) {
      int bound = Math.toIntExact(Zstd.compressBound(length));
      byte[] scratch = SCRATCH.get();
      if (scratch.length < bound) {
        scratch = new byte[bound];
        if (bound <= MAX_KEPT_SCRATCH) {
          SCRATCH.set(scratch);
        }
      }
      int size = context.compressByteArray(scratch, 0, bound, page, 0, length);
      // A fresh array per page: the pages are kept until the row group is written.
      return BytesInput.from(Arrays.copyOf(scratch, size));
    }

    @Override
    public CompressionCodecName getCodecName() {
      return CompressionCodecName.ZSTD;
    }

    /** A no-op: the compressor is shared by all columns and outlives each row group; the factory closes it. */
    @Override
    public void release() {}

    void close() {
      context.close();
    }
  }

  /** ZSTD decompression; stateless (a context per page is fine off the write path). */
  private enum ZstdDecompressor implements BytesInputDecompressor {
    INSTANCE;

    @Override
    public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
      byte[] input = bytes.toByteArray();
      byte[] output = new byte[uncompressedSize];
      long size = Zstd.decompressByteArray(output, 0, output.length, input, 0, input.length);
      if (Zstd.isError(size)) {
        throw new IOException("Invalid ZSTD page: " + Zstd.getErrorName(size));
      }
      if (size != uncompressedSize) {
        throw wrongSize("ZSTD", size, uncompressedSize);
      }
      return BytesInput.from(output);
    }

    @Override
    public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
        throws IOException {
      decompressBuffers(this, input, compressedSize, output, uncompressedSize);
    }

    @Override
    public void release() {}
  }
}
