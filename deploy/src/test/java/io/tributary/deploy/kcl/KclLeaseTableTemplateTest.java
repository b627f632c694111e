package io.tributary.deploy.kcl;

import static io.tributary.deploy.Templates.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.deploy.Templates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.kinesis.leases.dynamodb.DynamoDBLeaseSerializer;

/**
 * Guards KCL's lease table in the stack: one table named after the KCL application, keys and owner index exactly as
 * KCL 3.5.1's own serializer declares them, on-demand, kept when the stack goes; none for a Kafka source.
 */
class KclLeaseTableTemplateTest {

  private final Template template = Templates.example("kinesis");
  private final DynamoDBLeaseSerializer kcl = new DynamoDBLeaseSerializer();

  @Test
  void theLeaseTableIsNamedAfterTheApplicationOnDemandAndKeyedAsKclKeysIt() {
    Map<String, Object> table = Templates.only(template, "AWS::DynamoDB::Table");
    assertThat(table.get("TableName")).isEqualTo("clicks-prod");
    assertThat(table.get("BillingMode")).isEqualTo("PAY_PER_REQUEST");
    assertThat(templateKeys(at(table, "KeySchema"))).isEqualTo(kclKeys(kcl.getKeySchema()));
    assertThat(table).doesNotContainKey("ProvisionedThroughput");
  }

  @Test
  void theOwnerIndexIsKclsWithItsKeysAndKeysOnly() {
    List<Map<String, Object>> indexes = at(Templates.only(template, "AWS::DynamoDB::Table"),
        "GlobalSecondaryIndexes");
    assertThat(indexes).hasSize(1);
    Map<String, Object> index = indexes.get(0);
    assertThat(index.get("IndexName")).isEqualTo("LeaseOwnerToLeaseKeyIndex");
    assertThat(templateKeys(at(index, "KeySchema"))).isEqualTo(kclKeys(kcl.getWorkerIdToLeaseKeyIndexKeySchema()));
    assertThat(Templates.value(index, "Projection", "ProjectionType")).isEqualTo("KEYS_ONLY");
    List<Map<String, Object>> attributes = at(Templates.only(template, "AWS::DynamoDB::Table"),
        "AttributeDefinitions");
    assertThat(attributes).extracting(a -> a.get("AttributeName") + ":" + a.get("AttributeType"))
        .containsExactlyInAnyOrder("leaseKey:S", "leaseOwner:S");
  }

  @Test
  void theTableOutlivesTheStackAndOnlyTheLeaseTableIsCreated() {
    assertThat(template.findResources("AWS::DynamoDB::Table").values()).singleElement()
        .satisfies(resource -> assertThat(resource).containsEntry("DeletionPolicy", "Retain")
            .containsEntry("UpdateReplacePolicy", "Retain"));
    assertThat(Templates.example("msk").findResources("AWS::DynamoDB::Table")).isEmpty();
  }

  @Test
  void theApplicationNameNamesTheTable() {
    Template renamed = Templates.synth(Templates.settings("kinesis", json -> json.withObjectProperty("source")
        .withObjectProperty("kinesis").put("application-name", "clicks-kcl")));
    assertThat(Templates.only(renamed, "AWS::DynamoDB::Table").get("TableName")).isEqualTo("clicks-kcl");
  }

  /** A template's key schema as "name:HASH" strings. */
  private static List<String> templateKeys(List<Map<String, Object>> schema) {
    return schema.stream().map(k -> k.get("AttributeName") + ":" + k.get("KeyType")).toList();
  }

  /** KCL's declared key schema as "name:HASH" strings. */
  private static List<String> kclKeys(java.util.Collection<KeySchemaElement> schema) {
    return schema.stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList();
  }
}
