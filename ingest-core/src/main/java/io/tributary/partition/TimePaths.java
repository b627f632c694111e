package io.tributary.partition;

/**
 * The time path ({@link Granularity#timePath}) of the bucket last asked for, kept so that the records of one hour (or
 * day) share one string instead of formatting it each: a stream's records mostly fall in the bucket of the record
 * before them. Month and year buckets differ in length and are formatted every time. Thread-safe.
 */
final class TimePaths {
  private record Bucket(long start, long end, String path) {}

  private final Granularity granularity;
  private final long length;
  private volatile Bucket last = new Bucket(0, 0, null);

  TimePaths(Granularity granularity) {
    this.granularity = granularity;
    this.length = granularity.bucketMicros();
  }

  /** {@link Granularity#timePath}{@code (epochMicros)}, with its checks. */
  String of(long epochMicros) {
    Bucket bucket = last;
    if (epochMicros >= bucket.start() && epochMicros < bucket.end()) {
      return bucket.path();
    }
    String path = granularity.timePath(epochMicros);
    if (length > 0) {
      long start = Math.floorDiv(epochMicros, length) * length;
      last = new Bucket(start, start + length, path);
    }
    return path;
  }
}
