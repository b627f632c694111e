/**
 * How configuration keys are declared: {@link io.tributary.config.ConfigKey} (name, {@link
 * io.tributary.config.ValueType}, default, documentation), like Kafka's {@code ConfigDef}. Each module declares its
 * own keys as named constants and takes its defaults from them: ingest-core's in {@link
 * io.tributary.config.CoreKeys} and {@link io.tributary.config.DatasetKeys}, the adapters' in their
 * {@code KafkaKeys} and {@code KinesisKeys}, the service's metrics in {@code MetricsKeys}; the service composes
 * them, reads files with them and generates docs/configuration.md from them; the deploy module writes the engine's
 * file through them. {@link
 * io.tributary.config.Durations} is the one duration text codec. This package depends on no other Tributary
 * package.
 */
package io.tributary.config;
