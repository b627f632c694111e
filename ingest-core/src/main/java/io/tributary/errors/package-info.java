/**
 * Records that cannot be landed: why ({@link io.tributary.errors.ErrorType}), and the rows and paths of the error
 * prefix ({@link io.tributary.errors.ErrorRows}) where each becomes one row, so the pipeline goes on and nothing is
 * lost.
 */
package io.tributary.errors;
