package io.tributary.app.catalog;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.app.config.CatalogSettings;
import io.tributary.app.config.ServiceConfig;
import io.tributary.catalog.CatalogSync;
import io.tributary.catalog.glue.GlueCatalog;
import io.tributary.catalog.glue.GlueClients;
import io.tributary.catalog.glue.RetryDelays;
import io.tributary.errors.ErrorRows;
import io.tributary.schema.DatasetSchema;
import java.util.List;
import java.util.function.Predicate;

/** Builds the service's catalog from {@code catalog.*}. */
public final class Catalogs {
  private Catalogs() {}

  /**
   * The Hive datasets' catalog of a checked configuration: {@link CatalogSync#none()} unless {@code catalog.type:
   * glue}, then a {@link GlueCatalog} signing with the default AWS credential provider chain (the task role on ECS),
   * told nothing of the Iceberg datasets.
   */
  public static CatalogSync open(ServiceConfig service, MeterRegistry registry) {
    CatalogSettings settings = service.catalogSettings();
    if (!settings.glue()) {
      return CatalogSync.none();
    }
    CatalogSync glue = new GlueCatalog(GlueClients.create(settings.region(), settings.endpoint(), null, List.of()),
        settings.database(), LakeLayouts.of(service), registry, RetryDelays.exponential());
    // Iceberg datasets' tables are Iceberg's (its GlueCatalog, in the same database): the Hive sync leaves them.
    return service.iceberg().map(iceberg -> hiveOnly(glue, iceberg.settings().icebergDatasets())).orElse(glue);
  }

  /** {@code sync} told only of the datasets {@code iceberg} does not claim (and of the error files). */
  static CatalogSync hiveOnly(CatalogSync sync, Predicate<String> iceberg) {
    return new CatalogSync() {
      @Override
      public void schemaPublished(DatasetSchema schema) {
        if (!iceberg.test(schema.dataset())) {
          sync.schemaPublished(schema);
        }
      }

      @Override
      public void filesCommitted(DatasetSchema schema) {
        if (schema.dataset().equals(ErrorRows.DATASET) || !iceberg.test(schema.dataset())) {
          sync.filesCommitted(schema);
        }
      }

      @Override
      public void close() {
        sync.close();
      }
    };
  }
}
