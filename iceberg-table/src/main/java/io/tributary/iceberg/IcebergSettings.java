package io.tributary.iceberg;

import io.tributary.partition.Granularity;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * How datasets land as Iceberg tables: a value the service will build from its configuration once the
 * {@code table-format: iceberg} and {@code catalog.*} keys are declared (docs/design/iceberg.md, "Wiring").
 *
 * @param namespace the catalog namespace the tables are created in (dotted levels)
 * @param icebergDatasets which datasets are Iceberg tables; the others (and error files) keep the Hive layout
 * @param granularity the partition transform of {@value IcebergSchemas#EVENT_TIME}: hour, day, month or year
 * @param identityColumns top-level columns partitioned by identity (after the time), when the column exists at
 *     table creation
 * @param tableProperties extra table properties at creation ({@code format-version} is always 2)
 */
public record IcebergSettings(String namespace, Predicate<String> icebergDatasets, Granularity granularity,
    List<String> identityColumns, Map<String, String> tableProperties) {
  public IcebergSettings {
    Objects.requireNonNull(namespace, "namespace may not be null");
    if (namespace.isBlank()) {
      throw new IllegalArgumentException("Invalid Iceberg namespace: may not be blank");
    }
    Objects.requireNonNull(icebergDatasets, "icebergDatasets may not be null");
    Objects.requireNonNull(granularity, "granularity may not be null");
    identityColumns = List.copyOf(identityColumns);
    tableProperties = Map.copyOf(tableProperties);
  }

  /** Every dataset an Iceberg table in {@code namespace}, hourly, no identity partitions. */
  public static IcebergSettings allDatasets(String namespace) {
    return new IcebergSettings(namespace, dataset -> true, Granularity.HOUR, List.of(), Map.of());
  }
}
