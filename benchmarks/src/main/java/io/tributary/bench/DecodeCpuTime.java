package io.tributary.bench;

import io.tributary.decode.DecodeLimits;
import io.tributary.decode.DecodeResult;
import io.tributary.decode.JsonDecoder;
import io.tributary.decode.Tape;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The decode stage of the core path alone, as the landing runs it: each payload read into the thread's reused
 * {@link Tape} ({@link JsonDecoder#decode(byte[], Tape)}), no value made. Prints, per shape, the median CPU time per
 * event of the calling thread over the measured rounds (one round decodes {@value CorePathBenchmark#BATCH}
 * events). {@code StagesBenchmark}'s decode stage builds the event's objects, which the landing no longer does.
 *
 * <p>Usage: {@code DecodeCpuTime [warm-up rounds] [measured rounds] [shape ...]}, by default 200, 40 and every shape.
 */
public final class DecodeCpuTime {
  private DecodeCpuTime() {}

  public static void main(String[] args) {
    int warmUp = CpuTimedRounds.intArg(args, 0, 200);
    int rounds = CpuTimedRounds.intArg(args, 1, 40);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    System.out.println("shape,decode_cpu_ns_per_event_median,nodes_per_event");
    for (EventShape shape : CpuTimedRounds.shapes(args, 2)) {
      byte[][] events = shape.events(CorePathBenchmark.SEED, CorePathBenchmark.BATCH, CorePathBenchmark.FIRST_TS);
      JsonDecoder decoder = new JsonDecoder(DecodeLimits.defaults());
      Tape tape = new Tape();
      long[] nanos = new long[rounds];
      long nodes = 0;
      for (int round = 0; round < warmUp + rounds; round++) {
        nodes = 0;
        long start = threads.getCurrentThreadCpuTime();
        for (byte[] event : events) {
          if (!(decoder.decode(event, tape) instanceof DecodeResult.Decoded)) {
            throw new IllegalStateException("Cannot decode a benchmark event of " + shape);
          }
          nodes += tape.size();
        }
        long spent = threads.getCurrentThreadCpuTime() - start;
        if (round >= warmUp) {
          nanos[round - warmUp] = spent;
        }
      }
      Arrays.sort(nanos);
      System.out.printf("%s,%.1f,%d%n", shape, nanos[rounds / 2] / (double) events.length, nodes / events.length);
    }
  }
}
