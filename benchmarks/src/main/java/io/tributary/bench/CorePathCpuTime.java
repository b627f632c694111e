package io.tributary.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * {@link CorePathBenchmark} measured in CPU time of the landing thread, Tributary's pipeline and the naive one
 * interleaved round by round (in a rotating order), so that a machine whose speed changes during the run (a busy
 * neighbour on the host) favours neither: JMH's wall-clock throughput runs one benchmark after the other, and on a
 * shared host the naive pipeline alone varied by a third between runs. Prints, per shape and pipeline, the median CPU
 * time per event over the measured rounds, the events per CPU-second it gives, and Tributary's ratio to the naive
 * pipeline.
 *
 * <p>Usage: {@code CorePathCpuTime [warm-up rounds] [measured rounds] [shape ...]}, by default 40, 30 and every
 * shape. One round lands one file of {@value CorePathBenchmark#BATCH} events each way.
 */
public final class CorePathCpuTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CorePathCpuTime() {}

  public static void main(String[] args) {
    int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    List<EventShape> shapes = args.length > 2
        ? Arrays.stream(args, 2, args.length).map(EventShape::valueOf).toList() : List.of(EventShape.values());
    System.out.println("shape,pipeline,cpu_us_per_event_median,events_per_cpu_second,ratio_to_naive");
    for (EventShape shape : shapes) {
      byte[][] events = shape.events(CorePathBenchmark.SEED, CorePathBenchmark.BATCH, CorePathBenchmark.FIRST_TS);
      CorePipeline tributary = new CorePipeline();
      tributary.land(events); // publishes the schema, as CorePathBenchmark's set-up does
      NaivePipeline naive = new NaivePipeline(events[0]);
      List<Way> ways = List.of(new Way("tributary", tributary::land), new Way("naive", naive::land));
      for (int round = 0; round < warmUp + rounds; round++) {
        for (int i = 0; i < ways.size(); i++) {
          ways.get((round + i) % ways.size()).run(events, round >= warmUp ? round - warmUp : -1);
        }
      }
      double naiveMicros = ways.get(1).median(rounds) / 1_000.0 / CorePathBenchmark.BATCH;
      for (Way way : ways) {
        double micros = way.median(rounds) / 1_000.0 / CorePathBenchmark.BATCH;
        System.out.printf("%s,%s,%.3f,%.0f,%.2f%n", shape, way.name, micros, 1_000_000 / micros,
            naiveMicros / micros);
      }
    }
  }

  /** One pipeline, with the CPU nanoseconds of each measured round. */
  private static final class Way {
    private final String name;
    private final Function<byte[][], byte[]> land;
    private final long[] nanos = new long[1_000];

    Way(String name, Function<byte[][], byte[]> land) {
      this.name = name;
      this.land = land;
    }

    /** Lands one file; {@code measured} is the round's index, or -1 for a warm-up round. */
    void run(byte[][] events, int measured) {
      long start = THREADS.getCurrentThreadCpuTime();
      byte[] file = land.apply(events);
      long spent = THREADS.getCurrentThreadCpuTime() - start;
      if (file.length == 0) {
        throw new IllegalStateException("Invalid benchmark: " + name + " landed an empty file");
      }
      if (measured >= 0) {
        nanos[measured] = spent;
      }
    }

    long median(int rounds) {
      long[] sorted = Arrays.copyOf(nanos, rounds);
      Arrays.sort(sorted);
      return sorted[rounds / 2];
    }
  }
}
