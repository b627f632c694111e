package io.tributary.bench.iceberg;

import io.tributary.bench.CorePathBenchmark;
import io.tributary.bench.EventShape;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.data.Record;
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
 * One Iceberg data file of {@value CorePathBenchmark#BATCH} rows, written into memory with its {@code DataFile}, by
 * Tributary's writer and by Iceberg 1.12.0's generic writer, in one run, on each event shape. The rows are the same
 * for all: Tributary's buffered rows ({@link BenchRows}). Scores are rows per second, one thread.
 *
 * <ul>
 *   <li>{@link #tributary}: {@code IcebergDataFiles.encode} (our Parquet writer, field ids) + {@code describe}
 *       (the {@code DataFile} from the footer), from the {@code Object[]} rows;</li>
 *   <li>{@link #tributaryTyped}: the same file straight from the buffer (the landing's typed path);</li>
 *   <li>{@link #iceberg}: each row converted to a generic {@code Record} ({@link GenericRows}), written by
 *       {@code GenericFileWriterFactory.newDataWriter}: what an engine with our buffers would pay for Iceberg's
 *       writer;</li>
 *   <li>{@link #icebergWriterOnly}: the same writer on records converted beforehand: the writer alone, the bound for
 *       an engine that would buffer Iceberg records instead of our rows.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class IcebergWriterBenchmark {
  private static final int BATCH = CorePathBenchmark.BATCH;

  @Param({"SMALL", "NESTED", "WIDE"})
  public EventShape shape;

  private IcebergWriters writers;
  private GenericRows converter;
  private List<Record> records;

  @Setup(Level.Trial)
  public void setUp() {
    writers = new IcebergWriters(BenchRows.of(shape, BATCH));
    converter = new GenericRows(writers.schema());
    records = writers.records(converter);
    long ours = writers.tributary().bytes().length;
    long theirs = writers.iceberg(converter).bytes().length;
    System.out.printf("%n# %s file bytes per row: tributary %.1f, iceberg %.1f%n", shape, (double) ours / BATCH,
        (double) theirs / BATCH);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public IcebergWriters.Written tributary() {
    return writers.tributary();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public IcebergWriters.Written tributaryTyped() {
    return writers.tributaryTyped();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public IcebergWriters.Written iceberg() {
    return writers.iceberg(converter);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public IcebergWriters.Written icebergWriterOnly() {
    return writers.iceberg(records);
  }
}
