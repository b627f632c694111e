package io.tributary.iceberg;

import io.tributary.partition.Granularity;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How datasets land as Iceberg tables, built by the service from {@code table-format} and {@code catalog.*}.
 *
 * @param namespace the catalog namespace the tables are created in (dotted levels)
 * @param icebergDatasets which datasets are Iceberg tables; the others (and error files) keep the Hive layout
 * @param layouts each Iceberg dataset's partitioning: the time transform and the identity columns
 * @param locationRoot where tables are created ({@code <locationRoot>/<dataset>}), or null to let the catalog choose
 *     (REST catalogs such as S3 Tables decide their tables' locations)
 * @param tableProperties extra table properties at creation ({@code format-version} is always 2)
 */
public record IcebergSettings(String namespace, Predicate<String> icebergDatasets,
    Function<String, TableLayout> layouts, String locationRoot, Map<String, String> tableProperties) {
  public IcebergSettings {
    Objects.requireNonNull(namespace, "namespace may not be null");
    if (namespace.isBlank()) {
      throw new IllegalArgumentException("Invalid Iceberg namespace: may not be blank");
    }
    Objects.requireNonNull(icebergDatasets, "icebergDatasets may not be null");
    Objects.requireNonNull(layouts, "layouts may not be null");
    if (locationRoot != null && locationRoot.endsWith("/")) {
      locationRoot = locationRoot.substring(0, locationRoot.length() - 1);
    }
    tableProperties = Map.copyOf(tableProperties);
  }

  /**
   * One layout for every Iceberg dataset, tables where the catalog puts them.
   *
   * @param granularity the partition transform of {@value IcebergSchemas#EVENT_TIME}: hour, day, month or year
   * @param identityColumns top-level columns partitioned by identity (after the time), when the column exists at
   *     table creation
   */
  public IcebergSettings(String namespace, Predicate<String> icebergDatasets, Granularity granularity,
      List<String> identityColumns, Map<String, String> tableProperties) {
    this(namespace, icebergDatasets, d -> new TableLayout(granularity, identityColumns), null, tableProperties);
  }

  /** Every dataset an Iceberg table in {@code namespace}, hourly, no identity partitions. */
  public static IcebergSettings allDatasets(String namespace) {
    return new IcebergSettings(namespace, dataset -> true, Granularity.HOUR, List.of(), Map.of());
  }

  /** The partitioning of {@code dataset}'s table. */
  public TableLayout layout(String dataset) {
    return Objects.requireNonNull(layouts.apply(dataset), () -> "no Iceberg layout for dataset " + dataset);
  }

  /**
   * How one table is partitioned: the dataset's time granularity of {@value IcebergSchemas#EVENT_TIME}, then an
   * identity partition per column (the dataset's field partition keys, as column paths), as the Hive layout of
   * the same dataset would key its folders, so that a buffer's rows are one Iceberg partition.
   */
  public record TableLayout(Granularity granularity, List<String> identityColumns) {
    public TableLayout {
      Objects.requireNonNull(granularity, "granularity may not be null");
      identityColumns = List.copyOf(identityColumns);
    }
  }
}
