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
 * arrays allocated outside the thread's allocation buffer. Buffers from {@link #SMALLEST_POOLED} up are pooled by
 * power-of-two capacity; a request is served by a buffer of the next power of two with its limit set to the size
 * asked for. Each thread keeps at most {@link #RETAINED_BYTES}: when full, a released buffer takes the place of
 * buffers of a size asked for less recently, or is left to the collector, as is one released by another thread.
 * Buffers come back with old contents: parquet-column writes a slab before reading it. A buffer released twice is
 * kept once.
 */
final class SlabPool implements ByteBufferAllocator {
  /** What one thread keeps between pages and files, at most. */
  static final long RETAINED_BYTES = 8L << 20;
  /** Slabs smaller than this come from the thread's allocation buffer cheaply: neither pooled nor rounded up. */
  static final int SMALLEST_POOLED = 32 << 10;
  /** Slabs larger than this are neither pooled nor rounded up. */
  private static final int LARGEST_POOLED = 4 << 20;
  private static final int CLASSES = 32;

  private static final ThreadLocal<SlabPool> POOLS = ThreadLocal.withInitial(SlabPool::new);

  private final Thread owner = Thread.currentThread();
  @SuppressWarnings("unchecked")
  private final ArrayDeque<ByteBuffer>[] free = new ArrayDeque[CLASSES];
  /** For each size class, when it was last asked for (a count of requests). */
  private final long[] lastAsked = new long[CLASSES];
  private long asked;
  private long retained;

  /** A pool owned by the calling thread; the writers take theirs from {@link #forThisThread()}. */
  SlabPool() {
  }

  /** This thread's pool. */
  static SlabPool forThisThread() {
    return POOLS.get();
  }

  @Override
  public ByteBuffer allocate(int size) {
    if (size < SMALLEST_POOLED || size > LARGEST_POOLED || Thread.currentThread() != owner) {
      return ByteBuffer.allocate(size);
    }
    int sizeClass = sizeClass(size);
    lastAsked[sizeClass] = ++asked;
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
        || Integer.bitCount(capacity) != 1 || capacity < SMALLEST_POOLED || capacity > LARGEST_POOLED) {
      return;
    }
    int sizeClass = Integer.numberOfTrailingZeros(capacity);
    if (pooled(sizeClass, buffer)) {
      return; // released twice: handing it out twice would let two pages write into one array
    }
    // Full: make room by dropping buffers of the sizes asked for longest ago (a page's slabs grow, then its later
    // pages start larger), never of this size.
    while (retained + capacity > RETAINED_BYTES) {
      int stalest = -1;
      for (int c = 0; c < CLASSES; c++) {
        if (c != sizeClass && free[c] != null && !free[c].isEmpty()
            && (stalest < 0 || lastAsked[c] < lastAsked[stalest])) {
          stalest = c;
        }
      }
      if (stalest < 0 || lastAsked[stalest] > lastAsked[sizeClass]) {
        return;
      }
      retained -= free[stalest].pollLast().capacity();
    }
    if (free[sizeClass] == null) {
      free[sizeClass] = new ArrayDeque<>();
    }
    free[sizeClass].addFirst(buffer);
    retained += capacity;
  }

  private boolean pooled(int sizeClass, ByteBuffer buffer) {
    if (free[sizeClass] != null) {
      for (ByteBuffer kept : free[sizeClass]) {
        if (kept == buffer) {
          return true;
        }
      }
    }
    return false;
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
