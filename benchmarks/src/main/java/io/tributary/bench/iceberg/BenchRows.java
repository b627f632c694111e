package io.tributary.bench.iceberg;

import io.tributary.bench.CorePathBenchmark;
import io.tributary.bench.CorePipeline;
import io.tributary.bench.EventShape;
import io.tributary.buffer.RowBuffer;
import io.tributary.parquet.WriteOptions;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.EvolutionSettings;
import io.tributary.schema.PathOverride;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The rows both Iceberg writers are given: events of one {@link EventShape}, decoded, shaped and buffered by
 * Tributary's core path, then read back from the buffer as a roll reads them ({@code Object[]} rows of the buffer's
 * schema), with each row's event time. {@link EventShape#NESTED} events also carry a {@code labels} object pinned to
 * a {@code map<string, string>} column, so the nested shape has a map beside its list of structs ({@code items}).
 *
 * @param schema the schema of the rows (one version: the benchmarks write one table of it)
 * @param rows the rows, as {@code RowBuffer.values()} gives them
 * @param eventTimes each row's event time ({@code ts}), microseconds since the epoch; all in one hour
 * @param buffer the buffer the rows were read from, for the typed path (the landing's: no {@code Object[]} rows)
 */
public record BenchRows(DatasetSchema schema, List<Object[]> rows, long[] eventTimes, RowBuffer buffer) {
  /** The column {@link EventShape#NESTED} rows carry their map in. */
  public static final String MAP_COLUMN = "labels";

  private static final String[] EXPERIMENTS = {"checkout_flow", "search_ranking", "free_shipping", "hero_banner",
      "recommendations", "price_display", "onboarding", "dark_mode"};
  private static final String[] VARIANTS = {"control", "variant_a", "variant_b"};

  /** {@code count} rows of {@code shape}, from {@link CorePathBenchmark}'s seed and first event time. */
  public static BenchRows of(EventShape shape, int count) {
    byte[][] events = shape.events(CorePathBenchmark.SEED, count, CorePathBenchmark.FIRST_TS);
    EvolutionSettings settings = EvolutionSettings.defaults();
    if (shape == EventShape.NESTED) {
      for (int i = 0; i < count; i++) {
        events[i] = withLabels(events[i], i);
      }
      settings = settings.withOverrides(List.of(new PathOverride(MAP_COLUMN, PathOverride.Kind.MAP, null)));
    }
    CorePipeline pipeline = new CorePipeline(WriteOptions.defaults(), settings);
    RowBuffer buffer = new RowBuffer(0);
    for (byte[] event : events) {
      pipeline.buffer(buffer, event);
    }
    List<Object[]> rows = new ArrayList<>(count);
    for (Iterator<Object[]> values = buffer.values(); values.hasNext(); ) {
      rows.add(values.next());
    }
    long[] eventTimes = new long[count];
    for (int i = 0; i < count; i++) {
      eventTimes[i] = (CorePathBenchmark.FIRST_TS + i) * 1_000L;
    }
    DatasetSchema last = buffer.schema();
    return new BenchRows(new DatasetSchema(last.dataset(), 1, last.root()), rows, eventTimes, buffer);
  }

  /** {@code event} with a {@code labels} object of 2 to 5 experiment → variant entries appended. */
  private static byte[] withLabels(byte[] event, long index) {
    SplittableRandom random = new SplittableRandom(CorePathBenchmark.SEED * 31 + index);
    StringBuilder labels = new StringBuilder(",\"" + MAP_COLUMN + "\":{");
    int entries = 2 + random.nextInt(4);
    int first = random.nextInt(EXPERIMENTS.length);
    for (int i = 0; i < entries; i++) {
      labels.append(i == 0 ? "" : ",").append('"').append(EXPERIMENTS[(first + i) % EXPERIMENTS.length])
          .append("\":\"").append(VARIANTS[random.nextInt(VARIANTS.length)]).append('"');
    }
    String json = new String(event, StandardCharsets.UTF_8);
    return (json.substring(0, json.length() - 1) + labels + "}}").getBytes(StandardCharsets.UTF_8);
  }
}
