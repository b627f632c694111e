package io.tributary.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.store.LocalFileStore;
import io.tributary.store.StoreException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog factory: the properties each kind of catalog is initialized with, a real JdbcCatalog on SQLite opened
 * over the lake's store with its namespace created, and catalogs that cannot be reached failing as retryable store
 * failures that name the catalog. (REST requests signed with SigV4 are tested with a REST server elsewhere.)
 */
class IcebergCatalogsTest {
  @TempDir Path dir;

  @Test
  void aJdbcCatalogOnSqliteWritesThroughTheLakesStoreAndGetsItsNamespace() throws Exception {
    ObjectStoreFileIO io = new ObjectStoreFileIO(new LocalFileStore(dir.resolve("lake")), "file:" + dir.resolve("lake"));
    IcebergCatalogSpec.Jdbc spec = new IcebergCatalogSpec.Jdbc("jdbc:sqlite:" + dir.resolve("catalog.db"), null, null,
        io.root() + "/raw");
    Catalog catalog = IcebergCatalogs.open("tributary", spec, io, "tributary.events");
    try {
      assertThat(((SupportsNamespaces) catalog).namespaceExists(Namespace.of("tributary", "events"))).isTrue();
      Table table = catalog.createTable(TableIdentifier.of(Namespace.of("tributary", "events"), "orders"),
          new Schema(Types.NestedField.optional(1, "id", Types.LongType.get())));
      assertThat(table.io()).isSameAs(io);
      assertThat(table.location()).startsWith(io.root() + "/raw/");
      assertThat(dir.resolve("lake").resolve(io.keyOf(table.location())).resolve("metadata")).isDirectory();
      // A second instance opening the same catalog finds the namespace and the table.
      Catalog again = IcebergCatalogs.open("tributary", spec, io, "tributary.events");
      assertThat(again.tableExists(TableIdentifier.of(Namespace.of("tributary", "events"), "orders"))).isTrue();
      ((JdbcCatalog) again).close();
    } finally {
      ((JdbcCatalog) catalog).close();
    }
  }

  @Test
  void aJdbcCatalogThatCannotBeReachedIsARetryableFailureNamingIt() {
    ObjectStoreFileIO io = new ObjectStoreFileIO(new LocalFileStore(dir.resolve("lake")), "file:" + dir.resolve("lake"));
    String url = "jdbc:sqlite:" + dir.resolve("missing-folder").resolve("catalog.db");
    assertThatThrownBy(() -> IcebergCatalogs.open("tributary", new IcebergCatalogSpec.Jdbc(url, null, null, io.root()),
        io, "tributary"))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageStartingWith("iceberg catalog unreachable: " + url);
  }

  @Test
  void aRestCatalogThatCannotBeReachedIsARetryableFailureNamingIt() {
    ObjectStoreFileIO io = new ObjectStoreFileIO(new LocalFileStore(dir.resolve("lake")), "file:" + dir.resolve("lake"));
    IcebergCatalogSpec.Rest spec = new IcebergCatalogSpec.Rest(URI.create("http://127.0.0.1:1"), null, null, null,
        null, null, null, Map.of());
    assertThatThrownBy(() -> IcebergCatalogs.open("tributary", spec, io, "tributary"))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageStartingWith("iceberg catalog unreachable: http://127.0.0.1:1");
  }

  @Test
  void aRestCatalogSignedForS3TablesUsesSigV4AndIcebergsS3FileIo() {
    IcebergCatalogSpec.Rest spec = new IcebergCatalogSpec.Rest(
        URI.create("https://s3tables.eu-west-1.amazonaws.com/iceberg"),
        "arn:aws:s3tables:eu-west-1:111122223333:bucket/lake", "s3tables", "eu-west-1", null, null, null,
        IcebergCatalogSpec.s3FileIo("eu-west-1", null, false));

    assertThat(spec.properties()).containsAllEntriesOf(Map.of(
        "uri", "https://s3tables.eu-west-1.amazonaws.com/iceberg",
        "warehouse", "arn:aws:s3tables:eu-west-1:111122223333:bucket/lake",
        "rest.auth.type", "sigv4",
        "rest.signing-name", "s3tables",
        "rest.signing-region", "eu-west-1",
        "rest.auth.sigv4.delegate-auth-type", "none",
        "io-impl", IcebergCatalogSpec.S3_FILE_IO,
        "client.region", "eu-west-1"))
        .doesNotContainKeys("credential", "token");
    assertThatThrownBy(() -> new IcebergCatalogSpec.Rest(URI.create("https://glue.eu-west-1.amazonaws.com/iceberg"),
        null, "glue", null, null, null, null, Map.of())).hasMessageContaining("needs a region");
  }

  @Test
  void aRestCatalogWithOAuth2CredentialsAndALocalLakeWritesThroughTheStore() {
    IcebergCatalogSpec.Rest spec = new IcebergCatalogSpec.Rest(URI.create("http://polaris:8181/api/catalog"),
        "lake", null, null, "client:secret", null, URI.create("http://polaris:8181/api/catalog/v1/oauth/tokens"),
        Map.of());

    assertThat(spec.properties()).containsAllEntriesOf(Map.of("rest.auth.type", "oauth2",
            "credential", "client:secret", "oauth2-server-uri", "http://polaris:8181/api/catalog/v1/oauth/tokens",
            "warehouse", "lake"))
        .doesNotContainKeys("io-impl", "rest.signing-name");
  }

  @Test
  void aGlueCatalogGetsItsRegionEndpointWarehouseAndS3FileIoAgainstTheLakesEndpoint() {
    IcebergCatalogSpec.Glue spec = new IcebergCatalogSpec.Glue("analytics", "eu-west-1",
        URI.create("https://glue.vpce.example"), "s3://bucket/raw",
        IcebergCatalogSpec.s3FileIo("eu-west-1", URI.create("http://127.0.0.1:9000"), true));

    assertThat(spec.properties()).containsAllEntriesOf(Map.of("warehouse", "s3://bucket/raw",
        "client.region", "eu-west-1", "glue.endpoint", "https://glue.vpce.example",
        "io-impl", IcebergCatalogSpec.S3_FILE_IO, "http-client.type", "urlconnection",
        "s3.endpoint", "http://127.0.0.1:9000", "s3.path-style-access", "true"));
    assertThat(spec.description()).isEqualTo("glue:analytics (eu-west-1)");
  }
}
