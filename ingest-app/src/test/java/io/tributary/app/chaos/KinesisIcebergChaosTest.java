package io.tributary.app.chaos;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Kinesis dataset landed as an Iceberg table under chaos (issue 22): {@link KinesisChaosTest}'s SIGKILLs at random
 * moments with every dataset {@code table-format: iceberg} ({@link IcebergLake}: a REST catalog of its own, a local
 * lake folder), counted from the tables' current snapshots plus the error files. The other Kinesis scenarios test
 * the source and are the Hive suite's. Not in the build (a Kinesis instance takes 13–26 s to be ready on the loaded
 * 2-core machine): with {@code -Dtributary.chaos.kinesis=all} (6 kills) or {@code -Dtributary.chaos=long} (20).
 */
class KinesisIcebergChaosTest extends KinesisChaosTest {
  @RegisterExtension
  static final IcebergLakes lakes = new IcebergLakes();

  @Override
  ChaosMode mode() {
    ChaosMode mode = ChaosMode.current();
    return mode.name().equals("long") ? new ChaosMode(mode.name(), 600, 20, mode.maxKillDelayMillis(), 60)
        : new ChaosMode(mode.name(), mode.rate(), 6, mode.maxKillDelayMillis(), 20);
  }

  @Override
  KinesisLake lake(String scenario, String stream) {
    IcebergLake iceberg = lakes.open(root, scenario);
    return new KinesisLake(scenario, stream, String.join("\n", KinesisLake.kinesisConfig(scenario, stream,
        kinesis.endpoint().toString(), dynamo.endpoint().toString()), iceberg.config()), kinesis.client(),
        dynamo.client(), iceberg.counts());
  }

  @Test
  @EnabledIf("everyScenario")
  @Override
  void sigkillAtRandomMomentsAgainAndAgain() throws Exception {
    super.sigkillAtRandomMomentsAgainAndAgain();
  }

  /** The Hive suite's: the store's outage, not the table format's. */
  @Override
  void s3DownForAMinute() {}

  /** The Hive suite's: the lease table's outage. */
  @Override
  void dynamoDbRestartedUnderLoad() {}

  /** The Hive suite's: resharding is the source's. */
  @Override
  void reshardSplitThenMergeDuringIngestion() {}

  /** The Hive suite's (the Kafka Iceberg suite has a zombie). */
  @Override
  void aFrozenZombieLosesItsLeasesAndWakesUp() {}

  /** The Hive suite's (the Kafka Iceberg suite has SIGTERM under load). */
  @Override
  void sigtermUnderLoadDrainsAndExitsZero() {}
}
