package io.tributary.app.config;

import io.tributary.iceberg.IcebergCatalogSpec;
import io.tributary.iceberg.IcebergSettings;
import java.util.Objects;

/**
 * What the service needs to land Iceberg datasets, checked: the catalog, its name and namespace, the location of
 * the store's root (the FileIO over the store maps locations under it to keys), and the tables' settings.
 *
 * @param catalogName the Iceberg catalog's name ({@code catalog.name})
 * @param storeRoot {@code file:/abs/folder} or {@code s3://bucket}
 */
public record IcebergWiring(String catalogName, String namespace, IcebergCatalogSpec catalog, String storeRoot,
    IcebergSettings settings) {
  public IcebergWiring {
    Objects.requireNonNull(catalogName, "catalogName may not be null");
    Objects.requireNonNull(namespace, "namespace may not be null");
    Objects.requireNonNull(catalog, "catalog may not be null");
    Objects.requireNonNull(storeRoot, "storeRoot may not be null");
    Objects.requireNonNull(settings, "settings may not be null");
  }
}
