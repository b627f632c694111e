package io.tributary.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputDecompressor;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HadoopFreeCodecFactoryTest {
  private static final byte[] PAGE = "page of repetitive values, ".repeat(2_000).getBytes(StandardCharsets.UTF_8);

  /** Varied enough that compression levels make a difference. */
  private static final byte[] VARIED_PAGE = variedPage();

  private final HadoopFreeCodecFactory factory = new HadoopFreeCodecFactory();

  private static byte[] variedPage() {
    Random random = new Random(42);
    StringBuilder text = new StringBuilder();
    while (text.length() < 200_000) {
      text.append("user-").append(random.nextInt(5_000)).append(random.nextBoolean() ? " clicked " : " viewed ")
          .append(Long.toHexString(random.nextLong() & 0xFFFFFL)).append('\n');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  @AfterEach
  void release() {
    factory.release();
  }

  @ParameterizedTest
  @EnumSource(value = CompressionCodecName.class, names = {"ZSTD", "SNAPPY", "UNCOMPRESSED"})
  void compressedPagesDecompressToTheOriginalBytes(CompressionCodecName codec) throws Exception {
    BytesInputCompressor compressor = factory.getCompressor(codec);
    BytesInput compressed = compressor.compress(BytesInput.from(PAGE));

    byte[] restored = factory.getDecompressor(codec).decompress(compressed, PAGE.length).toByteArray();

    assertThat(compressor.getCodecName()).isEqualTo(codec);
    assertThat(restored).isEqualTo(PAGE);
    if (codec != CompressionCodecName.UNCOMPRESSED) {
      assertThat(compressed.size()).isLessThan(PAGE.length / 10);
    }
  }

  @ParameterizedTest
  @EnumSource(value = CompressionCodecName.class, names = {"ZSTD", "SNAPPY", "UNCOMPRESSED"})
  void byteBufferDecompressionReadsAtThePositionsAndAdvancesBoth(CompressionCodecName codec) throws Exception {
    byte[] compressed = factory.getCompressor(codec).compress(BytesInput.from(PAGE)).toByteArray();
    ByteBuffer input = ByteBuffer.allocateDirect(compressed.length + 7);
    input.put(new byte[3]).put(compressed).put(new byte[4]).flip().position(3);
    ByteBuffer output = ByteBuffer.allocate(PAGE.length + 5).position(5);

    factory.getDecompressor(codec).decompress(input, compressed.length, output, PAGE.length);

    assertThat(input.position()).isEqualTo(3 + compressed.length);
    assertThat(output.position()).isEqualTo(5 + PAGE.length);
    byte[] restored = new byte[PAGE.length];
    output.flip().position(5);
    output.get(restored);
    assertThat(restored).isEqualTo(PAGE);
  }

  @Test
  void zstdLevelChangesTheOutputAndAnyLevelDecompresses() throws Exception {
    byte[] fast = factory.getCompressor(CompressionCodecName.ZSTD, 1).compress(BytesInput.from(VARIED_PAGE))
        .toByteArray();
    byte[] strong = factory.getCompressor(CompressionCodecName.ZSTD, 19).compress(BytesInput.from(VARIED_PAGE))
        .toByteArray();
    BytesInputDecompressor decompressor = factory.getDecompressor(CompressionCodecName.ZSTD);

    assertThat(strong.length).isLessThan(fast.length);
    assertThat(decompressor.decompress(BytesInput.from(fast), VARIED_PAGE.length).toByteArray())
        .isEqualTo(VARIED_PAGE);
    assertThat(decompressor.decompress(BytesInput.from(strong), VARIED_PAGE.length).toByteArray())
        .isEqualTo(VARIED_PAGE);
  }

  @Test
  void compressedBytesStayValidAfterTheNextPageIsCompressed() throws Exception {
    BytesInputCompressor compressor = factory.getCompressor(CompressionCodecName.ZSTD);
    BytesInput first = compressor.compress(BytesInput.from(PAGE));
    byte[] firstBytes = first.toByteArray();
    compressor.compress(BytesInput.from(new byte[PAGE.length]));

    assertThat(first.toByteArray()).isEqualTo(firstBytes);
  }

  @Test
  void wrongUncompressedSizeIsAnError() throws Exception {
    BytesInput compressed = factory.getCompressor(CompressionCodecName.SNAPPY).compress(BytesInput.from(PAGE));

    assertThatThrownBy(() -> factory.getDecompressor(CompressionCodecName.SNAPPY)
        .decompress(compressed, PAGE.length + 1))
        .hasMessageContaining("Invalid SNAPPY page");
  }

  @Test
  void unsupportedCodecsAndLevelsAreRejected() {
    assertThatThrownBy(() -> factory.getCompressor(CompressionCodecName.GZIP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid compression codec: GZIP: supported are ZSTD, SNAPPY, UNCOMPRESSED");
    assertThatThrownBy(() -> factory.getDecompressor(CompressionCodecName.LZ4_RAW))
        .hasMessageContaining("Invalid compression codec: LZ4_RAW");
    assertThatThrownBy(() -> new HadoopFreeCodecFactory(99))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid ZSTD level: 99: must be from");
  }
}
