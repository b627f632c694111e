package io.tributary.deploy.access;

import io.tributary.deploy.catalog.TableBucket;
import io.tributary.deploy.settings.DeploySettings;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * What the Iceberg tables add to the roles: for the service, the S3 Tables actions on the table bucket (or, with
 * Glue, listing the database's tables when the service's loop maintains them); for the scheduled maintenance task,
 * the role of {@link #maintenance}: the lake's prefix and the tables' catalog, and nothing of the source, the error
 * prefix or the metrics.
 */
public final class IcebergPermissions {

  /**
   * What the engine's REST catalog does on S3 Tables: read the bucket's configuration, find its namespace, create,
   * load and commit tables (a commit swaps the metadata location), read and write their files. S3 Tables authorizes
   * table actions on {@code bucket/<name>/table/<id>}: the ids are unknown until a table exists, hence
   * {@code table/*} of this bucket only.
   */
  static final List<String> S3_TABLES_ACTIONS = List.of("s3tables:GetTableBucket", "s3tables:GetNamespace",
      "s3tables:CreateTable", "s3tables:GetTable", "s3tables:GetTableMetadataLocation",
      "s3tables:UpdateTableMetadataLocation", "s3tables:GetTableData", "s3tables:PutTableData");
  /** Maintenance lists the namespace's tables, loads, rewrites and commits them; it creates and deletes none. */
  static final List<String> S3_TABLES_MAINTENANCE_ACTIONS = List.of("s3tables:GetTableBucket",
      "s3tables:GetNamespace", "s3tables:ListTables", "s3tables:GetTable", "s3tables:GetTableMetadataLocation",
      "s3tables:UpdateTableMetadataLocation", "s3tables:GetTableData", "s3tables:PutTableData");
  /** Iceberg's GlueCatalog as maintenance uses it: list the database's tables, load and commit (UpdateTable). */
  static final List<String> GLUE_MAINTENANCE_ACTIONS = List.of("glue:GetDatabase", "glue:GetTables",
      "glue:GetTable", "glue:UpdateTable");

  private IcebergPermissions() {}

  /**
   * The Glue actions of the service: the catalog sync's; with Iceberg tables maintained by the service's own loop,
   * also {@code glue:GetTables} (the loop lists the database's tables).
   */
  static List<String> serviceGlueActions(DeploySettings settings) {
    List<String> actions = new ArrayList<>(TaskPermissions.GLUE_ACTIONS);
    if (settings.glueIcebergTables() && settings.maintenance() == null) {
      actions.add("glue:GetTables");
    }
    return actions;
  }

  /**
   * The S3 Tables actions of the service; {@code s3tables:CreateNamespace} when the stack does not make the
   * namespace (the engine creates it if missing), {@code s3tables:ListTables} when the service's loop maintains.
   */
  static List<String> serviceS3TablesActions(DeploySettings settings) {
    List<String> actions = new ArrayList<>(S3_TABLES_ACTIONS);
    if (!settings.iceberg().createTableBucket()) {
      actions.add("s3tables:CreateNamespace");
    }
    if (settings.maintenance() == null) {
      actions.add("s3tables:ListTables");
    }
    return actions;
  }

  /** {@code actions} on the table bucket of {@code settings} and its tables. */
  static PolicyStatement s3Tables(Stack stack, DeploySettings settings, List<String> actions) {
    String bucket = TableBucket.arn(stack, settings);
    return TaskPermissions.allow("S3Tables", actions, List.of(bucket, bucket + "/table/*"));
  }

  /**
   * The scheduled maintenance task's statements: objects and listing under {@code lake.prefix} only (the tables'
   * files with Glue, the schema history, the ledger, the maintenance lease and orphan sightings under
   * {@code _tributary/}), the lake's key through S3, and the catalog: the Glue database's tables or the table bucket.
   */
  public static List<PolicyStatement> maintenance(DeploySettings settings, IBucket bucket, IKey key) {
    List<PolicyStatement> out = new ArrayList<>(TaskPermissions.lake(List.of(settings.lake().prefix()), bucket, key));
    Stack stack = Stack.of(bucket);
    if (settings.s3Tables()) {
      out.add(s3Tables(stack, settings, S3_TABLES_MAINTENANCE_ACTIONS));
    } else {
      out.add(TaskPermissions.catalog(stack, settings.databaseName(), GLUE_MAINTENANCE_ACTIONS));
    }
    return out;
  }
}
