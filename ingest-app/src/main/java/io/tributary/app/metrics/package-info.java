/**
 * Where the engine's metrics go: CloudWatch in production (only the tag keys the operator allows become
 * dimensions, since every metric and dimension combination is billed) and a Prometheus text endpoint locally.
 * The meters themselves are defined in {@code io.tributary.metrics} (ingest-core).
 */
package io.tributary.app.metrics;
