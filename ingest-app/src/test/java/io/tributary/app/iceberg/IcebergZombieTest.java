package io.tributary.app.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.CatalogSync;
import io.tributary.iceberg.IcebergCatalogSpec;
import io.tributary.iceberg.IcebergCatalogs;
import io.tributary.iceberg.IcebergFormats;
import io.tributary.iceberg.IcebergSettings;
import io.tributary.iceberg.ObjectStoreFileIO;
import io.tributary.landing.Backoff;
import io.tributary.landing.Landing;
import io.tributary.partition.Granularity;
import io.tributary.source.Position;
import io.tributary.source.SourcePartition;
import io.tributary.source.SourceRecord;
import io.tributary.store.LocalFileStore;
import io.tributary.store.ObjectStore;
import io.tributary.testing.TestLandings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A zombie (an instance that lost its source partition but still runs) and its successor landing the same partition
 * into one Iceberg table, each with its own catalog client over one JdbcCatalog on SQLite: whichever commits first,
 * the table holds every record exactly once (read back with Iceberg's generic reader).
 */
class IcebergZombieTest {
  private static final SourcePartition P = new SourcePartition("orders", "0");
  private static final long HOUR_06 = 1_763_704_800_000L; // 2025-11-21T06:00:00Z

  @TempDir Path dir;

  @Test
  void theSuccessorCommitsFirstAndTheZombieLosesAndDropsWhatTheSuccessorLanded() throws Exception {
    List<SourceRecord> records = records(120);
    Landing zombie = landing("zombie");
    zombie.assign(P);
    records.subList(0, 60).forEach(zombie::accept);

    Landing successor = landing("successor");
    successor.assign(P);
    records.subList(0, 100).forEach(successor::accept);
    successor.close();

    records.subList(60, 120).forEach(zombie::accept);
    zombie.close();

    assertExactlyOnce(120);
  }

  @Test
  void theZombieCommitsFirstAndTheSuccessorLosesThenLandsTheRest() throws Exception {
    List<SourceRecord> records = records(120);
    Landing zombie = landing("zombie");
    zombie.assign(P);
    Landing successor = landing("successor");
    successor.assign(P);

    records.subList(0, 50).forEach(zombie::accept);
    zombie.close();
    records.forEach(successor::accept);
    successor.close();

    assertExactlyOnce(120);
  }

  private Landing landing(String instance) {
    ObjectStore store = new LocalFileStore(dir.resolve("lake"));
    ObjectStoreFileIO io = new ObjectStoreFileIO(store, root());
    IcebergCatalogSpec.Jdbc spec = new IcebergCatalogSpec.Jdbc("jdbc:sqlite:" + dir.resolve("catalog.db"), null,
        null, root());
    IcebergSettings settings = new IcebergSettings("tributary", dataset -> true,
        dataset -> new IcebergSettings.TableLayout(Granularity.HOUR, List.of()), root() + "/lake", Map.of());
    IcebergFormats formats = new IcebergFormats(IcebergCatalogs.lazy("tributary", spec, io, "tributary"), settings,
        spec.description());
    return new Landing(TestLandings.byStream(instance, Duration.ofHours(1)), store, Clock.systemUTC(),
        Backoff.exponential(), null, CatalogSync.none(), formats);
  }

  private String root() {
    return "file:" + dir.resolve("lake").toAbsolutePath().normalize();
  }

  private static List<SourceRecord> records(int count) {
    List<SourceRecord> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String json = "{\"id\": " + i + ", \"ts\": " + (HOUR_06 + i * 1000L) + (i >= 80 ? ", \"late\": true" : "")
          + "}";
      records.add(new SourceRecord(P.stream(), P.partition(), Position.of(i), null, List.of(), HOUR_06,
          json.getBytes(StandardCharsets.UTF_8)));
    }
    return records;
  }

  private void assertExactlyOnce(int count) throws Exception {
    ObjectStoreFileIO io = new ObjectStoreFileIO(new LocalFileStore(dir.resolve("lake")), root());
    try (IcebergReader reader = new IcebergReader(dir.resolve("catalog.db"), io)) {
      Map<Long, Integer> ids = IcebergReader.counts(IcebergReader.rows(reader.table("orders")), "id");
      assertThat(ids).hasSize(count);
      assertThat(ids.values()).containsOnly(1);
    }
  }
}
