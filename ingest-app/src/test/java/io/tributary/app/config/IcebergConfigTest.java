package io.tributary.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.app.catalog.Catalogs;
import io.tributary.iceberg.IcebergCatalogSpec;
import io.tributary.iceberg.IcebergSettings;
import io.tributary.partition.Granularity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code table-format} and the Iceberg catalog keys: which datasets are Iceberg tables, the catalog each
 * {@code catalog.type} builds, and the cross-key rules, each failing at start naming its key.
 */
class IcebergConfigTest {
  private static final String KAFKA = "kafka:\n  bootstrap-servers: a:1\n  topics: [orders]\n";
  private static final String S3 = "store:\n  type: s3\n  s3:\n    bucket: lake-bucket\n    region: eu-west-1\n"
      + "lake:\n  prefix: raw\n";

  private static ServiceConfig service(String yaml) {
    return ServiceConfig.of(new ConfigLoader(ConfigKeys.all(), Map.of()).parse(yaml, "test.yaml"));
  }

  @Test
  void everyDatasetIsHiveByDefaultAndNeedsNoIcebergCatalog() {
    assertThat(service(KAFKA).iceberg()).isEmpty();
  }

  @Test
  void oneIcebergDatasetOnAJdbcCatalogKeepsTheOthersHiveAndPartitionsByItsGranularityAndFields() {
    IcebergWiring wiring = service(KAFKA + "store:\n  path: /tmp/lake\nlake:\n  prefix: raw\n"
        + "catalog:\n  type: jdbc\n  jdbc:\n    url: jdbc:sqlite:/tmp/catalog.db\n"
        + "datasets:\n  orders:\n    table-format: iceberg\n    granularity: day\n"
        + "    partition-fields: [meta.region]\n").iceberg().orElseThrow();

    assertThat(wiring.catalog()).isEqualTo(new IcebergCatalogSpec.Jdbc("jdbc:sqlite:/tmp/catalog.db", null, null,
        "file:/tmp/lake/raw"));
    assertThat(wiring.namespace()).isEqualTo("tributary");
    assertThat(wiring.catalogName()).isEqualTo("tributary");
    IcebergSettings settings = wiring.settings();
    assertThat(settings.icebergDatasets().test("orders")).isTrue();
    assertThat(settings.icebergDatasets().test("users")).isFalse();
    assertThat(settings.layout("orders")).isEqualTo(new IcebergSettings.TableLayout(Granularity.DAY,
        List.of("meta.region")));
    assertThat(settings.locationRoot()).isEqualTo("file:/tmp/lake/raw");
  }

  @Test
  void anIcebergDatasetWithoutAnIcebergCatalogFailsNamingTheKey() {
    assertThatThrownBy(() -> service(KAFKA + "dataset-defaults:\n  table-format: iceberg\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("dataset-defaults.table-format: `iceberg` needs an Iceberg catalog: set catalog.type");
    assertThatThrownBy(() -> service(KAFKA + "datasets:\n  orders:\n    table-format: iceberg\n"))
        .hasMessageContaining("datasets.orders.table-format: `iceberg` needs an Iceberg catalog");
  }

  @Test
  void aRestCatalogNeedsItsUriAndSigV4ARegion() {
    String iceberg = "dataset-defaults:\n  table-format: iceberg\n";
    assertThatThrownBy(() -> service(KAFKA + iceberg + "catalog:\n  type: rest\n"))
        .hasMessageContaining("missing catalog.rest.uri");
    assertThatThrownBy(() -> service(KAFKA + iceberg + "catalog:\n  type: jdbc\n"))
        .hasMessageContaining("missing catalog.jdbc.url");
    assertThatThrownBy(() -> service(KAFKA + iceberg + "catalog:\n  type: rest\n  rest:\n    uri: https://x\n"
        + "    sigv4:\n      signing-name: glue\n    token: t\n"))
        .hasMessageContaining("catalog.rest.sigv4.signing-name: SigV4 signing cannot be combined");
  }

  @Test
  void s3TablesSignsWithTheBucketsRegionAndWritesWithIcebergsS3FileIoWhereTheCatalogPutsTheTables() {
    IcebergWiring wiring = service(KAFKA + S3 + "dataset-defaults:\n  table-format: iceberg\n"
        + "catalog:\n  type: rest\n  namespace: events\n  rest:\n"
        + "    uri: https://s3tables.eu-west-1.amazonaws.com/iceberg\n"
        + "    warehouse: arn:aws:s3tables:eu-west-1:111122223333:bucket/lake\n"
        + "    sigv4:\n      signing-name: s3tables\n").iceberg().orElseThrow();

    IcebergCatalogSpec.Rest rest = (IcebergCatalogSpec.Rest) wiring.catalog();
    assertThat(rest.signingName()).isEqualTo("s3tables");
    assertThat(rest.signingRegion()).isEqualTo("eu-west-1");
    assertThat(rest.fileIo()).containsEntry("io-impl", IcebergCatalogSpec.S3_FILE_IO);
    assertThat(wiring.namespace()).isEqualTo("events");
    assertThat(wiring.settings().locationRoot()).isNull();
    assertThat(wiring.storeRoot()).isEqualTo("s3://lake-bucket");
  }

  @Test
  void glueServesBothFormatsInOneDatabase() {
    ServiceConfig service = service(KAFKA + S3 + "catalog:\n  type: glue\n  database: lake_db\n"
        + "datasets:\n  orders:\n    table-format: iceberg\n");
    IcebergWiring wiring = service.iceberg().orElseThrow();

    assertThat(wiring.namespace()).isEqualTo("lake_db");
    assertThat(wiring.catalog()).isInstanceOfSatisfying(IcebergCatalogSpec.Glue.class, glue -> {
      assertThat(glue.database()).isEqualTo("lake_db");
      assertThat(glue.warehouse()).isEqualTo("s3://lake-bucket/raw");
    });
    assertThat(service.catalogSettings().glue()).isTrue();
    Catalogs.open(service, new SimpleMeterRegistry()).close();
  }
}
