package io.tributary.catalog.glue;

import static io.tributary.catalog.glue.GlueCatalogFixture.DATABASE;
import static io.tributary.catalog.glue.GlueCatalogFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.buffer.RollingPolicy;
import io.tributary.catalog.CatalogSync;
import io.tributary.decode.DecodeLimits;
import io.tributary.landing.Backoff;
import io.tributary.landing.DatasetLanding;
import io.tributary.landing.Landing;
import io.tributary.landing.LandingSettings;
import io.tributary.parquet.WriteOptions;
import io.tributary.partition.Granularity;
import io.tributary.routing.DatasetRouters;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.EvolutionSettings;
import io.tributary.schema.SchemaHistory;
import io.tributary.source.Position;
import io.tributary.source.SourcePartition;
import io.tributary.source.SourceRecord;
import io.tributary.store.LocalFileStore;
import io.tributary.testing.LakeCounts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog is never on the landing path: while Glue answers 5xx and throttles every request, a real landing layer
 * over a folder keeps accepting records and committing files under new schema versions; once Glue answers again,
 * the table catches up to the newest version. The landing layer itself tells the catalog (a version published while
 * shaping, files committed after each flush).
 */
class GlueCatalogLandingTest {
  private static final long HOUR_06 = 1_763_704_800_000L;

  @TempDir
  Path dir;

  @Test
  void filesKeepLandingWhileGlueThrottlesAndFailsThenTheTableCatchesUp() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    LocalFileStore store = new LocalFileStore(dir);
    RollingPolicy rolling = new RollingPolicy(Duration.ofHours(1), 64L << 20, 20);
    LandingSettings settings = new LandingSettings("lake", "errors", "a", new DecodeLimits(4096, 16),
        DatasetRouters.byStream(), d -> new DatasetLanding(EvolutionSettings.defaults(),
            GlueCatalogFixture.SPEC, rolling), Granularity.HOUR, rolling, WriteOptions.defaults(), 64L << 20);
    SchemaHistory history = new SchemaHistory(store, "lake", "test", Clock.systemUTC());
    try (FakeGlue glue = new FakeGlue(DATABASE);
        CatalogSync catalog = GlueCatalogFixture.catalog(glue, new GlueRequests(), registry);
        Landing landing = new Landing(settings, store, Clock.systemUTC(), Backoff.exponential(), null, catalog)) {
      glue.fail("GetDatabase", 500, "InternalServiceException", 3);
      glue.fail("GetTable", 400, "ThrottlingException", Integer.MAX_VALUE);
      landing.assign(new SourcePartition("orders", "0"));
      int version = 0;
      for (int batch = 1; batch <= 5; batch++) {
        for (int i = 0; i < 20; i++) {
          int n = batch * 100 + i;
          String json = "{\"id\": " + n + ", \"ts\": " + HOUR_06 + ", \"meta\": {\"region\": \"eu\"}, \"f" + batch
              + "\": {\"n\": " + n + "}}";
          assertThat(landing.accept(new SourceRecord("orders", "0", Position.of(n), null, List.of(), HOUR_06,
              json.getBytes(StandardCharsets.UTF_8)))).isEqualTo(Landing.Outcome.LANDED);
        }
        DatasetSchema latest = history.latest("orders").orElseThrow();
        assertThat(latest.version()).isGreaterThan(version);
        version = latest.version();
        assertThat(LakeCounts.parquetFiles(dir.resolve("lake/orders"))).isEqualTo(batch);
      }
      int newest = version;
      await("a throttled GetTable counted", () -> errors(registry, "throttled") >= 1);
      assertThat(errors(registry, "unavailable")).isEqualTo(3);
      assertThat(glue.table("orders")).isNull();
      assertThat(((GlueCatalog) catalog).versionsBehind("orders")).isEqualTo(newest);

      glue.clearFailures();
      await("the table at the newest version", () -> glue.table("orders") != null
          && glue.table("orders").at("/Parameters/tributary.schema.version").asInt() == newest);
      await("in step", () -> ((GlueCatalog) catalog).versionsBehind("orders") == 0);
      assertThat(registry.get("tributary.catalog.versions.behind").tag("dataset", "orders").gauge().value())
          .isZero();
    }
  }

  private static double errors(SimpleMeterRegistry registry, String reason) {
    var counter = registry.find("tributary.catalog.errors").tags("dataset", "orders", "reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }
}
