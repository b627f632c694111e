/**
 * What a Kinesis source's KCL needs in the stack: {@link io.tributary.deploy.kcl.KclLeaseTable}, the lease table
 * with its owner index, so that no task's first start waits for DynamoDB.
 */
package io.tributary.deploy.kcl;
