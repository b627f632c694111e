package io.tributary.catalog.hive;

import io.tributary.error.ErrorType;
import io.tributary.errors.ErrorRows;
import io.tributary.partition.Granularity;
import io.tributary.partition.PartitionSpec;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.Field;
import io.tributary.schema.HiveTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The Hive table of a dataset, and of the error files, for the exact layout the engine writes.
 *
 * <p>Columns: every column of the schema, in schema order (metadata columns first, {@code _rescued} included),
 * except a data column whose name is also a partition key (Hive forbids both; readers take the value from the
 * path). Partition keys: the time keys of the granularity as {@code int} ({@code month=03} reads as 3), then the
 * extra field keys as {@code string}. Parameters: {@code classification=parquet}, the schema version, and Athena
 * partition projection: time keys as {@code integer} ranges zero-padded as the paths are, extra keys
 * {@code injected} (a query names their value, spelled as the path spells it: Hive escaping, see
 * {@link io.tributary.partition.HivePartitionValues}), and a {@code storage.location.template} of the layout.
 */
public final class HiveTables {
  /** The table parameter that holds the schema version of the columns. */
  public static final String SCHEMA_VERSION_PARAMETER = "tributary.schema.version";
  /** The first year partition projection enumerates. */
  public static final int FIRST_YEAR = 2000;
  /** The last year partition projection enumerates. */
  public static final int LAST_YEAR = 2099;
  /** The table of the error files (before the table name prefix). */
  public static final String ERRORS_TABLE = "tributary_errors";
  /** The partition key of the errors table's first folder: the dataset, or {@value ErrorRows#UNROUTED}. */
  public static final String ERRORS_DATASET_KEY = "dataset";

  private HiveTables() {}

  /**
   * The table of a dataset.
   *
   * @param tableName the table name (the dataset name with any prefix)
   * @param location the dataset's folder, ending with {@code /} ({@code s3://bucket/prefix/orders/})
   * @param schema the schema version whose columns the table declares
   * @param spec the dataset's partition layout
   */
  public static HiveTable dataset(String tableName, String location, DatasetSchema schema, PartitionSpec spec) {
    List<HiveColumn> keys = timeKeys(spec.granularity());
    spec.extraKeyNames().forEach(name -> keys.add(new HiveColumn(name, "string")));
    Map<String, String> parameters = baseParameters(schema.version());
    StringBuilder template = new StringBuilder(location);
    projectTimeKeys(spec.granularity(), parameters, template);
    for (String name : spec.extraKeyNames()) {
      parameters.put("projection." + name + ".type", "injected");
      template.append(name).append("=${").append(name).append("}/");
    }
    parameters.put("storage.location.template", trimSlash(template));
    return new HiveTable(tableName, location, columns(schema, keys), keys, parameters, schema.version());
  }

  /**
   * The table of the error files: {@code <errors root>/<dataset>/error_type=<TYPE>/<time keys>}. The first folder
   * is a bare name, not {@code key=value}, so only Athena's projection (an {@code enum} of {@code datasets}) can
   * read it as a partition key.
   *
   * @param tableName the table name
   * @param location the error prefix, ending with {@code /}
   * @param datasets the dataset folders to enumerate; {@value ErrorRows#UNROUTED} is always added
   * @param granularity the time keys of error paths
   */
  public static HiveTable errors(String tableName, String location, Collection<String> datasets,
      Granularity granularity) {
    List<HiveColumn> keys = new ArrayList<>();
    keys.add(new HiveColumn(ERRORS_DATASET_KEY, "string"));
    keys.add(new HiveColumn(ErrorRows.ERROR_TYPE_KEY, "string"));
    keys.addAll(timeKeys(granularity));
    Map<String, String> parameters = baseParameters(ErrorRows.SCHEMA_VERSION);
    Set<String> folders = new TreeSet<>(datasets);
    folders.add(ErrorRows.UNROUTED);
    parameters.put("projection." + ERRORS_DATASET_KEY + ".type", "enum");
    parameters.put("projection." + ERRORS_DATASET_KEY + ".values", String.join(",", folders));
    parameters.put("projection." + ErrorRows.ERROR_TYPE_KEY + ".type", "enum");
    parameters.put("projection." + ErrorRows.ERROR_TYPE_KEY + ".values",
        Arrays.stream(ErrorType.values()).map(Enum::name).collect(Collectors.joining(",")));
    StringBuilder template = new StringBuilder(location).append("${").append(ERRORS_DATASET_KEY).append("}/")
        .append(ErrorRows.ERROR_TYPE_KEY).append("=${").append(ErrorRows.ERROR_TYPE_KEY).append("}/");
    projectTimeKeys(granularity, parameters, template);
    parameters.put("storage.location.template", trimSlash(template));
    return new HiveTable(tableName, location, columns(ErrorRows.schema(), keys), keys, parameters,
        ErrorRows.SCHEMA_VERSION);
  }

  /** The dataset folders an errors table's projection enumerates ({@code projection.dataset.values}). */
  public static Set<String> errorDatasets(Map<String, String> parameters) {
    String values = parameters.get("projection." + ERRORS_DATASET_KEY + ".values");
    Set<String> out = new TreeSet<>();
    if (values != null && !values.isBlank()) {
      out.addAll(Arrays.asList(values.split(",")));
    }
    return out;
  }

  private static List<HiveColumn> columns(DatasetSchema schema, List<HiveColumn> partitionKeys) {
    Set<String> keyNames = new HashSet<>();
    partitionKeys.forEach(k -> keyNames.add(k.name()));
    List<HiveColumn> columns = new ArrayList<>();
    for (Field field : schema.root().fields()) {
      if (!keyNames.contains(field.name())) {
        columns.add(new HiveColumn(field.name(), HiveTypes.of(field.type())));
      }
    }
    return columns;
  }

  private static List<HiveColumn> timeKeys(Granularity granularity) {
    List<HiveColumn> keys = new ArrayList<>();
    granularity.keyNames().forEach(name -> keys.add(new HiveColumn(name, "int")));
    return keys;
  }

  private static Map<String, String> baseParameters(int schemaVersion) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("classification", "parquet");
    parameters.put(SCHEMA_VERSION_PARAMETER, Integer.toString(schemaVersion));
    parameters.put("projection.enabled", "true");
    return parameters;
  }

  /** Integer projections zero-padded as {@link Granularity#timePath(long)} writes them. */
  private static void projectTimeKeys(Granularity granularity, Map<String, String> parameters,
      StringBuilder template) {
    for (String key : granularity.keyNames()) {
      parameters.put("projection." + key + ".type", "integer");
      parameters.put("projection." + key + ".range", switch (key) {
        case "year" -> FIRST_YEAR + "," + LAST_YEAR;
        case "month" -> "1,12";
        case "day" -> "1,31";
        default -> "0,23";
      });
      parameters.put("projection." + key + ".digits", key.equals("year") ? "4" : "2");
      template.append(key).append("=${").append(key).append("}/");
    }
  }

  private static String trimSlash(StringBuilder template) {
    return template.substring(0, template.length() - 1);
  }
}
