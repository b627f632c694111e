package io.tributary.landing;

import io.tributary.source.Position;
import io.tributary.source.SourcePartition;
import io.tributary.source.SourceRecord;
import io.tributary.store.LocalFileStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Run in its own JVM by {@link ManyOpenPathsTest} with a small heap: lands records spread over thousands of open
 * partition paths under a memory budget, and prints how many it took and the most memory its buffers held.
 */
public final class ManyOpenPathsProbe {
  private ManyOpenPathsProbe() {}

  public static void main(String[] args) {
    Path root = Path.of(args[0]);
    int paths = Integer.parseInt(args[1]);
    int records = Integer.parseInt(args[2]);
    long budget = Long.parseLong(args[3]);
    Landing landing = new Landing(LandingFixture.settings("probe", 1_000_000, budget), new LocalFileStore(root),
        Clock.systemUTC());
    SourcePartition partition = new SourcePartition("events", "0");
    landing.assign(partition);
    String padding = "x".repeat(220);
    long peak = 0;
    for (int i = 0; i < records; i++) {
      // One partition path per hour: `paths` distinct hours, each receiving records all the time.
      long ts = LandingFixture.HOUR_06 - (long) (i % paths) * 3_600_000L;
      String json = "{\"id\": " + i + ", \"ts\": " + ts + ", \"user\": {\"name\": \"u" + (i % 977)
          + "\", \"tier\": " + (i % 3) + "}, \"pad\": \"" + padding + "\"}";
      landing.accept(new SourceRecord("events", "0", Position.of(i), null, List.of(), ts,
          json.getBytes(StandardCharsets.UTF_8)));
      peak = Math.max(peak, landing.bufferedBytes());
    }
    landing.close();
    System.out.println("records=" + records + " paths=" + paths + " peakBufferedBytes=" + peak
        + " maxHeap=" + Runtime.getRuntime().maxMemory());
  }
}
