package io.tributary.app.chaos;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Iceberg commit duration ({@code tributary.iceberg.commit.duration}) of one or more instances, from the
 * histogram buckets of their {@code /metrics} pages summed over datasets and instances (as Prometheus'
 * {@code histogram_quantile} over summed buckets does): samples, mean, and p50/p99 as the upper bound of the bucket
 * that holds them.
 */
final class CommitLatency {
  static final String METRIC = "tributary_iceberg_commit_duration_seconds";
  private static final Pattern BUCKET = Pattern.compile("^" + METRIC + "_bucket\\{.*le=\"([^\"]+)\".*} (\\S+)$");
  private static final Pattern COUNT = Pattern.compile("^" + METRIC + "_count\\{.*} (\\S+)$");
  private static final Pattern SUM = Pattern.compile("^" + METRIC + "_sum\\{.*} (\\S+)$");

  private final Map<Double, Double> buckets = new TreeMap<>();
  private double count;
  private double sum;

  /** Adds the samples of one instance's {@code /metrics} page. */
  CommitLatency add(String metricsPage) {
    for (String line : metricsPage.split("\n")) {
      Matcher bucket = BUCKET.matcher(line);
      Matcher total = COUNT.matcher(line);
      Matcher seconds = SUM.matcher(line);
      if (bucket.matches()) {
        double le = bucket.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bucket.group(1));
        buckets.merge(le, Double.parseDouble(bucket.group(2)), Double::sum);
      } else if (total.matches()) {
        count += Double.parseDouble(total.group(1));
      } else if (seconds.matches()) {
        sum += Double.parseDouble(seconds.group(1));
      }
    }
    return this;
  }

  long samples() {
    return Math.round(count);
  }

  /** The upper bound in milliseconds of the bucket that holds quantile {@code q}, or NaN without samples. */
  double quantileMillis(double q) {
    double rank = q * count;
    for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
      if (count > 0 && bucket.getValue() >= rank) {
        return bucket.getKey() * 1000;
      }
    }
    return Double.NaN;
  }

  @Override
  public String toString() {
    return String.format("iceberg-commits=%d mean=%.0f ms p50<=%.0f ms p99<=%.0f ms", samples(),
        count == 0 ? Double.NaN : sum / count * 1000, quantileMillis(0.5), quantileMillis(0.99));
  }
}
