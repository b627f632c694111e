package io.tributary.buffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only byte store in chunks that grow from small to {@value #MAX_CHUNK} bytes, so thousands of mostly
 * small buffers stay small and a large one never needs one huge array or a copy when it grows. Not thread-safe.
 *
 * <p>The largest chunk stays below half of G1's smallest region (1 MiB, the region size of heaps under 2 GiB): a
 * chunk of 1 MiB was a humongous object there, placed in two regions of its own (its header tipped it over one),
 * so the buffers took about twice the heap they counted, and every chunk allocated in a heap above the occupancy
 * threshold started a concurrent marking cycle (the end-to-end profile: 46 of them in 11 s).
 */
final class ByteArena {
  static final int MIN_CHUNK = 1 << 10;
  static final int MAX_CHUNK = 1 << 18;
  private static final int MAX_VARINT_BYTES = 5;
  private static final int MAX_VARLONG_BYTES = 10;
  private static final VarHandle BIG_ENDIAN_LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private final List<byte[]> chunks = new ArrayList<>();
  private byte[] current;
  private int position;
  private long size;
  private long allocated;

  /** Bytes written. */
  long size() {
    return size;
  }

  /** Bytes held, written or not: what the memory budget counts. */
  long allocated() {
    return allocated;
  }

  void write(int b) {
    if (current == null || position == current.length) {
      grow();
    }
    current[position++] = (byte) b;
    size++;
  }

  void write(byte[] bytes, int offset, int length) {
    int done = 0;
    while (done < length) {
      if (current == null || position == current.length) {
        grow();
      }
      int n = Math.min(length - done, current.length - position);
      System.arraycopy(bytes, offset + done, current, position, n);
      position += n;
      done += n;
    }
    size += length;
  }

  void writeVarLong(long value) {
    if (current != null && current.length - position >= MAX_VARLONG_BYTES) {
      // Room for the longest varint in this chunk: write it without a check per byte.
      int start = position;
      long v = value;
      while ((v & ~0x7FL) != 0) {
        current[position++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      current[position++] = (byte) v;
      size += position - start;
      return;
    }
    long v = value;
    while ((v & ~0x7FL) != 0) {
      write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    write((int) v);
  }

  /** A one-byte marker and a big-endian long ({@link #writeLong}), with one room check when the chunk has room. */
  void writeMarkedLong(int marker, long value) {
    if (current != null && current.length - position > Long.BYTES) {
      current[position] = (byte) marker;
      BIG_ENDIAN_LONGS.set(current, position + 1, value);
      position += 1 + Long.BYTES;
      size += 1 + Long.BYTES;
      return;
    }
    write(marker);
    writeLong(value);
  }

  /**
   * A one-byte marker, {@code length} as a varint and the bytes: what {@link #write(int)}, {@link #writeVarLong}
   * and {@link #write(byte[], int, int)} write in turn, with one room check when the chunk has room.
   */
  void writeMarkedBytes(int marker, byte[] bytes, int offset, int length) {
    if (current != null && current.length - position - (1 + MAX_VARINT_BYTES) >= length) {
      current[position++] = (byte) marker;
      size++;
      writeVarLong(length); // stays in this chunk: there is room for the longest int varint and the bytes
      System.arraycopy(bytes, offset, current, position, length);
      position += length;
      size += length;
      return;
    }
    write(marker);
    writeVarLong(length);
    write(bytes, offset, length);
  }

  /**
   * Writes {@code s} as UTF-8, preceded by its length in bytes as a varint, encoding straight into the current chunk
   * when it has room (no intermediate array). Unpaired surrogates become {@code '?'}, as {@link String#getBytes}
   * makes them.
   */
  void writeUtf8(String s) {
    int chars = s.length();
    if (current != null && current.length - position - MAX_VARINT_BYTES >= chars) {
      // Most strings are ASCII: one pass that copies while every char is, rather than measure, then encode.
      int startPosition = position;
      long startSize = size;
      writeVarLong(chars);
      int p = position;
      int i = 0;
      while (i < chars) {
        char c = s.charAt(i);
        if (c >= 0x80) {
          break;
        }
        current[p + i] = (byte) c;
        i++;
      }
      if (i == chars) {
        position += chars;
        size += chars;
        return;
      }
      position = startPosition; // not ASCII: undo, and encode it below
      size = startSize;
    }
    int length = Utf8.length(s);
    writeVarLong(length);
    if (current == null || current.length - position < length) {
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      write(bytes, 0, bytes.length);
      return;
    }
    position = Utf8.encode(s, current, position);
    size += length;
  }

  void writeLong(long value) {
    if (current != null && current.length - position >= Long.BYTES) {
      BIG_ENDIAN_LONGS.set(current, position, value);
      position += Long.BYTES;
      size += Long.BYTES;
      return;
    }
    for (int shift = 56; shift >= 0; shift -= 8) {
      write((int) (value >>> shift));
    }
  }

  /** A reader from the first byte; the arena must not be written while it is read. */
  Reader reader() {
    return new Reader();
  }

  private void grow() {
    int next = current == null ? MIN_CHUNK : Math.min(MAX_CHUNK, current.length * 2);
    current = new byte[next];
    chunks.add(current);
    position = 0;
    allocated += next;
  }

  /** Reads back what was written, in order. */
  final class Reader {
    private int chunk = -1;
    private byte[] bytes = new byte[0];
    /** Where the bytes written end in the current chunk. */
    private int limit;
    private int offset;
    private long remaining = size;

    boolean hasMore() {
      return remaining > 0;
    }

    /** Moves to the next chunk: the current one is used up. */
    private void nextChunk() {
      chunk++;
      bytes = chunks.get(chunk);
      limit = chunk == chunks.size() - 1 ? position : bytes.length;
      offset = 0;
    }

    int read() {
      if (remaining <= 0) {
        throw new IllegalStateException("Read past the end of the buffer");
      }
      if (offset == limit) {
        nextChunk();
      }
      remaining--;
      return bytes[offset++] & 0xFF;
    }

    void read(byte[] into, int length) {
      int done = 0;
      while (done < length) {
        if (offset == limit) {
          nextChunk();
          continue;
        }
        int n = Math.min(length - done, limit - offset);
        System.arraycopy(bytes, offset, into, done, n);
        offset += n;
        done += n;
      }
      remaining -= length;
    }

    /** Passes over {@code length} bytes. */
    void skip(long length) {
      if (length > remaining) {
        throw new IllegalStateException("Read past the end of the buffer");
      }
      long left = length;
      while (left > 0) {
        if (offset == limit) {
          nextChunk();
          continue;
        }
        int n = (int) Math.min(left, limit - offset);
        offset += n;
        left -= n;
      }
      remaining -= length;
    }

    /**
     * Takes the next {@code length} bytes when they sit in one chunk (moving to the next chunk first when the
     * current one is used up): returns where they start in {@link #chunk()}, or -1, having taken nothing, when they
     * span two chunks.
     */
    int takeContiguous(int length) {
      if (length > remaining) {
        throw new IllegalStateException("Read past the end of the buffer");
      }
      if (offset == limit && length > 0) {
        nextChunk();
      }
      int at = offset;
      if (limit - at < length) {
        return -1;
      }
      offset = at + length;
      remaining -= length;
      return at;
    }

    /** The chunk being read: its bytes are never written again. */
    byte[] chunk() {
      return bytes;
    }

    /** Reads {@code length} bytes of UTF-8 as a string, without an intermediate copy when they sit in one chunk. */
    String readUtf8(int length) {
      int at = takeContiguous(length);
      if (at >= 0) {
        return new String(bytes, at, length, StandardCharsets.UTF_8);
      }
      byte[] copy = new byte[length];
      read(copy, length);
      return new String(copy, StandardCharsets.UTF_8);
    }

    long readVarLong() {
      if (limit - offset >= MAX_VARLONG_BYTES) {
        // Room for the longest varint in this chunk: read it without a check per byte.
        long value = 0;
        for (int shift = 0, at = offset; shift < 64; shift += 7) {
          int b = bytes[at++];
          value |= (long) (b & 0x7F) << shift;
          if ((b & 0x80) == 0) {
            remaining -= at - offset;
            offset = at;
            return value;
          }
        }
        throw new IllegalStateException("Corrupt buffer: varint longer than 10 bytes");
      }
      long value = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        int b = read();
        value |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return value;
        }
      }
      throw new IllegalStateException("Corrupt buffer: varint longer than 10 bytes");
    }

    long readLong() {
      if (limit - offset >= Long.BYTES) {
        long value = (long) BIG_ENDIAN_LONGS.get(bytes, offset);
        offset += Long.BYTES;
        remaining -= Long.BYTES;
        return value;
      }
      long value = 0;
      for (int i = 0; i < 8; i++) {
        value = (value << 8) | read();
      }
      return value;
    }
  }
}
