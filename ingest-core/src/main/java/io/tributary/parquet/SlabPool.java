package io.tributary.parquet;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import org.apache.parquet.bytes.ByteBufferAllocator;

/**
 * The heap buffers parquet-column's writers grow their pages in, kept by the thread that released them for its next
 * page or file instead of allocated (and zeroed) anew each time.
 *
 * <p>A column writer grows its page in slabs of doubling size and releases them all when the page is written; a
 * file of 10,000 small events allocated about as many bytes of slabs as the events themselves, most of them large
 * arrays allocated outside the thread's allocation buffer. Buffers are pooled by power-of-two capacity; a request is
 * served by a buffer of the next power of two with its limit set to the size asked for. Each thread keeps at most
 * {@link #RETAINED_BYTES}; a buffer released beyond that, or by another thread, is left to the collector. Buffers
 * come back with old contents: parquet-column writes a slab before reading it.
 */
final class SlabPool implements ByteBufferAllocator {
  /** What one thread keeps between files, at most. */
  static final long RETAINED_BYTES = 8L << 20;
  /** Slabs larger than this are neither pooled nor rounded up. */
  private static final int LARGEST_POOLED = 4 << 20;
  private static final int CLASSES = 32;

  private static final ThreadLocal<SlabPool> POOLS = ThreadLocal.withInitial(SlabPool::new);

  private final Thread owner = Thread.currentThread();
  @SuppressWarnings("unchecked")
  private final ArrayDeque<ByteBuffer>[] free = new ArrayDeque[CLASSES];
  private long retained;

  private SlabPool() {
  }

  /** This thread's pool. */
  static SlabPool forThisThread() {
    return POOLS.get();
  }

  @Override
  public ByteBuffer allocate(int size) {
    if (size <= 0 || size > LARGEST_POOLED || Thread.currentThread() != owner) {
      return ByteBuffer.allocate(size);
    }
    int sizeClass = sizeClass(size);
    ArrayDeque<ByteBuffer> queue = free[sizeClass];
    ByteBuffer buffer = queue == null ? null : queue.pollFirst();
    if (buffer == null) {
      buffer = ByteBuffer.allocate(1 << sizeClass);
    } else {
      retained -= buffer.capacity();
    }
    buffer.clear().limit(size);
    return buffer;
  }

  @Override
  public void release(ByteBuffer buffer) {
    int capacity = buffer.capacity();
    if (Thread.currentThread() != owner || !buffer.hasArray() || buffer.isReadOnly()
        || Integer.bitCount(capacity) != 1 || capacity > LARGEST_POOLED || retained + capacity > RETAINED_BYTES) {
      return;
    }
    int sizeClass = Integer.numberOfTrailingZeros(capacity);
    if (free[sizeClass] == null) {
      free[sizeClass] = new ArrayDeque<>();
    }
    free[sizeClass].addFirst(buffer);
    retained += capacity;
  }

  @Override
  public boolean isDirect() {
    return false;
  }

  /** The smallest power-of-two exponent whose capacity holds {@code size}. */
  static int sizeClass(int size) {
    return size <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(size - 1);
  }
}
