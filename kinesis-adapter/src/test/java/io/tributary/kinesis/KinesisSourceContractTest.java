package io.tributary.kinesis;

import io.tributary.source.SourceContract;
import io.tributary.source.SourceHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The sources compatibility kit against {@link KinesisSource}, kinesis-local and DynamoDB Local. */
class KinesisSourceContractTest extends SourceContract {

  private static KinesisHarness harness;

  @BeforeAll
  static void startServers() throws Exception {
    harness = KinesisHarness.start();
  }

  @AfterAll
  static void stopServers() throws Exception {
    if (harness != null) {
      harness.close();
    }
  }

  @Override
  protected SourceHarness harness() {
    return harness;
  }
}
