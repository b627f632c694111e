package io.tributary.parquet;

import java.util.Locale;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** The page compression of a Parquet file. ZSTD is the default; Snappy for readers or budgets that want it. */
public enum Compression {
  ZSTD("zstd", CompressionCodecName.ZSTD),
  SNAPPY("snappy", CompressionCodecName.SNAPPY),
  UNCOMPRESSED("none", CompressionCodecName.UNCOMPRESSED);

  private final String configName;
  private final CompressionCodecName codecName;

  Compression(String configName, CompressionCodecName codecName) {
    this.configName = configName;
    this.codecName = codecName;
  }

  /** The name used in configuration: {@code zstd}, {@code snappy} or {@code none}. */
  public String configName() {
    return configName;
  }

  /** Parquet's name for the codec, as written in the file's metadata. */
  CompressionCodecName codecName() {
    return codecName;
  }

  /**
   * The compression named {@code value} in configuration, ignoring case.
   *
   * @throws IllegalArgumentException when the name is null or not one of {@code zstd}, {@code snappy}, {@code none}
   */
  public static Compression fromConfig(String value) {
    if (value != null) {
      String name = value.trim().toLowerCase(Locale.ROOT);
      for (Compression compression : values()) {
        if (compression.configName.equals(name)) {
          return compression;
        }
      }
    }
    throw new IllegalArgumentException(
        "Invalid compression: " + value + ": allowed values are zstd, snappy, none");
  }
}
