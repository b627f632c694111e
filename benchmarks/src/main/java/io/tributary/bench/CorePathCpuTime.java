package io.tributary.bench;

import io.tributary.bench.CpuTimedRounds.Way;
import java.util.List;

/**
 * {@link CorePathBenchmark} measured in CPU time of the landing thread, Tributary's pipeline and the naive one
 * interleaved round by round ({@link CpuTimedRounds}), so that a machine whose speed changes during the run (a busy
 * neighbour on the host) favours neither: JMH's wall-clock throughput runs one benchmark after the other, and on a
 * shared host the naive pipeline alone varied by a third between runs. Prints, per shape and pipeline, the median CPU
 * time per event over the measured rounds, the events per CPU-second it gives, and the ratio to the naive pipeline.
 *
 * <p>Usage: {@code CorePathCpuTime [warm-up rounds] [measured rounds] [shape ...]}, by default 40, 30 and every
 * shape. One round lands one file of {@value CorePathBenchmark#BATCH} events each way. The first shape measured
 * needs the most warm-up (the JIT compiles the shared path during it): 200 rounds for SMALL alone.
 */
public final class CorePathCpuTime {
  private CorePathCpuTime() {}

  public static void main(String[] args) {
    int warmUp = CpuTimedRounds.intArg(args, 0, 40);
    int rounds = CpuTimedRounds.intArg(args, 1, 30);
    System.out.println("shape,pipeline,cpu_us_per_event_median,events_per_cpu_second,ratio_to_naive");
    for (EventShape shape : CpuTimedRounds.shapes(args, 2)) {
      byte[][] events = shape.events(CorePathBenchmark.SEED, CorePathBenchmark.BATCH, CorePathBenchmark.FIRST_TS);
      CorePipeline tributary = new CorePipeline();
      tributary.land(events); // publishes the schema, as CorePathBenchmark's set-up does
      NaivePipeline naive = new NaivePipeline(events[0]);
      List<Way> ways = List.of(new Way("tributary", () -> tributary.land(events)),
          new Way("naive", () -> naive.land(events)));
      CpuTimedRounds.run(ways, warmUp, rounds);
      double naiveMicros = ways.get(1).median(rounds) / 1_000.0 / CorePathBenchmark.BATCH;
      for (Way way : ways) {
        double micros = way.median(rounds) / 1_000.0 / CorePathBenchmark.BATCH;
        System.out.printf("%s,%s,%.3f,%.0f,%.2f%n", shape, way.name(), micros, 1_000_000 / micros,
            naiveMicros / micros);
      }
    }
  }
}
