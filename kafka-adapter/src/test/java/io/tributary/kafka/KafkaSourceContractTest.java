package io.tributary.kafka;

import io.tributary.kafka.testing.KafkaBroker;
import io.tributary.source.SourceContract;
import io.tributary.source.SourceHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The sources compatibility kit against {@link KafkaSource} and a real KRaft broker. */
class KafkaSourceContractTest extends SourceContract {

  private static KafkaBroker broker;
  private static KafkaHarness harness;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = KafkaBroker.start();
    harness = new KafkaHarness(broker);
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (broker != null) {
      broker.close();
    }
  }

  @Override
  protected SourceHarness harness() {
    return harness;
  }
}
