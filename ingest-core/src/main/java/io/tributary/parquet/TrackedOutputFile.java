package io.tributary.parquet;

import java.io.IOException;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Wraps an {@link OutputFile} to remember the stream Parquet writes to, so that the length of the finished file is
 * known without asking the destination (an S3 upload or a local file) after the fact.
 */
final class TrackedOutputFile implements OutputFile {
  private final OutputFile delegate;
  private Stream stream;

  TrackedOutputFile(OutputFile delegate) {
    this.delegate = delegate;
  }

  @Override
  public PositionOutputStream create(long blockSizeHint) throws IOException {
    stream = new Stream(delegate.create(blockSizeHint));
    return stream;
  }

  @Override
  public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
    stream = new Stream(delegate.createOrOverwrite(blockSizeHint));
    return stream;
  }

  @Override
  public boolean supportsBlockSize() {
    return delegate.supportsBlockSize();
  }

  @Override
  public long defaultBlockSize() {
    return delegate.defaultBlockSize();
  }

  @Override
  public String getPath() {
    return delegate.getPath();
  }

  /** The bytes written to the destination so far, and still after it is closed: 0 before it is created. */
  long position() throws IOException {
    return stream == null ? 0 : stream.getPos();
  }

  /** Remembers its final position on close: not every stream still answers {@code getPos()} once closed. */
  private static final class Stream extends PositionOutputStream {
    private final PositionOutputStream delegate;
    private long closedAt = -1;

    Stream(PositionOutputStream delegate) {
      this.delegate = delegate;
    }

    @Override
    public long getPos() throws IOException {
      return closedAt >= 0 ? closedAt : delegate.getPos();
    }

    @Override
    public void write(int b) throws IOException {
      delegate.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      delegate.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
      delegate.flush();
    }

    @Override
    public void close() throws IOException {
      if (closedAt < 0) {
        closedAt = delegate.getPos();
      }
      delegate.close();
    }
  }
}
