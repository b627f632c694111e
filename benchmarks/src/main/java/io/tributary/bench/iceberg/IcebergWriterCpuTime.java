package io.tributary.bench.iceberg;

import io.tributary.bench.CorePathBenchmark;
import io.tributary.bench.EventShape;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.apache.iceberg.data.Record;

/**
 * The comparison of {@link IcebergWriterBenchmark} measured in CPU time of the writing thread, with the three ways
 * interleaved round by round (in a rotating order), so that a machine whose load changes during the run (other
 * builds on the same cores) favours none of them: JMH's wall-clock throughput runs one benchmark after the other.
 * Prints, per shape and way, the median CPU time per row over the measured rounds and the rows per CPU-second it
 * gives.
 *
 * <p>Usage: {@code IcebergWriterCpuTime [warm-up rounds] [measured rounds] [shape ...]}, by default 20, 20 and every
 * shape. One round writes one file of {@value CorePathBenchmark#BATCH} rows each way.
 */
public final class IcebergWriterCpuTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private IcebergWriterCpuTime() {}

  public static void main(String[] args) {
    int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    List<EventShape> shapes = args.length > 2
        ? Arrays.stream(args, 2, args.length).map(EventShape::valueOf).toList() : List.of(EventShape.values());
    System.out.println("shape,way,cpu_us_per_row_median,rows_per_cpu_second,file_bytes_per_row");
    for (EventShape shape : shapes) {
      IcebergWriters writers = new IcebergWriters(BenchRows.of(shape, CorePathBenchmark.BATCH));
      GenericRows converter = new GenericRows(writers.schema());
      List<Record> records = writers.records(converter);
      List<Way> ways = List.of(new Way("tributary", writers::tributary),
          new Way("iceberg", () -> writers.iceberg(converter)), new Way("icebergWriterOnly",
              () -> writers.iceberg(records)));
      for (int round = 0; round < warmUp + rounds; round++) {
        for (int i = 0; i < ways.size(); i++) {
          ways.get((round + i) % ways.size()).run(round >= warmUp ? round - warmUp : -1);
        }
      }
      for (Way way : ways) {
        double micros = way.median(rounds) / 1_000.0 / CorePathBenchmark.BATCH;
        System.out.printf("%s,%s,%.3f,%.0f,%.1f%n", shape, way.name, micros, 1_000_000 / micros,
            (double) way.bytes / CorePathBenchmark.BATCH);
      }
    }
  }

  /** One way to write a file, with the CPU nanoseconds of each measured round. */
  private static final class Way {
    private final String name;
    private final Supplier<IcebergWriters.Written> write;
    private final long[] nanos = new long[1_000];
    private long bytes;

    Way(String name, Supplier<IcebergWriters.Written> write) {
      this.name = name;
      this.write = write;
    }

    /** Writes one file; {@code measured} is the round's index, or -1 for a warm-up round. */
    void run(int measured) {
      long start = THREADS.getCurrentThreadCpuTime();
      bytes = write.get().bytes().length;
      long spent = THREADS.getCurrentThreadCpuTime() - start;
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
