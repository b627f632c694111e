package io.tributary.iceberg;

import java.io.ByteArrayInputStream;
import org.apache.parquet.HadoopFreeReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A Parquet file held in memory, as parquet-java reads it without Hadoop: an {@link InputFile} over its bytes and
 * read options with no Hadoop configuration or codec. Used to describe a data file from its footer and, by table
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
    // Not ParquetReadOptions.builder: it loads Hadoop's codecs, absent from the service jar.
    return HadoopFreeReadOptions.create();
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
