package io.tributary.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tributary's core path against the naive pipeline, in one run, on each event shape: one operation lands
 * {@value #BATCH} events (decode, evolve, shape, buffer, encode to one ZSTD Parquet file), and scores are per event.
 * One thread: events per second per core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CorePathBenchmark {
  /** Events per file. */
  public static final int BATCH = 10_000;
  public static final long SEED = 42;
  public static final long FIRST_TS = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

  @Param({"SMALL", "NESTED", "WIDE"})
  public EventShape shape;

  private byte[][] events;
  private CorePipeline tributary;
  private NaivePipeline naive;

  @Setup(Level.Trial)
  public void setUp() {
    events = shape.events(SEED, BATCH, FIRST_TS);
    tributary = new CorePipeline();
    // The first file publishes the schema: the measured files find it in place, as a running engine does.
    tributary.land(events);
    naive = new NaivePipeline(events[0]);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public byte[] tributary() {
    return tributary.land(events);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public byte[] naive() {
    return naive.land(events);
  }
}
