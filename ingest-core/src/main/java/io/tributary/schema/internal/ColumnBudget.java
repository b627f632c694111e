package io.tributary.schema.internal;

/** Leaf columns still allowed under the cap; once spent, new fields go to {@code _rescued}. */
final class ColumnBudget {
  private int remaining;

  ColumnBudget(int remaining) {
    this.remaining = remaining;
  }

  /** Takes {@code leaves} columns if that many remain. */
  boolean take(int leaves) {
    if (remaining < leaves) {
      return false;
    }
    remaining -= leaves;
    return true;
  }
}
