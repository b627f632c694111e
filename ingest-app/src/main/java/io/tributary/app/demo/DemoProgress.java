package io.tributary.app.demo;

import io.tributary.landing.Landing;
import io.tributary.layout.LakeLayout;
import java.nio.file.Path;
import java.util.ArrayDeque;

/**
 * A progress line from the landing layer's counters and the folder. The rate is over the last 5 s: Kafka hands
 * records over in fetches, so a per-second count would swing between nothing and a whole fetch.
 */
final class DemoProgress {
  private static final long WINDOW_NANOS = 5_000_000_000L;
  private final Landing landing;
  private final Path lake;
  private final ArrayDeque<long[]> samples = new ArrayDeque<>();

  DemoProgress(Landing landing, Path lake) {
    this.landing = landing;
    this.lake = lake;
    samples.add(new long[] {System.nanoTime(), landing.acceptedCount()});
  }

  String line(double at, long produced) {
    long count = landing.acceptedCount();
    long now = System.nanoTime();
    while (samples.size() > 1 && now - samples.peekFirst()[0] > WINDOW_NANOS) {
      samples.removeFirst();
    }
    long[] oldest = samples.peekFirst();
    double rate = (count - oldest[1]) / Math.max(0.001, (now - oldest[0]) / 1e9);
    samples.addLast(new long[] {now, count});
    return String.format("%5.1f s  produced %8d  received %8d  %7.0f ev/s (5 s avg)  data files %4d  "
        + "schema versions %3d  error files %3d", at, produced, count, rate, DemoLake.parquetFiles(lake, false),
        DemoLake.countFiles(lake.resolve(LakeLayout.SCHEMAS_FOLDER)),
        DemoLake.parquetFiles(lake.resolve("_errors"), true));
  }

  /** Seconds since {@code startedNanos} (a {@link System#nanoTime()}), for the lines the demo prints. */
  static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
