package io.tributary.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompressionAndOptionsTest {

  @ParameterizedTest
  @CsvSource({"zstd, ZSTD", "ZSTD, ZSTD", "Snappy, SNAPPY", "snappy, SNAPPY", "none, UNCOMPRESSED",
      "' NONE ', UNCOMPRESSED"})
  void configNamesAreAcceptedInAnyCase(String name, Compression expected) {
    assertThat(Compression.fromConfig(name)).isEqualTo(expected);
  }

  @Test
  void unknownCompressionNameIsRejectedListingTheAllowedValues() {
    assertThatThrownBy(() -> Compression.fromConfig("gzip"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid compression: gzip: allowed values are zstd, snappy, none");
    assertThatThrownBy(() -> Compression.fromConfig("uncompressed"))
        .hasMessageContaining("allowed values are zstd, snappy, none");
    assertThatThrownBy(() -> Compression.fromConfig(null)).hasMessageContaining("Invalid compression: null");
  }

  @Test
  void configNameRoundTripsAndMapsToParquetsCodec() {
    for (Compression compression : Compression.values()) {
      assertThat(Compression.fromConfig(compression.configName())).isEqualTo(compression);
    }
    assertThat(Compression.ZSTD.codecName()).isEqualTo(CompressionCodecName.ZSTD);
    assertThat(Compression.UNCOMPRESSED.codecName()).isEqualTo(CompressionCodecName.UNCOMPRESSED);
  }

  @Test
  void defaultsAreZstdWith64MibRowGroupsAnd1MibPages() {
    assertThat(WriteOptions.defaults())
        .isEqualTo(new WriteOptions(Compression.ZSTD, 64L * 1024 * 1024, 1024 * 1024));
  }

  @Test
  void invalidSizesAndMissingCompressionAreRejected() {
    assertThatThrownBy(() -> new WriteOptions(null, 1 << 20, 1 << 20))
        .isInstanceOf(NullPointerException.class).hasMessage("compression may not be null");
    assertThatThrownBy(() -> new WriteOptions(Compression.ZSTD, 1 << 20, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid page size: 10 bytes: must be from 1024 to 67108864");
    assertThatThrownBy(() -> new WriteOptions(Compression.ZSTD, 1 << 20, 128 * 1024 * 1024))
        .hasMessageContaining("Invalid page size");
    assertThatThrownBy(() -> new WriteOptions(Compression.ZSTD, 4096, 8192))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid row group size: 4096 bytes: must be at least the page size (8192 bytes)");
  }

  @Test
  void withCompressionKeepsTheSizes() {
    WriteOptions options = new WriteOptions(Compression.ZSTD, 1 << 22, 1 << 16).withCompression(Compression.SNAPPY);

    assertThat(options).isEqualTo(new WriteOptions(Compression.SNAPPY, 1 << 22, 1 << 16));
  }
}
