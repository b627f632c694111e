package io.tributary.kafka;

import io.tributary.kafka.testing.KafkaBroker;
import io.tributary.source.SourceContract;
import io.tributary.source.SourceHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same end-to-end kit as {@link KafkaSourceContractTest}, against Apache Kafka 4.3.1 in a container, for machines
 * with a Docker engine. Where none runs (as on the build machines here), Testcontainers disables the class and
 * JUnit reports it skipped; the in-JVM KRaft broker covers the same ground.
 */
@Testcontainers(disabledWithoutDocker = true)
class KafkaContainerContractTest extends SourceContract {

  @Container
  private static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.3.1");

  private static KafkaBroker broker;
  private static KafkaHarness harness;

  @BeforeAll
  static void connect() {
    broker = KafkaBroker.connect(KAFKA.getBootstrapServers());
    harness = new KafkaHarness(broker);
  }

  @AfterAll
  static void disconnect() throws Exception {
    if (broker != null) {
      broker.close();
    }
  }

  @Override
  protected SourceHarness harness() {
    return harness;
  }
}
