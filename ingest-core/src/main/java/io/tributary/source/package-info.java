/**
 * What the service sees of a source adapter (Kafka, Kinesis): start it, stop it within a deadline, read its lag.
 * Adapters implement {@link io.tributary.source.Source} and talk to the landing layer only through
 * {@link io.tributary.landing.Landing}.
 */
package io.tributary.source;
