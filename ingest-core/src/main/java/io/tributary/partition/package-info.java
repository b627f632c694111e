/**
 * Partition paths: where in a dataset's prefix a record lands, from its event time and fields of the event.
 *
 * <p>{@link io.tributary.partition.Partitioner} turns a record into a path such as
 * {@code year=2026/month=03/day=07/hour=06/region=eu} following a {@link io.tributary.partition.PartitionSpec};
 * {@link io.tributary.partition.HivePartitionValues} escapes values so that Hive-style readers read them back and
 * no value can leave its prefix.
 */
package io.tributary.partition;
