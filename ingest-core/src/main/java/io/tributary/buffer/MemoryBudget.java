package io.tributary.buffer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One bound on the memory of all buffers together. When the buffers hold more than the limit, the largest roll early
 * until what stays is under three quarters of it: the largest, because rolling them frees the most memory per file
 * made, so thousands of small open partition paths keep filling while a few big ones go out.
 *
 * <p>One buffer alone may hold at most a quarter of the limit: encoding a buffer to Parquet needs memory the budget
 * does not count (the column pages, the file's bytes), in proportion to that buffer, and with few open buffers (one
 * dataset, a few source partitions) a buffer could otherwise grow to most of the budget and its flush past the heap.
 */
public final class MemoryBudget {
  private final long limitBytes;
  private final long lowWaterBytes;
  private final long bufferLimitBytes;

  /** @param limitBytes the most memory all buffers may hold together */
  public MemoryBudget(long limitBytes) {
    if (limitBytes < 1) {
      throw new IllegalArgumentException("Invalid memory budget: " + limitBytes + " bytes; must be positive");
    }
    this.limitBytes = limitBytes;
    this.lowWaterBytes = limitBytes - limitBytes / 4;
    this.bufferLimitBytes = Math.max(1, limitBytes / 4);
  }

  /** True when one buffer holding {@code bufferBytes} is over its share of the budget and should roll now. */
  public boolean bufferExceeded(long bufferBytes) {
    return bufferBytes > bufferLimitBytes;
  }

  /** True when buffers holding {@code heldBytes} are over the budget. */
  public boolean exceeded(long heldBytes) {
    return heldBytes > limitBytes;
  }

  /**
   * The buffers to roll now, largest first, so that the rest fit under three quarters of the limit; empty when the
   * buffers are within the limit.
   */
  public <K> List<K> victims(Map<K, RowBuffer> buffers) {
    Map<K, Held> held = new LinkedHashMap<>();
    long total = 0;
    for (Map.Entry<K, RowBuffer> entry : buffers.entrySet()) {
      held.put(entry.getKey(), Held.of(entry.getValue()));
      total += entry.getValue().memoryBytes();
    }
    return victims(held, total);
  }

  /**
   * The buffers of {@code candidates} to roll now, largest first, so that of {@code heldBytes} (all buffers
   * together, candidates or not) what stays fits under three quarters of the limit; empty when {@code heldBytes} is
   * within the limit. Buffers that are not candidates (busy elsewhere) are counted but never chosen, so the result
   * may not be enough: the caller then waits for them.
   */
  public <K> List<K> victims(Map<K, Held> candidates, long heldBytes) {
    List<K> victims = new ArrayList<>();
    if (!exceeded(heldBytes)) {
      return victims;
    }
    long held = heldBytes;
    List<Map.Entry<K, Held>> bySize = new ArrayList<>(candidates.entrySet());
    bySize.sort(Comparator.comparingLong((Map.Entry<K, Held> e) -> e.getValue().bytes()).reversed()
        .thenComparingLong(e -> e.getValue().openedAtMillis()));
    for (Map.Entry<K, Held> entry : bySize) {
      if (held <= lowWaterBytes) {
        break;
      }
      victims.add(entry.getKey());
      held -= entry.getValue().bytes();
    }
    return victims;
  }

  /**
   * What one buffer held when it was looked at: its memory and when it opened. A copy, so that victims can be
   * chosen among buffers that other threads go on filling.
   */
  public record Held(long bytes, long openedAtMillis) {
    public static Held of(RowBuffer buffer) {
      return new Held(buffer.memoryBytes(), buffer.openedAtMillis());
    }
  }
}
