package io.tributary.kinesis;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/**
 * KCL 3.5's lease table, prepared before its scheduler starts. KCL creates the table itself, then adds the index
 * {@value #OWNER_INDEX} with a separate {@code UpdateTable} and polls it every 10 s (on AWS an index added to a
 * table takes minutes); a first start of an application waited for that. Here the table is created with the index
 * in one {@code CreateTable} (on-demand, as the CDK stack creates it), an existing table without the index gets it,
 * and the source waits with a short poll until both are ACTIVE. Keys and index as KCL's {@code
 * DynamoDBLeaseSerializer} declares them: {@code leaseKey} (S) the hash key; the index {@code leaseOwner} (S) hash,
 * {@code leaseKey} range, keys only.
 *
 * <p>Only the lease table: KCL 3.5 keeps its coordinator state and worker metrics in it, as other entity types.
 * Creating the older {@code <application>-CoordinatorState} table would make KCL 3.5 treat a new application as one
 * migrating from KCL 3.0–3.4 (the "legacy table exists" branch of its table migration). See docs/design/kinesis.md.
 */
final class LeaseTable {

  /** KCL's index of leases by owner ({@code DynamoDBLeaseRefresher.LEASE_OWNER_TO_LEASE_KEY_INDEX_NAME}). */
  static final String OWNER_INDEX = "LeaseOwnerToLeaseKeyIndex";
  static final String LEASE_KEY = "leaseKey";
  static final String LEASE_OWNER = "leaseOwner";
  private static final List<KeySchemaElement> OWNER_INDEX_KEYS =
      List.of(key(LEASE_OWNER, KeyType.HASH), key(LEASE_KEY, KeyType.RANGE));
  private static final Projection KEYS_ONLY = Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build();

  private final DynamoDbAsyncClient dynamo;
  private final String name;
  private final Duration timeout;

  /** @param timeout how long one attempt of a request may take (four for the request, retries included) */
  LeaseTable(DynamoDbAsyncClient dynamo, String name, Duration timeout) {
    this.dynamo = dynamo;
    this.name = name;
    this.timeout = timeout;
  }

  String name() {
    return name;
  }

  /**
   * One step towards a lease table with its index, both ACTIVE: creates what is missing and returns what is still
   * awaited ({@code lease table X is CREATING}), or empty when KCL can start. Call again after a short pause until
   * it is empty. DynamoDB's errors (unreachable, access denied) come through as the SDK's exceptions.
   */
  Optional<String> prepare() {
    Optional<TableDescription> table = describe();
    if (table.isEmpty()) {
      try {
        dynamo.createTable(createRequest(name).toBuilder()
            .overrideConfiguration(o -> o.apiCallAttemptTimeout(timeout).apiCallTimeout(timeout.multipliedBy(4))).build()).join();
      } catch (CompletionException e) {
        if (!(e.getCause() instanceof ResourceInUseException)) {
          throw e;
        }
        // Another task of the application is creating it: wait for it like for ours.
      }
      return Optional.of("lease table " + name + " is being created (with its index " + OWNER_INDEX + ")");
    }
    TableDescription description = table.get();
    if (description.tableStatus() != TableStatus.ACTIVE) {
      return Optional.of("lease table " + name + " is " + description.tableStatusAsString());
    }
    Optional<GlobalSecondaryIndexDescription> index = description.globalSecondaryIndexes().stream()
        .filter(i -> i.indexName().equals(OWNER_INDEX)).findFirst();
    if (index.isEmpty()) {
      try {
        dynamo.updateTable(addIndexRequest(description).toBuilder()
            .overrideConfiguration(o -> o.apiCallAttemptTimeout(timeout).apiCallTimeout(timeout.multipliedBy(4))).build()).join();
      } catch (CompletionException e) {
        if (!(e.getCause() instanceof ResourceInUseException)) {
          throw e;
        }
      }
      return Optional.of("lease table " + name + ": index " + OWNER_INDEX + " is being added");
    }
    if (index.get().indexStatus() != IndexStatus.ACTIVE) {
      return Optional.of("lease table " + name + ": index " + OWNER_INDEX + " is "
          + index.get().indexStatusAsString());
    }
    return Optional.empty();
  }

  /** The table's description, empty when it does not exist. */
  Optional<TableDescription> describe() {
    try {
      return Optional.of(dynamo.describeTable(b -> b.tableName(name)
          .overrideConfiguration(o -> o.apiCallAttemptTimeout(timeout).apiCallTimeout(timeout.multipliedBy(4)))).join().table());
    } catch (CompletionException e) {
      if (e.getCause() instanceof ResourceNotFoundException) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The lease table with its owner index, on-demand: what KCL would create, in one request. */
  static CreateTableRequest createRequest(String name) {
    return CreateTableRequest.builder()
        .tableName(name)
        .keySchema(key(LEASE_KEY, KeyType.HASH))
        .attributeDefinitions(string(LEASE_KEY), string(LEASE_OWNER))
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
            .indexName(OWNER_INDEX).keySchema(OWNER_INDEX_KEYS).projection(KEYS_ONLY).build())
        .build();
  }

  /** Adds the owner index to a table made without it (by KCL 2.x, or by hand); provisioned like its table. */
  private static UpdateTableRequest addIndexRequest(TableDescription table) {
    ProvisionedThroughput throughput = table.billingModeSummary() != null
        && table.billingModeSummary().billingMode() == BillingMode.PAY_PER_REQUEST ? null
        : ProvisionedThroughput.builder()
            .readCapacityUnits(table.provisionedThroughput().readCapacityUnits())
            .writeCapacityUnits(table.provisionedThroughput().writeCapacityUnits()).build();
    return UpdateTableRequest.builder()
        .tableName(table.tableName())
        .attributeDefinitions(string(LEASE_KEY), string(LEASE_OWNER))
        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c
            .indexName(OWNER_INDEX).keySchema(OWNER_INDEX_KEYS).projection(KEYS_ONLY)
            .provisionedThroughput(throughput)).build())
        .build();
  }

  private static KeySchemaElement key(String attribute, KeyType type) {
    return KeySchemaElement.builder().attributeName(attribute).keyType(type).build();
  }

  private static AttributeDefinition string(String attribute) {
    return AttributeDefinition.builder().attributeName(attribute).attributeType(ScalarAttributeType.S).build();
  }
}
