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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Iceberg catalog down: the landing holds the rows and retries (back-pressure), the readiness reason names the
 * catalog, and once it answers every record lands once.
 */
class IcebergCatalogDownTest {
  private static final SourcePartition P = new SourcePartition("orders", "0");
  private static final long HOUR_06 = 1_763_704_800_000L;

  @TempDir Path dir;

  @Test
  void aCatalogThatCannotBeReachedHoldsTheFlushNamesTheCatalogAndLosesNothing() throws Exception {
    // The catalog's database is in a folder that does not exist yet: SQLite cannot open it.
    Path catalogDb = dir.resolve("later").resolve("catalog.db");
    String url = "jdbc:sqlite:" + catalogDb;
    ObjectStore store = new LocalFileStore(dir.resolve("lake"));
    String root = "file:" + dir.resolve("lake").toAbsolutePath().normalize();
    ObjectStoreFileIO io = new ObjectStoreFileIO(store, root);
    IcebergCatalogSpec.Jdbc spec = new IcebergCatalogSpec.Jdbc(url, null, null, root);
    IcebergFormats formats = new IcebergFormats(IcebergCatalogs.lazy("tributary", spec, io, "tributary"),
        new IcebergSettings("tributary", dataset -> true,
            dataset -> new IcebergSettings.TableLayout(Granularity.HOUR, List.of()), root, Map.of()),
        spec.description());
    List<String> seen = new ArrayList<>();
    Backoff repairAfterTwo = (attempt, failure) -> {
      seen.add(failure.getMessage() + " | ready: " + formats.problem().orElse("yes"));
      if (attempt == 2) {
        try {
          Files.createDirectories(catalogDb.getParent());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
    Landing landing = new Landing(TestLandings.byStream("a", Duration.ofHours(1)), store, Clock.systemUTC(),
        repairAfterTwo, null, CatalogSync.none(), formats);
    landing.assign(P);
    for (int i = 0; i < 30; i++) {
      landing.accept(new SourceRecord(P.stream(), P.partition(), Position.of(i), null, List.of(), HOUR_06,
          ("{\"id\": " + i + ", \"ts\": " + (HOUR_06 + i) + "}").getBytes(StandardCharsets.UTF_8)));
    }
    landing.close();

    assertThat(seen).hasSize(2).allSatisfy(line -> assertThat(line)
        .startsWith("iceberg catalog unreachable: " + url)
        .contains("| ready: iceberg catalog unreachable: " + url));
    assertThat(formats.problem()).isEmpty();
    try (IcebergReader reader = new IcebergReader(catalogDb, io)) {
      assertThat(IcebergReader.counts(IcebergReader.rows(reader.table("orders")), "id")).hasSize(30)
          .allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
    }
  }
}
