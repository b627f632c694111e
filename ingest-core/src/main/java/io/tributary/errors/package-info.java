/**
 * Records that cannot be landed: a {@link io.tributary.errors.FailedRecord} says what failed and why (an
 * {@link io.tributary.error.ErrorType}), and {@link io.tributary.errors.ErrorRows} gives the rows and paths of the
 * error prefix where each becomes one row, so the pipeline goes on and nothing is lost.
 */
package io.tributary.errors;
