package io.tributary.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.app.catalog.Catalogs;
import io.tributary.app.catalog.LakeLayouts;
import io.tributary.catalog.CatalogLayout;
import io.tributary.catalog.CatalogSync;
import io.tributary.catalog.glue.GlueCatalog;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code catalog.*}: Glue needs a database, a region and an S3 lake; a bad value stops the start naming its key. */
class CatalogConfigTest {
  private static final String KAFKA = "kafka:\n  bootstrap-servers: a:1\n  topics: [orders]\n";
  private static final String S3 = "store:\n  type: s3\n  s3:\n    bucket: lake-bucket\n    region: eu-west-1\n"
      + "lake:\n  prefix: raw\n  error-prefix: _errors\n";

  private static ServiceConfig service(String yaml) {
    return ServiceConfig.of(new ConfigLoader(ConfigKeys.all(), Map.of()).parse(yaml, "test.yaml"));
  }

  @Test
  void noCatalogByDefault() {
    ServiceConfig service = service(KAFKA);
    assertThat(service.catalogSettings().glue()).isFalse();
    assertThat(Catalogs.open(service, new SimpleMeterRegistry())).isSameAs(CatalogSync.none());
  }

  @Test
  void glueTakesItsRegionFromTheBucketAndBuildsTheLayoutOfTheLake() {
    ServiceConfig service = service(KAFKA + S3 + "catalog:\n  type: glue\n  database: lake_db\n"
        + "  table-prefix: raw_\n  endpoint: https://glue.example.test\n"
        + "datasets:\n  orders:\n    granularity: day\n    partition-fields: [meta.region]\n");
    CatalogSettings settings = service.catalogSettings();
    assertThat(settings).isEqualTo(new CatalogSettings(true, "lake_db", "eu-west-1",
        URI.create("https://glue.example.test"), "raw_"));
    CatalogLayout layout = LakeLayouts.of(service);
    assertThat(layout.dataRoot()).isEqualTo("s3://lake-bucket/raw/");
    assertThat(layout.errorsRoot()).isEqualTo("s3://lake-bucket/_errors/");
    assertThat(layout.tableName("orders")).isEqualTo("raw_orders");
    assertThat(layout.partitioning().apply("orders").keyNames()).containsExactly("year", "month", "day", "region");
    assertThat(layout.partitioning().apply("payments").keyNames()).containsExactly("year", "month", "day", "hour");
    try (CatalogSync catalog = Catalogs.open(service, new SimpleMeterRegistry())) {
      assertThat(catalog).isInstanceOf(GlueCatalog.class);
    }
  }

  @Test
  void badCatalogSettingsNameTheirKey() {
    assertThatThrownBy(() -> service(KAFKA + S3 + "catalog:\n  type: glue\n"))
        .hasMessageContaining("missing catalog.database");
    assertThatThrownBy(() -> service(KAFKA + "catalog:\n  type: glue\n  database: d\n  region: eu-west-1\n"))
        .hasMessageContaining("catalog.type: `glue` needs `store.type: s3`");
    assertThatThrownBy(() -> service(KAFKA + S3 + "catalog:\n  type: glue\n  database: d\n  endpoint: nohost\n"))
        .hasMessageContaining("catalog.endpoint: 'nohost' is not a URL");
    assertThatThrownBy(() -> service(KAFKA + "catalog:\n  table-prefix: Raw-\n"))
        .hasMessageContaining("catalog.table-prefix: 'Raw-'");
    assertThatThrownBy(() -> service(KAFKA + "catalog:\n  type: hive\n")).hasMessageContaining("catalog.type");
  }
}
