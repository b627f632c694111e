package io.tributary.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.kinesis.testing.DynamoDbLocal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.kinesis.common.DdbTableConfig;
import software.amazon.kinesis.leases.dynamodb.DynamoDBLeaseRefresher;
import software.amazon.kinesis.leases.dynamodb.DynamoDBLeaseSerializer;
import software.amazon.kinesis.leases.dynamodb.TableCreatorCallback;

/** The lease table prepared before KCL starts, against DynamoDB Local, judged by KCL's own declarations. */
class LeaseTableTest {

  private static DynamoDbLocal dynamo;

  @BeforeAll
  static void start() throws Exception {
    dynamo = DynamoDbLocal.start();
  }

  @AfterAll
  static void stop() throws Exception {
    dynamo.close();
  }

  @Test
  void aMissingTableIsCreatedOnDemandWithKclsKeysAndOwnerIndexInOneRequest() throws Exception {
    LeaseTable table = new LeaseTable(dynamo.client(), "fresh-app", Duration.ofSeconds(10));

    Optional<String> first = table.prepare();
    assertThat(first).hasValueSatisfying(reason -> assertThat(reason).contains("fresh-app is being created"));
    awaitReady(table);

    TableDescription created = table.describe().orElseThrow();
    DynamoDBLeaseSerializer kcl = new DynamoDBLeaseSerializer();
    assertThat(created.keySchema()).containsExactlyElementsOf(kcl.getKeySchema());
    assertThat(created.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    GlobalSecondaryIndexDescription index = created.globalSecondaryIndexes().get(0);
    assertThat(created.globalSecondaryIndexes()).hasSize(1);
    assertThat(index.indexName()).isEqualTo("LeaseOwnerToLeaseKeyIndex");
    assertThat(index.keySchema()).containsExactlyElementsOf(kcl.getWorkerIdToLeaseKeyIndexKeySchema());
    assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
    assertThat(refresher("fresh-app").isLeaseOwnerToLeaseKeyIndexActive()).as("KCL sees its index").isTrue();
  }

  @Test
  void aTableWithoutTheIndexGetsIt() throws Exception {
    DynamoDBLeaseRefresher kcl = refresher("kcl2-app");
    kcl.createLeaseTableIfNotExists();
    kcl.waitUntilLeaseTableExists(1, 30);
    assertThat(kcl.isLeaseOwnerToLeaseKeyIndexActive()).isFalse();

    LeaseTable table = new LeaseTable(dynamo.client(), "kcl2-app", Duration.ofSeconds(10));
    assertThat(table.prepare()).hasValueSatisfying(reason -> assertThat(reason)
        .contains("index LeaseOwnerToLeaseKeyIndex is being added"));
    awaitReady(table);
    assertThat(kcl.isLeaseOwnerToLeaseKeyIndexActive()).isTrue();
  }

  @Test
  void aReadyTableIsLeftAsItIs() throws Exception {
    LeaseTable table = new LeaseTable(dynamo.client(), "ready-app", Duration.ofSeconds(10));
    awaitReady(table);
    TableDescription before = table.describe().orElseThrow();
    assertThat(table.prepare()).isEmpty();
    assertThat(table.describe().orElseThrow().creationDateTime()).isEqualTo(before.creationDateTime());
  }

  private static void awaitReady(LeaseTable table) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Optional<String> reason = table.prepare();
    while (reason.isPresent() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      reason = table.prepare();
    }
    assertThat(reason).as("the table and its index become ACTIVE").isEmpty();
  }

  private static DynamoDBLeaseRefresher refresher(String table) {
    return new DynamoDBLeaseRefresher(table, dynamo.client(), new DynamoDBLeaseSerializer(), true,
        TableCreatorCallback.NOOP_TABLE_CREATOR_CALLBACK, Duration.ofSeconds(30), new DdbTableConfig(), false, false,
        List.of());
  }
}
