package io.tributary.kinesis;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class whose tests share one kinesis-local and one DynamoDB Local ({@link #harness}), for the class. */
abstract class WithKinesisServers {

  static KinesisHarness harness;

  @BeforeAll
  static void startServers() throws Exception {
    harness = KinesisHarness.start();
  }

  @AfterAll
  static void stopServers() throws Exception {
    if (harness != null) {
      harness.close();
      harness = null;
    }
  }
}
