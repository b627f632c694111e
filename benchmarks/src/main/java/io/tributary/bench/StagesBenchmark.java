package io.tributary.bench;

import io.tributary.buffer.RowBuffer;
import io.tributary.firehose.ShapedRow;
import io.tributary.firehose.ShapedRowJson;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.ShapeResult;
import io.tributary.source.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The core path stage by stage, to see where its time goes: decode alone, shape alone (of decoded events), buffer
 * alone (of shaped rows) and encode alone (a full buffer to Parquet bytes); and {@code json}, what
 * {@code sink: firehose} does instead of encode (the JSON line of each shaped row). Scores are per event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class StagesBenchmark {
  private static final int BATCH = CorePathBenchmark.BATCH;

  @Param({"SMALL", "NESTED", "WIDE"})
  public EventShape shape;

  private byte[][] events;
  private CorePipeline pipeline;
  private List<Map<String, Object>> decoded;
  private List<ShapeResult.Shaped> shaped;
  private RowBuffer full;
  private List<ShapedRow> jsonRows;

  @Setup(Level.Trial)
  public void setUp() {
    events = shape.events(CorePathBenchmark.SEED, BATCH, CorePathBenchmark.FIRST_TS);
    pipeline = new CorePipeline();
    pipeline.land(events);
    decoded = new ArrayList<>();
    shaped = new ArrayList<>();
    full = new RowBuffer(0);
    for (byte[] payload : events) {
      Map<String, Object> event = pipeline.decode(payload);
      decoded.add(event);
      shaped.add(shape(event));
      pipeline.buffer(full, payload);
    }
    DatasetSchema newest = shaped.get(shaped.size() - 1).schema();
    jsonRows = new ArrayList<>(shaped.size());
    for (ShapeResult.Shaped row : shaped) {
      jsonRows.add(new ShapedRow(newest, row.row(), CorePathBenchmark.FIRST_TS * 1000L, ONE));
    }
  }

  private ShapeResult.Shaped shape(Map<String, Object> event) {
    return (ShapeResult.Shaped) pipeline.schemas().shape(CorePipeline.DATASET, event, 1L, "topic", "0", "1");
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void decode(Blackhole sink) {
    for (byte[] payload : events) {
      sink.consume(pipeline.decode(payload));
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void shape(Blackhole sink) {
    for (Map<String, Object> event : decoded) {
      sink.consume(shape(event));
    }
  }

  private static final Position ONE = Position.of(1);

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public RowBuffer buffer() {
    RowBuffer buffer = new RowBuffer(0);
    for (ShapeResult.Shaped row : shaped) {
      buffer.append(row.schema(), row.row(), ONE, 0);
    }
    return buffer;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public byte[] encode() {
    return pipeline.encode(full);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void json(Blackhole sink) {
    for (ShapedRow row : jsonRows) {
      sink.consume(ShapedRowJson.encode(row));
    }
  }
}
