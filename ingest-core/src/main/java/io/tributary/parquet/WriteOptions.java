package io.tributary.parquet;

import io.tributary.config.CoreKeys;
import java.util.Objects;

/**
 * How a Parquet file is written.
 *
 * @param compression the page compression; may not be null
 * @param rowGroupBytes the target size of a row group in bytes, before Parquet flushes it to the output; at least
 *     {@link #MIN_PAGE_BYTES} and at least {@code pageBytes}
 * @param pageBytes the target size of a data page in bytes; from {@link #MIN_PAGE_BYTES} to {@link #MAX_PAGE_BYTES}
 */
public record WriteOptions(Compression compression, long rowGroupBytes, int pageBytes) {

  /** The default row group size: 64 MiB, large enough for efficient scans and small enough to buffer per file. */
  public static final long DEFAULT_ROW_GROUP_BYTES = 64L * 1024 * 1024;
  /** The default page size: 1 MiB, Parquet's own default. */
  public static final int DEFAULT_PAGE_BYTES = 1024 * 1024;
  /** Below this, per-page headers and statistics dominate the file. */
  public static final int MIN_PAGE_BYTES = 1024;
  /** Above this, a reader must hold very large pages in memory to read a single value. */
  public static final int MAX_PAGE_BYTES = 64 * 1024 * 1024;

  public WriteOptions {
    Objects.requireNonNull(compression, "compression may not be null");
    if (pageBytes < MIN_PAGE_BYTES || pageBytes > MAX_PAGE_BYTES) {
      throw new IllegalArgumentException("Invalid page size: " + pageBytes + " bytes: must be from "
          + MIN_PAGE_BYTES + " to " + MAX_PAGE_BYTES);
    }
    if (rowGroupBytes < pageBytes) {
      throw new IllegalArgumentException("Invalid row group size: " + rowGroupBytes
          + " bytes: must be at least the page size (" + pageBytes + " bytes)");
    }
  }

  /** {@code parquet.compression}'s default (ZSTD), 64 MiB row groups, 1 MiB pages. */
  public static WriteOptions defaults() {
    return new WriteOptions(Compression.fromConfig(CoreKeys.PARQUET_COMPRESSION.byDefault()), DEFAULT_ROW_GROUP_BYTES,
        DEFAULT_PAGE_BYTES);
  }

  /** A copy with {@code newCompression}. */
  public WriteOptions withCompression(Compression newCompression) {
    return new WriteOptions(newCompression, rowGroupBytes, pageBytes);
  }
}
