package io.tributary.source;

/** Where a source stands, as health checks see it. */
public enum SourceState {
  /** Created or joining its group; owns no partitions yet. */
  STARTING,
  /** Consuming. */
  RUNNING,
  /** Stopping or stopped on request. */
  STOPPED,
  /** Stopped by a failure it cannot recover from (the process should exit non-zero). */
  FAILED
}
