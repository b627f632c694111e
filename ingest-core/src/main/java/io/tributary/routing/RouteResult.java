package io.tributary.routing;

import java.util.Objects;

/**
 * The outcome of routing one record: the dataset it belongs to, or why none could be chosen. Routing never throws
 * for a bad record; an {@link Unroutable} record becomes an error row of type
 * {@link io.tributary.error.ErrorType#ROUTING} and the pipeline goes on.
 */
public sealed interface RouteResult permits RouteResult.Routed, RouteResult.Unroutable {

  /**
   * The record belongs to a dataset.
   *
   * @param dataset the dataset name, already sanitized: {@link DatasetNames#isValid(String)} holds for it
   */
  record Routed(String dataset) implements RouteResult {
    public Routed {
      if (!DatasetNames.isValid(dataset)) {
        throw new IllegalArgumentException("Invalid dataset name: '" + dataset
            + "': must match [a-z][a-z0-9_]* with at most " + DatasetNames.MAX_LENGTH
            + " characters; pass raw names through DatasetNames.sanitize");
      }
    }
  }

  /**
   * No dataset could be chosen for the record.
   *
   * @param reason why, in words for the error row: never blank
   */
  record Unroutable(String reason) implements RouteResult {
    public Unroutable {
      Objects.requireNonNull(reason, "reason may not be null");
      if (reason.isBlank()) {
        throw new IllegalArgumentException("Invalid unroutable result: reason may not be blank");
      }
    }
  }
}
