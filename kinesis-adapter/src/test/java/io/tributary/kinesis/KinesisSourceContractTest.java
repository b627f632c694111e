package io.tributary.kinesis;

import io.tributary.kinesis.testing.DynamoDbLocal;
import io.tributary.kinesis.testing.KinesisLocal;
import io.tributary.source.SourceContract;
import io.tributary.source.SourceHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The sources compatibility kit against {@link KinesisSource}, kinesis-local and DynamoDB Local. */
class KinesisSourceContractTest extends SourceContract {

  private static KinesisLocal kinesis;
  private static DynamoDbLocal dynamo;
  private static KinesisHarness harness;

  @BeforeAll
  static void startServers() throws Exception {
    kinesis = KinesisLocal.start();
    dynamo = DynamoDbLocal.start();
    harness = new KinesisHarness(kinesis, dynamo);
  }

  @AfterAll
  static void stopServers() throws Exception {
    if (dynamo != null) {
      dynamo.close();
    }
    if (kinesis != null) {
      kinesis.close();
    }
  }

  @Override
  protected SourceHarness harness() {
    return harness;
  }
}
