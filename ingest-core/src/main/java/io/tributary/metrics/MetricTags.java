package io.tributary.metrics;

import io.tributary.errors.ErrorRows;

/** The tag keys of Tributary's meters and their fixed values. Every value set is small and bounded. */
public final class MetricTags {
  /** The dataset (table) a meter is about; {@link #UNROUTED} for records no dataset could be chosen for. */
  public static final String DATASET = "dataset";
  /** What became of a received record: {@link #LANDED}, {@link #ERROR} or {@link #DUPLICATE}. */
  public static final String OUTCOME = "outcome";
  /** The kind of a written file: {@link #DATA} or {@link #ERROR}. */
  public static final String KIND = "kind";
  /** The {@link io.tributary.error.ErrorType} of a record sent to the error prefix. */
  public static final String ERROR_TYPE = "error_type";
  /**
   * Why: a {@link io.tributary.buffer.RollReason} in lower case (why a buffer rolled), or a word of
   * {@code io.tributary.catalog.glue.GlueFailure.Reason} (why a catalog request failed).
   */
  public static final String REASON = "reason";

  /** Buffered for a data file. */
  public static final String LANDED = "landed";
  /** Buffered for an error file (as an outcome), or an error file (as a kind). */
  public static final String ERROR = "error";
  /** Already durable (a replay): skipped. */
  public static final String DUPLICATE = "duplicate";
  /** A data file. */
  public static final String DATA = "data";
  /** The dataset tag of records that no dataset could be chosen for, as in the error prefix's paths. */
  public static final String UNROUTED = ErrorRows.UNROUTED;

  private MetricTags() {}
}
