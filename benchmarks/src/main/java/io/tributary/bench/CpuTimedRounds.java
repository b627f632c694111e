package io.tributary.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Ways of writing the same file, measured in CPU time of the calling thread and interleaved round by round in a
 * rotating order, so that a machine whose speed changes during the run favours none of them: what
 * {@link CorePathCpuTime} and {@code IcebergWriterCpuTime} share. Each way's file is kept to report its size.
 */
public final class CpuTimedRounds {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CpuTimedRounds() {}

  /** The shapes named in {@code args} from index {@code from} on, or every shape when none is. */
  public static List<EventShape> shapes(String[] args, int from) {
    return args.length > from
        ? Arrays.stream(args, from, args.length).map(EventShape::valueOf).toList() : List.of(EventShape.values());
  }

  /** {@code args[index]} as a number, or {@code otherwise} when absent. */
  public static int intArg(String[] args, int index, int otherwise) {
    return args.length > index ? Integer.parseInt(args[index]) : otherwise;
  }

  /** Runs {@code warmUp} rounds and then {@code rounds} measured ones of every way, in a rotating order. */
  public static void run(List<Way> ways, int warmUp, int rounds) {
    for (int round = 0; round < warmUp + rounds; round++) {
      for (int i = 0; i < ways.size(); i++) {
        ways.get((round + i) % ways.size()).run(round >= warmUp ? round - warmUp : -1);
      }
    }
  }

  /** One way to write a file, with the CPU nanoseconds of each measured round and its file's size. */
  public static final class Way {
    private final String name;
    private final Supplier<byte[]> write;
    private final long[] nanos = new long[1_000];
    private long bytes;

    public Way(String name, Supplier<byte[]> write) {
      this.name = name;
      this.write = write;
    }

    public String name() {
      return name;
    }

    /** The size of the last file written. */
    public long bytes() {
      return bytes;
    }

    /** Writes one file; {@code measured} is the round's index, or -1 for a warm-up round. */
    void run(int measured) {
      long start = THREADS.getCurrentThreadCpuTime();
      bytes = write.get().length;
      long spent = THREADS.getCurrentThreadCpuTime() - start;
      if (bytes == 0) {
        throw new IllegalStateException("Invalid benchmark: " + name + " wrote an empty file");
      }
      if (measured >= 0) {
        nanos[measured] = spent;
      }
    }

    /** The median CPU nanoseconds of the first {@code rounds} measured rounds. */
    public long median(int rounds) {
      long[] sorted = Arrays.copyOf(nanos, rounds);
      Arrays.sort(sorted);
      return sorted[rounds / 2];
    }
  }
}
