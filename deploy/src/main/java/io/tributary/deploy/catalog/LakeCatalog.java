package io.tributary.deploy.catalog;

import io.tributary.deploy.settings.DeploySettings;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.glue.CfnDatabase;
import software.constructs.Construct;

/**
 * The Glue database of the lake. Its tables are the engine's: it creates each dataset's table (and the errors table)
 * when the first file is committed and updates it whenever the schema grows ({@code catalog.type: glue}), with
 * Athena partition projection for the layout it writes, so the stack lists no columns and a new field or a new
 * dataset reaches Athena by itself. The task role may change this database's tables only
 * ({@link io.tributary.deploy.access.TaskPermissions}).
 */
public final class LakeCatalog extends Construct {

  private final String databaseName;

  public LakeCatalog(Construct scope, String id, DeploySettings settings) {
    super(scope, id);
    databaseName = settings.databaseName();
    CfnDatabase.Builder.create(this, "Database")
        .catalogId(Aws.ACCOUNT_ID)
        .databaseInput(CfnDatabase.DatabaseInputProperty.builder()
            .name(databaseName)
            .description("Tributary datasets of " + settings.name() + ": tables kept by the engine (partition "
                + "projection, no crawler)")
            .build())
        .build();
  }

  public String databaseName() {
    return databaseName;
  }
}
