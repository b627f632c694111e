package io.tributary.deploy.catalog;

import io.tributary.deploy.settings.DatasetConfig;
import io.tributary.deploy.settings.DeploySettings;
import io.tributary.error.ErrorType;
import io.tributary.errors.ErrorRows;
import io.tributary.partition.Granularity;
import io.tributary.schema.HiveTypes;
import io.tributary.schema.MetadataColumns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.glue.CfnDatabase;
import software.amazon.awscdk.services.glue.CfnTable;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * A Glue database with one table per dataset, and one for the error files, each with Athena partition projection:
 * Athena computes the partitions from the layout the engine writes ({@code year=YYYY/month=MM/day=DD/hour=HH}, then
 * the dataset's field keys), so new partitions are queryable at once, without crawlers or {@code MSCK REPAIR}.
 */
public final class LakeCatalog extends Construct {

  /** The first year the projection enumerates. */
  static final int FIRST_YEAR = 2024;
  /** The last year the projection enumerates: raise it (and redeploy) before then. */
  static final int LAST_YEAR = 2040;
  /** The Glue table of the error files. */
  public static final String ERRORS_TABLE = "tributary_errors";

  private final CfnDatabase database;
  private final String databaseName;

  public LakeCatalog(Construct scope, String id, DeploySettings settings, IBucket bucket) {
    super(scope, id);
    databaseName = settings.name().replace('-', '_') + "_lake";
    database = CfnDatabase.Builder.create(this, "Database")
        .catalogId(Aws.ACCOUNT_ID)
        .databaseInput(CfnDatabase.DatabaseInputProperty.builder()
            .name(databaseName)
            .description("Tributary datasets of " + settings.name() + " (partition projection, no crawler)")
            .build())
        .build();
    for (DatasetConfig dataset : settings.datasets()) {
      table("Table-" + dataset.name(), dataset.tableName(), location(bucket, settings.lake().prefix(), dataset.name()),
          dataColumns(dataset), dataset.partitionSpec().granularity(), dataset.partitionSpec().extraKeyNames(), null);
    }
    errorsTable(settings, bucket);
  }

  public String databaseName() {
    return databaseName;
  }

  private void errorsTable(DeploySettings settings, IBucket bucket) {
    List<CfnTable.ColumnProperty> columns = ErrorRows.schema().root().fields().stream()
        .map(f -> column(f.name(), HiveTypes.of(f.type()))).toList();
    List<String> datasets = new ArrayList<>(settings.datasets().stream().map(DatasetConfig::name).toList());
    datasets.add(ErrorRows.UNROUTED);
    Map<String, String> enums = new LinkedHashMap<>();
    enums.put("dataset", String.join(",", datasets));
    enums.put(ErrorRows.ERROR_TYPE_KEY, Arrays.stream(ErrorType.values()).map(Enum::name)
        .collect(Collectors.joining(",")));
    table("ErrorsTable", ERRORS_TABLE, location(bucket, settings.lake().errorPrefix(), null), columns,
        Granularity.HOUR, List.of(), enums);
  }

  /**
   * One table. {@code leadingEnums}: partition keys before the time keys, each with its values (the error table's
   * {@code dataset} folder and {@code error_type}); the first is a bare folder, not {@code key=value}.
   */
  private void table(String id, String name, String location, List<CfnTable.ColumnProperty> columns,
      Granularity granularity, List<String> extraKeys, Map<String, String> leadingEnums) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("classification", "parquet");
    parameters.put("parquet.compression", "ZSTD");
    parameters.put("projection.enabled", "true");
    List<CfnTable.ColumnProperty> partitionKeys = new ArrayList<>();
    StringBuilder template = new StringBuilder(location);
    boolean first = true;
    if (leadingEnums != null) {
      for (Map.Entry<String, String> e : leadingEnums.entrySet()) {
        partitionKeys.add(column(e.getKey(), "string"));
        parameters.put("projection." + e.getKey() + ".type", "enum");
        parameters.put("projection." + e.getKey() + ".values", e.getValue());
        template.append(first ? "${" + e.getKey() + "}/" : e.getKey() + "=${" + e.getKey() + "}/");
        first = false;
      }
    }
    for (String key : granularity.keyNames()) {
      partitionKeys.add(column(key, "int"));
      parameters.put("projection." + key + ".type", "integer");
      parameters.put("projection." + key + ".range", switch (key) {
        case "year" -> FIRST_YEAR + "," + LAST_YEAR;
        case "month" -> "1,12";
        case "day" -> "1,31";
        default -> "0,23";
      });
      if (!key.equals("year")) {
        parameters.put("projection." + key + ".digits", "2");
      }
      template.append(key).append("=${").append(key).append("}/");
    }
    for (String key : extraKeys) {
      partitionKeys.add(column(key, "string"));
      parameters.put("projection." + key + ".type", "injected");
      template.append(key).append("=${").append(key).append("}/");
    }
    template.setLength(template.length() - 1);
    parameters.put("storage.location.template", template.toString());

    CfnTable table = CfnTable.Builder.create(this, id)
        .catalogId(Aws.ACCOUNT_ID)
        .databaseName(databaseName)
        .tableInput(CfnTable.TableInputProperty.builder()
            .name(name)
            .tableType("EXTERNAL_TABLE")
            .parameters(parameters)
            .partitionKeys(partitionKeys)
            .storageDescriptor(CfnTable.StorageDescriptorProperty.builder()
                .location(location)
                .columns(columns)
                .inputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat")
                .outputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat")
                .serdeInfo(CfnTable.SerdeInfoProperty.builder()
                    .serializationLibrary("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe")
                    .parameters(Map.of("serialization.format", "1"))
                    .build())
                .build())
            .build())
        .build();
    table.getNode().addDependency(database);
  }

  private static List<CfnTable.ColumnProperty> dataColumns(DatasetConfig dataset) {
    List<CfnTable.ColumnProperty> columns = new ArrayList<>();
    MetadataColumns.fields().forEach(f -> columns.add(column(f.name(), HiveTypes.of(f.type()))));
    dataset.columns().forEach((name, type) -> columns.add(column(name, type.toLowerCase(java.util.Locale.ROOT))));
    return columns;
  }

  private static String location(IBucket bucket, String prefix, String dataset) {
    return "s3://" + bucket.getBucketName() + "/" + prefix + "/" + (dataset == null ? "" : dataset + "/");
  }

  private static CfnTable.ColumnProperty column(String name, String type) {
    return CfnTable.ColumnProperty.builder().name(name).type(type).build();
  }
}
