/**
 * Why a record could not be landed: {@link io.tributary.error.ErrorType}, the one classification every stage
 * (decode, routing, partition, schema) reports its failures with, and the {@code error_type} partition of the error
 * prefix. This package depends on no other Tributary package, so that every stage can use it without a cycle.
 */
package io.tributary.error;
