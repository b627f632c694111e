package io.tributary.parquet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Objects;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * An {@link OutputFile} that collects the file's bytes in memory, for files small enough to upload in one request
 * and for tests. Holds one file: it can be created once, or overwritten.
 */
public final class InMemoryOutputFile implements OutputFile {
  private static final int INITIAL_CAPACITY = 64 * 1024;

  private final String name;
  private ByteArrayOutputStream buffer;

  /** An empty file called {@code memory}. */
  public InMemoryOutputFile() {
    this("memory");
  }

  /**
   * An empty file.
   *
   * @param name what {@link #getPath()} returns, for Parquet's messages; may not be null
   */
  public InMemoryOutputFile(String name) {
    this.name = Objects.requireNonNull(name, "name may not be null");
  }

  /** @throws IOException when the file was already created */
  @Override
  public PositionOutputStream create(long blockSizeHint) throws IOException {
    if (buffer != null) {
      throw new IOException("Invalid output: in-memory file " + name + " was already created");
    }
    return createOrOverwrite(blockSizeHint);
  }

  @Override
  public PositionOutputStream createOrOverwrite(long blockSizeHint) {
    buffer = new ByteArrayOutputStream(INITIAL_CAPACITY);
    return new Stream(buffer);
  }

  /** Parquet pads row groups to the block size only for block-based file systems; memory has no blocks. */
  @Override
  public boolean supportsBlockSize() {
    return false;
  }

  @Override
  public long defaultBlockSize() {
    return 0;
  }

  @Override
  public String getPath() {
    return name;
  }

  /** A copy of the bytes written so far; empty before the file is created. */
  public byte[] toByteArray() {
    return buffer == null ? new byte[0] : buffer.toByteArray();
  }

  /** The number of bytes written so far. */
  public long size() {
    return buffer == null ? 0 : buffer.size();
  }

  private static final class Stream extends PositionOutputStream {
    private final ByteArrayOutputStream buffer;

    Stream(ByteArrayOutputStream buffer) {
      this.buffer = buffer;
    }

    @Override
    public long getPos() {
      return buffer.size();
    }

    @Override
    public void write(int b) {
      buffer.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      buffer.write(bytes, offset, length);
    }
  }
}
