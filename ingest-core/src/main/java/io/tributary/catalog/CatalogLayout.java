package io.tributary.catalog;

import io.tributary.catalog.hive.HiveTable;
import io.tributary.catalog.hive.HiveTables;
import io.tributary.errors.ErrorRows;
import io.tributary.partition.Granularity;
import io.tributary.partition.PartitionSpec;
import io.tributary.schema.DatasetSchema;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where the engine writes and how, as a catalog needs it: the lake's roots as URIs, each dataset's partition layout,
 * and the table names.
 *
 * @param dataRoot the data prefix as a URI ending with {@code /}: {@code s3://bucket/prefix/}, {@code file:/lake/}
 * @param errorsRoot the error prefix as a URI ending with {@code /}
 * @param partitioning the partition layout of each dataset
 * @param errorGranularity the time keys of error paths
 * @param tablePrefix prepended to every table name (may be empty)
 */
public record CatalogLayout(String dataRoot, String errorsRoot, Function<String, PartitionSpec> partitioning,
    Granularity errorGranularity, String tablePrefix) {
  public CatalogLayout {
    dataRoot = withSlash(Objects.requireNonNull(dataRoot, "dataRoot may not be null"));
    errorsRoot = withSlash(Objects.requireNonNull(errorsRoot, "errorsRoot may not be null"));
    Objects.requireNonNull(partitioning, "partitioning may not be null");
    Objects.requireNonNull(errorGranularity, "errorGranularity may not be null");
    Objects.requireNonNull(tablePrefix, "tablePrefix may not be null");
  }

  /** The catalog table name of a dataset, or of the error files for {@link ErrorRows#DATASET}. */
  public String tableName(String dataset) {
    return tablePrefix + (dataset.equals(ErrorRows.DATASET) ? HiveTables.ERRORS_TABLE : dataset);
  }

  /** The table of a dataset at {@code schema}. */
  public HiveTable datasetTable(DatasetSchema schema) {
    return HiveTables.dataset(tableName(schema.dataset()), dataRoot + schema.dataset() + "/", schema,
        partitioning.apply(schema.dataset()));
  }

  /** The table of the error files, enumerating {@code datasets} (and {@link ErrorRows#UNROUTED}). */
  public HiveTable errorsTable(Collection<String> datasets) {
    return HiveTables.errors(tableName(ErrorRows.DATASET), errorsRoot, datasets, errorGranularity);
  }

  private static String withSlash(String uri) {
    return uri.endsWith("/") ? uri : uri + "/";
  }
}
