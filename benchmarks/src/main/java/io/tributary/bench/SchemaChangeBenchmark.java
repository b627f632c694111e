package io.tributary.bench;

import io.tributary.schema.ShapeResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of a schema change: shaping a small event that brings one new column (evolve the schema, publish the
 * version to the history in an in-memory store, compile the new shaper, shape the row), beside shaping a small event
 * the schema already holds. A dataset takes {@value #COLUMNS_PER_DATASET} new columns, then the next dataset starts,
 * so the schemas stay near their real width. Average time per event; the store round trips a real S3 adds to a
 * change (list, put-if-absent, get) are not in it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SchemaChangeBenchmark {
  static final int COLUMNS_PER_DATASET = 100;

  private CorePipeline pipeline;
  private Map<String, Object> event;
  private String[] newNames;
  private long changes;

  @Setup(Level.Iteration)
  public void setUp() {
    pipeline = new CorePipeline();
    event = pipeline.decode(EventShape.SMALL.event(CorePathBenchmark.SEED, 0, CorePathBenchmark.FIRST_TS));
    pipeline.schemas().shape(CorePipeline.DATASET, event, 1L, "topic", "0", "1");
    newNames = new String[COLUMNS_PER_DATASET];
    for (int i = 0; i < newNames.length; i++) {
      newNames[i] = "added_" + i;
    }
    changes = 0;
  }

  @Benchmark
  public ShapeResult unchanged() {
    return pipeline.schemas().shape(CorePipeline.DATASET, event, 1L, "topic", "0", "1");
  }

  @Benchmark
  public ShapeResult newColumn() {
    long n = changes++;
    Map<String, Object> grown = new LinkedHashMap<>(event);
    grown.put(newNames[(int) (n % COLUMNS_PER_DATASET)], n);
    ShapeResult result = pipeline.schemas().shape("ds" + n / COLUMNS_PER_DATASET, grown, 1L, "topic", "0", "1");
    if (!(result instanceof ShapeResult.Shaped shaped) || !shaped.newVersion()) {
      throw new IllegalStateException("Expected a new schema version: " + result);
    }
    return result;
  }
}
