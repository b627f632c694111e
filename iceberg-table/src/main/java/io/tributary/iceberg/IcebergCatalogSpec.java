package io.tributary.iceberg;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which Iceberg catalog the tables are in, and the catalog properties each kind builds ({@link IcebergCatalogs} opens
 * it). A value the service builds from {@code catalog.*}; {@link #properties()} is what the catalog's
 * {@code initialize} gets, so it is what the tests check.
 */
public sealed interface IcebergCatalogSpec {
  /** The FileIO of catalogs whose files are not written through the lake's store: Iceberg's own S3 client. */
  String S3_FILE_IO = "org.apache.iceberg.aws.s3.S3FileIO";

  /** How operators know the catalog: its URL or database, named in logs and failures. */
  String description();

  /** The properties the catalog is initialized with. */
  Map<String, String> properties();

  /**
   * A JDBC catalog (SQLite, PostgreSQL, ...): its files go through the lake's store.
   *
   * @param user null for none
   * @param password null for none
   * @param warehouse the location tables are created under
   */
  record Jdbc(String url, String user, String password, String warehouse) implements IcebergCatalogSpec {
    public Jdbc {
      Objects.requireNonNull(url, "url may not be null");
      Objects.requireNonNull(warehouse, "warehouse may not be null");
    }

    @Override
    public String description() {
      return url;
    }

    @Override
    public Map<String, String> properties() {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("uri", url);
      p.put("warehouse", warehouse);
      // V1 keeps views out and works on SQLite; the schema is created on first use.
      p.put("jdbc.schema-version", "V1");
      putIf(p, "jdbc.user", user);
      putIf(p, "jdbc.password", password);
      return p;
    }
  }

  /**
   * An Iceberg REST catalog.
   *
   * @param warehouse the warehouse it serves (an S3 Tables bucket ARN, a Glue catalog id, a name), or null
   * @param signingName {@code glue} or {@code s3tables} to sign with SigV4, or null
   * @param signingRegion the SigV4 region (required with {@code signingName})
   * @param credential OAuth2 client credentials {@code id:secret}, or null
   * @param token a bearer token, or null
   * @param oauth2Uri the OAuth2 token endpoint, or null for the catalog's own
   * @param fileIo properties of Iceberg's S3 FileIO ({@link #s3FileIo}) when the tables' files are in S3, empty
   *     when they go through the lake's store (a local lake)
   */
  record Rest(URI uri, String warehouse, String signingName, String signingRegion, String credential, String token,
      URI oauth2Uri, Map<String, String> fileIo) implements IcebergCatalogSpec {
    public Rest {
      Objects.requireNonNull(uri, "uri may not be null");
      if (signingName != null && signingRegion == null) {
        throw new IllegalArgumentException("Invalid REST catalog: SigV4 signing for " + signingName
            + " needs a region");
      }
      fileIo = Map.copyOf(fileIo);
    }

    @Override
    public String description() {
      return uri.toString();
    }

    @Override
    public Map<String, String> properties() {
      Map<String, String> p = new LinkedHashMap<>(fileIo);
      p.put("uri", uri.toString());
      putIf(p, "warehouse", warehouse);
      if (signingName != null) {
        p.put("rest.auth.type", "sigv4");
        p.put("rest.signing-name", signingName);
        p.put("rest.signing-region", signingRegion);
        // SigV4 alone: no OAuth2 token exchange underneath it.
        p.put("rest.auth.sigv4.delegate-auth-type", "none");
      } else if (credential != null || token != null) {
        p.put("rest.auth.type", "oauth2");
        putIf(p, "credential", credential);
        putIf(p, "token", token);
        putIf(p, "oauth2-server-uri", oauth2Uri == null ? null : oauth2Uri.toString());
      }
      return p;
    }
  }

  /**
   * Iceberg's GlueCatalog: the tables in a Glue database, beside the Hive datasets' Glue tables.
   *
   * @param database the Glue database, the tables' namespace
   * @param endpoint a Glue endpoint override, or null
   * @param warehouse the location tables are created under ({@code s3://bucket/prefix})
   * @param fileIo properties of Iceberg's S3 FileIO ({@link #s3FileIo})
   */
  record Glue(String database, String region, URI endpoint, String warehouse, Map<String, String> fileIo)
      implements IcebergCatalogSpec {
    public Glue {
      Objects.requireNonNull(database, "database may not be null");
      Objects.requireNonNull(region, "region may not be null");
      Objects.requireNonNull(warehouse, "warehouse may not be null");
      fileIo = Map.copyOf(fileIo);
    }

    @Override
    public String description() {
      return "glue:" + database + " (" + region + ")";
    }

    @Override
    public Map<String, String> properties() {
      Map<String, String> p = new LinkedHashMap<>(fileIo);
      p.put("warehouse", warehouse);
      p.put("client.region", region);
      putIf(p, "glue.endpoint", endpoint == null ? null : endpoint.toString());
      return p;
    }
  }

  /**
   * The properties of Iceberg's S3 FileIO (module iceberg-aws) over the lake's bucket settings.
   *
   * @param region the bucket's region, or null for the environment's
   * @param endpoint an endpoint override (S3Proxy, MinIO), or null
   */
  public static Map<String, String> s3FileIo(String region, URI endpoint, boolean pathStyle) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("io-impl", S3_FILE_IO);
    p.put("http-client.type", "urlconnection");
    putIf(p, "client.region", region);
    putIf(p, "s3.endpoint", endpoint == null ? null : endpoint.toString());
    if (pathStyle) {
      p.put("s3.path-style-access", "true");
    }
    return p;
  }

  private static void putIf(Map<String, String> properties, String key, String value) {
    if (value != null) {
      properties.put(key, value);
    }
  }
}
