package io.tributary.deploy.kcl;

import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.constructs.Construct;

/**
 * KCL 3.5's lease table for a Kinesis source, created with the stack so that no task waits for it: named after the
 * KCL application ({@code kinesis.application-name}), on-demand, with the index KCL queries leases by owner through
 * ({@value #OWNER_INDEX}: {@code leaseOwner} hash, {@code leaseKey} range, keys only). Keys and index as KCL's {@code
 * DynamoDBLeaseSerializer} declares them. Without it, a task's first start creates the table and KCL adds the index
 * with a separate update, which on AWS takes minutes.
 *
 * <p>One table: KCL 3.5 keeps its coordinator state (leader lock, migration state) and worker metrics in the lease
 * table, as other entity types. It only asks whether the older {@code <application>-CoordinatorState} and
 * {@code -WorkerMetricStats} tables exist, and if they did it would treat the application as one migrating from KCL
 * 3.0–3.4; so the stack does not create them (docs/design/kinesis.md). The table survives the stack, as the lake does:
 * it holds the checkpoints.
 */
public final class KclLeaseTable extends Construct {

  /** KCL's index of leases by owner. */
  public static final String OWNER_INDEX = "LeaseOwnerToLeaseKeyIndex";
  /** The suffixes of KCL 3.0–3.4's own tables, which KCL 3.5 looks for (DescribeTable) at every start. */
  public static final List<String> LEGACY_SUFFIXES = List.of("-CoordinatorState", "-WorkerMetricStats");

  private final Table table;

  public KclLeaseTable(Construct scope, String id, String application) {
    super(scope, id);
    table = Table.Builder.create(this, "Table")
        .tableName(application)
        .partitionKey(Attribute.builder().name("leaseKey").type(AttributeType.STRING).build())
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
        .indexName(OWNER_INDEX)
        .partitionKey(Attribute.builder().name("leaseOwner").type(AttributeType.STRING).build())
        .sortKey(Attribute.builder().name("leaseKey").type(AttributeType.STRING).build())
        .projectionType(ProjectionType.KEYS_ONLY)
        .build());
  }

  public Table table() {
    return table;
  }
}
