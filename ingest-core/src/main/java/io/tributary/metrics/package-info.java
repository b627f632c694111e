/**
 * The engine's metrics, defined once ({@link io.tributary.metrics.TributaryMeter}: name, type, base unit,
 * description, tag keys) and bound to whatever Micrometer registry the service chooses: CloudWatch in production,
 * Prometheus text locally, a simple registry in tests. {@link io.tributary.metrics.LandingMetrics} is what the landing
 * layer records into; {@link io.tributary.metrics.SourceLagMetrics} turns a source's lag into gauges.
 *
 * <p>Tags are kept to small, bounded sets (dataset, outcome, file kind, error type): never a partition, an offset or
 * a key, because every metric and tag combination is a separate, billed metric in CloudWatch.
 */
package io.tributary.metrics;
