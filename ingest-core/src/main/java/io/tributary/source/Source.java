package io.tributary.source;

import java.time.Duration;

/**
 * A running source adapter: it owns its partitions (or shards), hands their records to the landing layer in
 * order, and moves its source position only to what the landing layer reports durable.
 */
public interface Source {

  /** Starts consuming; returns at once. */
  void start();

  /**
   * Stops taking records, rolls and commits what was taken, moves the source position to it and releases the
   * partitions. Records the deadline cuts off stay behind the source position: nothing is lost either way.
   *
   * @return true if everything taken became durable and was checkpointed within {@code timeout}
   */
  boolean stop(Duration timeout);

  /** Where the source stands now. */
  SourceState state();

  /**
   * What outside the source keeps it from starting, in one sentence naming it (e.g. {@code brokers unreachable at
   * host:port}); empty when nothing does. Readiness reports it.
   */
  default java.util.Optional<String> blockedBy() {
    return java.util.Optional.empty();
  }

  /** How far behind the newest records each owned partition is, as of the last fetch. */
  SourceLag lag();
}
