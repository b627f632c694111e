package io.tributary.iceberg;

import io.tributary.store.ObjectStore;
import io.tributary.store.StoreException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.PositionOutputStream;
import org.apache.iceberg.io.SeekableInputStream;

/**
 * Iceberg's {@link FileIO} over a Tributary {@link ObjectStore} (a local folder or S3, with its retries, endpoint
 * override and path style), so no Hadoop {@code FileSystem} is involved: locations under {@code root} (the
 * catalog's warehouse, e.g. {@code file:/data/lake} or {@code s3://bucket/lake}) map to the store's keys below it.
 *
 * <p>Objects are read and written whole, as the store does: an input file is fetched once, on first use; an output
 * file is buffered and put on close. {@link OutputFile#create()} puts with put-if-absent and fails with
 * {@link AlreadyExistsException} when the object exists, which is what Iceberg expects of metadata files.
 * Thread-safe (the store is).
 */
public final class ObjectStoreFileIO implements FileIO {
  private final ObjectStore store;
  private final String root;

  /**
   * @param store where the objects are
   * @param root the location of the store's root key, without a trailing {@code /}
   */
  public ObjectStoreFileIO(ObjectStore store, String root) {
    this.store = Objects.requireNonNull(store, "store may not be null");
    Objects.requireNonNull(root, "root may not be null");
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  /** The location of the store's root key. */
  public String root() {
    return root;
  }

  /** The location of {@code key}. */
  public String location(String key) {
    return root + "/" + key;
  }

  /**
   * The store key of {@code location}.
   *
   * @throws IllegalArgumentException when the location is not under the root
   */
  public String keyOf(String location) {
    if (!location.startsWith(root + "/")) {
      throw new IllegalArgumentException("Invalid location: " + location + " is not under " + root);
    }
    return location.substring(root.length() + 1);
  }

  @Override
  public InputFile newInputFile(String location) {
    return new StoreInputFile(location, -1);
  }

  @Override
  public InputFile newInputFile(String location, long length) {
    return new StoreInputFile(location, length);
  }

  @Override
  public OutputFile newOutputFile(String location) {
    return new StoreOutputFile(location);
  }

  @Override
  public void deleteFile(String location) {
    store.delete(keyOf(location));
  }

  @Override
  public Map<String, String> properties() {
    return Map.of();
  }

  @Override
  public void initialize(Map<String, String> properties) {}

  private final class StoreInputFile implements InputFile {
    private final String location;
    private final long knownLength;
    private byte[] bytes;

    StoreInputFile(String location, long knownLength) {
      this.location = location;
      this.knownLength = knownLength;
    }

    private synchronized byte[] bytes() {
      if (bytes == null) {
        bytes = store.get(keyOf(location)).orElseThrow(() -> new NotFoundException("File does not exist: %s",
            location));
      }
      return bytes;
    }

    @Override
    public long getLength() {
      return knownLength >= 0 ? knownLength : bytes().length;
    }

    @Override
    public SeekableInputStream newStream() {
      return new BytesStream(bytes());
    }

    @Override
    public String location() {
      return location;
    }

    @Override
    public boolean exists() {
      if (bytes != null) {
        return true;
      }
      Optional<byte[]> found = store.get(keyOf(location));
      found.ifPresent(b -> bytes = b);
      return found.isPresent();
    }
  }

  private final class StoreOutputFile implements OutputFile {
    private final String location;

    StoreOutputFile(String location) {
      this.location = location;
    }

    @Override
    public PositionOutputStream create() {
      return new BufferedStream(location, false);
    }

    @Override
    public PositionOutputStream createOrOverwrite() {
      return new BufferedStream(location, true);
    }

    @Override
    public String location() {
      return location;
    }

    @Override
    public InputFile toInputFile() {
      return newInputFile(location);
    }
  }

  private final class BufferedStream extends PositionOutputStream {
    private final String location;
    private final boolean overwrite;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private boolean closed;

    BufferedStream(String location, boolean overwrite) {
      this.location = location;
      this.overwrite = overwrite;
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
    public void write(byte[] b, int off, int len) {
      buffer.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      String key = keyOf(location);
      try {
        if (overwrite) {
          store.put(key, buffer.toByteArray());
        } else if (!store.putIfAbsent(key, buffer.toByteArray())) {
          throw new AlreadyExistsException("File already exists: %s", location);
        }
      } catch (StoreException e) {
        throw new IOException("Cannot write " + location + ": " + e.getMessage(), e);
      }
    }
  }

  /** A seekable stream over bytes in memory. */
  static final class BytesStream extends SeekableInputStream {
    private final byte[] bytes;
    private int pos;

    BytesStream(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public long getPos() {
      return pos;
    }

    @Override
    public void seek(long newPos) throws IOException {
      if (newPos < 0 || newPos > bytes.length) {
        throw new IOException("Cannot seek to " + newPos + " of " + bytes.length + " bytes");
      }
      pos = (int) newPos;
    }

    @Override
    public int read() {
      return pos < bytes.length ? bytes[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (pos >= bytes.length) {
        return -1;
      }
      int n = Math.min(len, bytes.length - pos);
      System.arraycopy(bytes, pos, b, off, n);
      pos += n;
      return n;
    }

    @Override
    public int available() {
      return bytes.length - pos;
    }
  }
}
