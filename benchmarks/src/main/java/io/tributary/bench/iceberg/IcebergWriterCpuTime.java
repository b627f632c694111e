package io.tributary.bench.iceberg;

import io.tributary.bench.CorePathBenchmark;
import io.tributary.bench.CpuTimedRounds;
import io.tributary.bench.CpuTimedRounds.Way;
import io.tributary.bench.EventShape;
import java.util.List;
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
  private IcebergWriterCpuTime() {}

  public static void main(String[] args) {
    int warmUp = CpuTimedRounds.intArg(args, 0, 20);
    int rounds = CpuTimedRounds.intArg(args, 1, 20);
    System.out.println("shape,way,cpu_us_per_row_median,rows_per_cpu_second,file_bytes_per_row");
    for (EventShape shape : CpuTimedRounds.shapes(args, 2)) {
      IcebergWriters writers = new IcebergWriters(BenchRows.of(shape, CorePathBenchmark.BATCH));
      GenericRows converter = new GenericRows(writers.schema());
      List<Record> records = writers.records(converter);
      List<Way> ways = List.of(new Way("tributary", () -> writers.tributary().bytes()),
          new Way("iceberg", () -> writers.iceberg(converter).bytes()),
          new Way("icebergWriterOnly", () -> writers.iceberg(records).bytes()));
      CpuTimedRounds.run(ways, warmUp, rounds);
      for (Way way : ways) {
        double micros = way.median(rounds) / 1_000.0 / CorePathBenchmark.BATCH;
        System.out.printf("%s,%s,%.3f,%.0f,%.1f%n", shape, way.name(), micros, 1_000_000 / micros,
            (double) way.bytes() / CorePathBenchmark.BATCH);
      }
    }
  }
}
