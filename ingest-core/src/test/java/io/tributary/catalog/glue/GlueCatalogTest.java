package io.tributary.catalog.glue;

import static io.tributary.catalog.glue.GlueCatalogFixture.DATABASE;
import static io.tributary.catalog.glue.GlueCatalogFixture.await;
import static io.tributary.catalog.glue.GlueCatalogFixture.catalog;
import static io.tributary.catalog.glue.GlueCatalogFixture.v1;
import static io.tributary.catalog.glue.GlueCatalogFixture.v2;
import static io.tributary.catalog.glue.GlueCatalogFixture.withColumns;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.errors.ErrorRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.CreateTableRequest;
import software.amazon.awssdk.services.glue.model.TableInput;
import software.amazon.awssdk.services.glue.model.UpdateTableRequest;

class GlueCatalogTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final GlueRequests requests = new GlueRequests();
  private FakeGlue glue;
  private GlueCatalog catalog;

  @BeforeEach
  void start() throws Exception {
    glue = new FakeGlue(DATABASE);
    catalog = catalog(glue, requests, registry);
  }

  @AfterEach
  void stop() {
    catalog.close();
    glue.close();
  }

  @Test
  void createsTheTableWhenTheFirstFileIsCommittedAndNotBefore() throws Exception {
    catalog.schemaPublished(v1());
    await("the publish looked for the table", () -> requests.lines().contains("GetTable orders"));
    sentinel();
    assertThat(requests.writes()).isEmpty();
    assertThat(catalog.versionsBehind("orders")).isZero();

    catalog.filesCommitted(v1());
    await("table created", () -> glue.table("orders") != null);
    TableInput input = ((CreateTableRequest) requests.writes().get(0)).tableInput();
    assertThat(input.storageDescriptor().columns()).extracting(c -> c.name() + " " + c.type()).containsExactly(
        "_ingest_time timestamp", "_source string", "_partition string", "_offset string", "_rescued string",
        "id bigint", "user struct<name:string>");
    assertThat(input.partitionKeys()).extracting(c -> c.name() + " " + c.type())
        .containsExactly("year int", "month int", "day int", "hour int", "region string");
    assertThat(input.storageDescriptor().location()).isEqualTo("s3://bucket/lake/orders/");
    assertThat(input.storageDescriptor().serdeInfo().serializationLibrary())
        .isEqualTo("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe");
    assertThat(input.tableType()).isEqualTo("EXTERNAL_TABLE");
    assertThat(input.parameters()).containsEntry("tributary.schema.version", "1")
        .containsEntry("projection.enabled", "true")
        .containsEntry("projection.month.digits", "2")
        .containsEntry("projection.region.type", "injected")
        .containsEntry("storage.location.template",
            "s3://bucket/lake/orders/year=${year}/month=${month}/day=${day}/hour=${hour}/region=${region}");
    assertThat(requests.lines()).containsExactly("GetDatabase lake_db", "GetTable orders", "GetTable other",
        "GetTable orders", "CreateTable orders v1");
    await("in step", () -> catalog.versionsBehind("orders") == 0);
  }

  @Test
  void updatesOnANewNestedColumnWhenPublishedBeforeAnyFileUnderIt() throws Exception {
    catalog.filesCommitted(v1());
    await("v1", () -> version() == 1);
    catalog.schemaPublished(v2());
    await("v2", () -> version() == 2);
    UpdateTableRequest update = (UpdateTableRequest) requests.writes().get(1);
    assertThat(update.versionId()).isEqualTo("1");
    assertThat(update.tableInput().storageDescriptor().columns()).last()
        .satisfies(c -> assertThat(c.type()).isEqualTo("struct<name:string,email:string>"));
  }

  @Test
  void sendsNothingWhenTheSchemaDidNotChange() throws Exception {
    catalog.filesCommitted(v1());
    await("v1", () -> version() == 1);
    requests.clear();
    for (int i = 0; i < 50; i++) {
      catalog.filesCommitted(v1());
      catalog.schemaPublished(v1());
    }
    sentinel();
    assertThat(requests.lines()).containsExactly("GetTable other");
  }

  @Test
  void retriesAVersionIdConflictByReadingAgain() throws Exception {
    catalog.filesCommitted(v1());
    await("v1", () -> version() == 1);
    glue.fail("UpdateTable", 400, "ConcurrentModificationException", 1);
    requests.clear();
    catalog.schemaPublished(v2());
    await("v2", () -> version() == 2);
    assertThat(requests.lines()).containsExactly("GetTable orders", "UpdateTable orders v2 (VersionId 1)",
        "GetTable orders", "UpdateTable orders v2 (VersionId 1)");
    assertThat(errors("conflict")).isEqualTo(1);
  }

  @Test
  void neverLowersTheVersionAnotherInstanceSet() throws Exception {
    glue.put("orders", json(GlueTables.input(GlueCatalogFixture.LAYOUT.datasetTable(withColumns(7)))));
    catalog.filesCommitted(v2());
    await("read", () -> requests.lines().contains("GetTable orders"));
    sentinel();
    assertThat(requests.writes()).isEmpty();
    assertThat(version()).isEqualTo(7);
    assertThat(catalog.versionsBehind("orders")).isZero();
  }

  @Test
  void reportsAccessDeniedWithTheMissingActionAndRetries() throws Exception {
    glue.fail("CreateTable", 400, "AccessDeniedException", 3);
    catalog.filesCommitted(v1());
    await("denied", () -> catalog.lastFailure("orders").isPresent());
    assertThat(catalog.lastFailure("orders").orElseThrow())
        .contains("table lake_db.orders", "access_denied", "glue:CreateTable");
    await("created once granted", () -> version() == 1);
    await("failure cleared", () -> catalog.lastFailure("orders").isEmpty());
    assertThat(errors("access_denied")).isEqualTo(3);
  }

  @Test
  void saysWhichActionIsMissingForEachRequest() throws Exception {
    glue.fail("GetDatabase", 400, "AccessDeniedException", 1);
    glue.fail("GetTable", 400, "AccessDeniedException", 1);
    glue.fail("UpdateTable", 400, "AccessDeniedException", 1);
    List<String> seen = new ArrayList<>();
    catalog.filesCommitted(v1());
    await("GetDatabase denied", () -> catalog.lastFailure("orders").filter(m -> m.contains("glue:GetDatabase"))
        .map(seen::add).orElse(false));
    await("GetTable denied", () -> catalog.lastFailure("orders").filter(m -> m.contains("glue:GetTable"))
        .map(seen::add).orElse(false));
    await("v1", () -> version() == 1);
    catalog.schemaPublished(v2());
    await("UpdateTable denied", () -> catalog.lastFailure("orders").filter(m -> m.contains("glue:UpdateTable"))
        .map(seen::add).orElse(false));
    await("v2", () -> version() == 2);
    assertThat(seen).hasSize(3);
  }

  @Test
  void errorsTableEnumeratesEveryDatasetSeenAndOnlyGrows() throws Exception {
    catalog.filesCommitted(v1());
    catalog.filesCommitted(ErrorRows.schema());
    await("errors table", () -> glue.table("tributary_errors") != null);
    JsonNode table = glue.table("tributary_errors");
    assertThat(table.at("/Parameters/projection.dataset.values").asText()).isEqualTo("_unrouted,orders");
    assertThat(table.at("/Parameters/storage.location.template").asText())
        .isEqualTo("s3://bucket/errors/${dataset}/error_type=${error_type}/year=${year}/month=${month}/day=${day}");
    List<String> columns = new ArrayList<>();
    table.at("/StorageDescriptor/Columns").forEach(c -> columns.add(c.get("Name").asText()));
    assertThat(columns).doesNotContain("dataset", "error_type").contains("error_message", "payload");

    catalog.schemaPublished(new io.tributary.schema.DatasetSchema("payments", 1, v1().root()));
    await("payments listed", () -> glue.table("tributary_errors").at("/Parameters/projection.dataset.values")
        .asText().equals("_unrouted,orders,payments"));
  }

  @Test
  void twoInstancesRacingToPublishVersionsFiveAndSixEndWithSix() throws Exception {
    glue.put("orders", json(GlueTables.input(GlueCatalogFixture.LAYOUT.datasetTable(withColumns(4)))));
    CyclicBarrier bothRead = new CyclicBarrier(2);
    AtomicInteger reads = new AtomicInteger();
    // Both instances read VersionId 1 before either writes: one of the two updates must lose.
    glue.hook("GetTable", name -> {
      if (reads.incrementAndGet() <= 2) {
        try {
          bothRead.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    });
    GlueRequests otherRequests = new GlueRequests();
    try (GlueCatalog other = catalog(glue, otherRequests, new SimpleMeterRegistry())) {
      catalog.schemaPublished(withColumns(5));
      other.schemaPublished(withColumns(6));
      // The loser's conflict answer can come after v6 is readable: wait for it too, not only for the version.
      await("v6 in Glue, the conflict answered and the loser done", () -> version() == 6
          && glue.answered().stream().anyMatch(a -> a.contains("ConcurrentModificationException"))
          && catalog.versionsBehind("orders") == 0 && other.versionsBehind("orders") == 0);
    }
    assertThat(glue.answered()).filteredOn(a -> a.contains("ConcurrentModificationException")).hasSize(1);
    assertThat(version()).isEqualTo(6);
  }

  @Test
  void aDatasetsLifeFirstFileThreeNewColumnsAndARestart() throws Exception {
    catalog.filesCommitted(v1());
    await("created", () -> version() == 1);
    for (int v = 2; v <= 4; v++) {
      io.tributary.schema.DatasetSchema schema = v == 2 ? v2() : withColumns(v);
      catalog.schemaPublished(schema);
      int wanted = v;
      await("v" + v, () -> version() == wanted);
      for (int file = 0; file < 3; file++) {
        catalog.filesCommitted(schema);
      }
    }
    sentinel();
    try (GlueCatalog restarted = catalog(glue, requests, new SimpleMeterRegistry())) {
      restarted.filesCommitted(withColumns(4));
      await("restart read", () -> requests.lines().size() == 12);
      for (int file = 0; file < 3; file++) {
        restarted.filesCommitted(withColumns(4));
      }
      restarted.schemaPublished(new io.tributary.schema.DatasetSchema("other", 1, v1().root()));
      await("restart sentinel", () -> requests.lines().size() == 13);
    }
    System.out.println("Glue requests of a dataset's life:\n  " + String.join("\n  ", requests.lines()));
    assertThat(requests.lines()).containsExactly(
        "GetDatabase lake_db", "GetTable orders", "CreateTable orders v1",
        "GetTable orders", "UpdateTable orders v2 (VersionId 1)",
        "GetTable orders", "UpdateTable orders v3 (VersionId 2)",
        "GetTable orders", "UpdateTable orders v4 (VersionId 3)",
        "GetTable other",
        "GetDatabase lake_db", "GetTable orders", "GetTable other");
  }

  /** Schedules a request for another table and waits for it: the one thread has done everything asked before. */
  private void sentinel() throws InterruptedException {
    catalog.schemaPublished(new io.tributary.schema.DatasetSchema("other", 1, v1().root()));
    await("sentinel", () -> requests.lines().contains("GetTable other"));
  }

  private int version() {
    JsonNode table = glue.table("orders");
    return table == null ? 0 : table.at("/Parameters/tributary.schema.version").asInt();
  }

  private double errors(String reason) {
    var counter = registry.find("tributary.catalog.errors").tags("dataset", "orders", "reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode json(TableInput input) {
    Map<String, Object> table = Map.of(
        "Name", input.name(),
        "Parameters", input.parameters(),
        "StorageDescriptor", Map.of("Location", input.storageDescriptor().location()));
    return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(table);
  }
}
