package io.tributary.landing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.CatalogSync;
import io.tributary.errors.ErrorRows;
import io.tributary.schema.DatasetSchema;
import io.tributary.source.SourceRecord;
import io.tributary.store.LocalFileStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The landing layer tells its catalog of every schema version it publishes, before the first file under it is
 * committed, and of the newest schema of each dataset (errors included) in every committed flush.
 */
class LandingCatalogTest {

  @TempDir
  Path dir;

  /** What the landing layer told the catalog, in order: "published orders v2", "committed orders v2". */
  private final List<String> calls = new ArrayList<>();

  private final CatalogSync recording = new CatalogSync() {
    @Override
    public void schemaPublished(DatasetSchema schema) {
      calls.add("published " + schema.dataset() + " v" + schema.version());
    }

    @Override
    public void filesCommitted(DatasetSchema schema) {
      calls.add("committed " + schema.dataset() + " v" + schema.version());
    }

    @Override
    public void close() {}
  };

  @Test
  void versionsArePublishedBeforeTheirFilesAndEveryCommittedDatasetIsReported() {
    List<SourceRecord> records = LandingFixture.records("orders", "0", 40);
    try (Landing landing = new Landing(LandingFixture.settings("a", 10_000, 64L << 20), new LocalFileStore(dir),
        Clock.systemUTC(), Backoff.exponential(), null, recording)) {
      landing.assign(LandingFixture.partition(records.get(0)));
      records.forEach(landing::accept);
    }

    List<String> published = calls.stream().filter(c -> c.startsWith("published orders")).toList();
    // v1 (id, ts, late) and the version that added the nested `added` field half way through.
    assertThat(published).hasSizeGreaterThanOrEqualTo(2);
    String newest = published.get(published.size() - 1).replace("published", "committed");
    assertThat(calls).contains(newest, "committed " + ErrorRows.DATASET + " v" + ErrorRows.schema().version());
    // Every version was published before any file was committed: the table has the columns first.
    assertThat(calls.indexOf(published.get(published.size() - 1))).isLessThan(calls.indexOf(newest));
    assertThat(calls.stream().filter(c -> c.startsWith("committed orders")).toList()).containsOnly(newest);
  }
}
