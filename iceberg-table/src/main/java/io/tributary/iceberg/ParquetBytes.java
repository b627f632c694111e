package io.tributary.iceberg;

import java.io.ByteArrayInputStream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A Parquet file held in memory, as parquet-java reads it without Hadoop: an {@link InputFile} over its bytes and
 * read options on a {@link PlainParquetConfiguration}. Used to describe a data file from its footer and, by table
 * maintenance, to read its rows back.
 */
public final class ParquetBytes {
  private ParquetBytes() {}

  /** The file of {@code bytes}; each stream is independent and seekable. */
  public static InputFile inputFile(byte[] bytes) {
    return new InputFile() {
      @Override
      public long getLength() {
        return bytes.length;
      }

      @Override
      public SeekableInputStream newStream() {
        Bytes in = new Bytes(bytes);
        return new DelegatingSeekableInputStream(in) {
          @Override
          public long getPos() {
            return in.position();
          }

          @Override
          public void seek(long newPos) {
            in.seek(newPos);
          }
        };
      }
    };
  }

  /** Read options with no Hadoop configuration and the whole footer (no row group filtered out). */
  public static ParquetReadOptions readOptions() {
    return ParquetReadOptions.builder(new PlainParquetConfiguration())
        .withMetadataFilter(ParquetMetadataConverter.NO_FILTER).build();
  }

  private static final class Bytes extends ByteArrayInputStream {
    Bytes(byte[] bytes) {
      super(bytes);
    }

    long position() {
      return pos;
    }

    void seek(long newPos) {
      if (newPos < 0 || newPos > count) {
        throw new IllegalArgumentException("Cannot seek to " + newPos + " of " + count + " bytes");
      }
      pos = (int) newPos;
    }
  }
}
