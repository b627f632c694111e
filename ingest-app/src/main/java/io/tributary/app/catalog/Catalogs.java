package io.tributary.app.catalog;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.app.config.CatalogSettings;
import io.tributary.app.config.ServiceConfig;
import io.tributary.catalog.CatalogSync;
import io.tributary.catalog.glue.GlueCatalog;
import io.tributary.catalog.glue.GlueClients;
import io.tributary.catalog.glue.RetryDelays;
import java.util.List;

/** Builds the service's catalog from {@code catalog.*}. */
public final class Catalogs {
  private Catalogs() {}

  /**
   * The catalog of a checked configuration: {@link CatalogSync#none()} for {@code catalog.type: none}, else a
   * {@link GlueCatalog} signing with the default AWS credential provider chain (the task role on ECS).
   */
  public static CatalogSync open(ServiceConfig service, MeterRegistry registry) {
    CatalogSettings settings = service.catalogSettings();
    if (!settings.glue()) {
      return CatalogSync.none();
    }
    return new GlueCatalog(GlueClients.create(settings.region(), settings.endpoint(), null, List.of()),
        settings.database(), LakeLayouts.of(service), registry, RetryDelays.exponential());
  }
}
