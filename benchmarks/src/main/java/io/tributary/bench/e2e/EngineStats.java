package io.tributary.bench.e2e;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine's {@code STATS} samples, as {@link EngineMain} prints them every 250 ms: {@code [epoch millis, records
 * accepted, process CPU nanos, heap used, heap committed]}. Added by the thread following the engine's output, read
 * by the harness.
 */
final class EngineStats {
  private final List<long[]> samples = new ArrayList<>();

  /** Adds the sample of a {@code STATS <millis> <accepted> <cpu> <heap used> <heap committed>} line. */
  void add(String line) {
    String[] parts = line.split(" ");
    long[] sample = new long[5];
    for (int i = 0; i < 5; i++) {
      sample[i] = Long.parseLong(parts[i + 1]);
    }
    synchronized (samples) {
      samples.add(sample);
    }
  }

  /** The latest sample, null before the first. */
  long[] last() {
    synchronized (samples) {
      return samples.isEmpty() ? null : samples.get(samples.size() - 1);
    }
  }

  /** The time of the first sample with at least {@code acceptedAtLeast} records accepted, 0 if none. */
  long firstSampleWith(int acceptedAtLeast) {
    synchronized (samples) {
      for (long[] s : samples) {
        if (s[1] >= acceptedAtLeast) {
          return s[0];
        }
      }
    }
    return 0;
  }

  /** The last sample at or before {@code millis} (the first one if none is). */
  long[] sampleAt(long millis) {
    synchronized (samples) {
      long[] found = samples.get(0);
      for (long[] s : samples) {
        if (s[0] <= millis) {
          found = s;
        }
      }
      return found;
    }
  }

  /** The engine's CPU time between two samples over the wall time, in percent of one core; -1 for no time. */
  static double cpuPercent(long[] from, long[] to) {
    double wallNanos = (to[0] - from[0]) * 1e6;
    return wallNanos <= 0 ? -1 : Math.round((to[2] - from[2]) / wallNanos * 1000) / 10.0;
  }

  /** The most heap used in the samples from {@code from} to {@code to} (epoch millis), in MiB. */
  double heapMaxMiB(long from, long to) {
    long max = 0;
    synchronized (samples) {
      for (long[] s : samples) {
        if (s[0] >= from && s[0] <= to) {
          max = Math.max(max, s[3]);
        }
      }
    }
    return Math.round(max / 1048576.0 * 10) / 10.0;
  }

  /** The mean heap used in the samples from {@code from} to {@code to} (epoch millis), in MiB; -1 for none. */
  double heapMeanMiB(long from, long to) {
    double sum = 0;
    int n = 0;
    synchronized (samples) {
      for (long[] s : samples) {
        if (s[0] >= from && s[0] <= to) {
          sum += s[3];
          n++;
        }
      }
    }
    return n == 0 ? -1 : Math.round(sum / n / 1048576.0 * 10) / 10.0;
  }
}
