package io.tributary.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.iceberg.testing.RestCatalogServer;
import io.tributary.iceberg.testing.RestCatalogServer.CapturedRequest;
import io.tributary.store.LocalFileStore;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SessionCatalog.SessionContext;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.RESTSessionCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The REST catalog requests of the Glue Iceberg REST endpoint ({@code glue}) and of Amazon S3 Tables
 * ({@code s3tables}) are signed with AWS SigV4 by iceberg-aws's signer on the project's AWS SDK: every request our
 * test REST server receives carries {@code Authorization: AWS4-HMAC-SHA256 Credential=<key>/<date>/<region>/<service>/
 * aws4_request, SignedHeaders=..., Signature=<64 hex>} and an {@code x-amz-content-sha256} that is the SHA-256 of
 * the body the server received. This tests the signing as
 * sent, not AWS's acceptance of it (no AWS endpoint runs here; the server checks no signature).
 */
class RestCatalogSigV4Test {
  private static final String ACCESS_KEY = "AKIDTRIBUTARYTEST";
  private static final String REGION = "eu-west-1";
  /** SHA-256 of no bytes, hex: what the signer sends for a request without a body. */
  private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private static final Pattern AUTHORIZATION = Pattern.compile("AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/"
      + "([^/]+)/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})");

  @TempDir static Path dir;
  private static ObjectStoreFileIO io;
  private static RestCatalogServer rest;

  @BeforeAll
  static void startServer() {
    io = new ObjectStoreFileIO(new LocalFileStore(dir.resolve("store")), "file:" + dir.resolve("store"));
    rest = RestCatalogServer.launch(dir, io, io.location("warehouse"));
  }

  @AfterAll
  static void stopServer() {
    if (rest != null) {
      rest.close();
    }
  }

  @BeforeEach
  void forgetRequests() {
    rest.clearRequests();
  }

  private static Map<String, String> sigV4(String service) {
    return Map.of(
        "rest.sigv4-enabled", "true",
        "rest.signing-name", service,
        "rest.signing-region", REGION,
        "rest.access-key-id", ACCESS_KEY,
        "rest.secret-access-key", "tributary-test-secret");
  }

  /** Config, namespace creation, table creation and load: the calls the engine makes. */
  private static void createAndLoadATable(Map<String, String> properties, String namespace) throws Exception {
    try (RESTSessionCatalog client = rest.newClient("tributary", io, properties)) {
      SessionContext context = SessionContext.createEmpty();
      client.createNamespace(context, Namespace.of(namespace), Collections.emptyMap());
      TableIdentifier id = TableIdentifier.of(namespace, "events");
      client.asCatalog(context).createTable(id, new Schema(Types.NestedField.optional(1, "id", Types.LongType.get())));
      assertThat(client.asCatalog(context).loadTable(id).schema().findField("id")).isNotNull();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"glue", "s3tables"})
  void everyRequestIsSignedForTheServiceAndRegion(String service) throws Exception {
    createAndLoadATable(sigV4(service), "signed_" + service);

    List<CapturedRequest> requests = rest.requests();
    assertThat(requests).extracting(CapturedRequest::method).contains("GET", "POST");
    String today = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
    for (CapturedRequest request : requests) {
      String authorization = request.header("Authorization");
      assertThat(authorization).as("Authorization of %s %s", request.method(), request.path()).isNotNull();
      Matcher signed = AUTHORIZATION.matcher(authorization);
      assertThat(signed.matches()).as("SigV4 Authorization: %s", authorization).isTrue();
      assertThat(signed.group(1)).isEqualTo(ACCESS_KEY);
      assertThat(signed.group(2)).isIn(today, LocalDate.now(ZoneOffset.UTC).minusDays(1)
          .format(DateTimeFormatter.BASIC_ISO_DATE));
      assertThat(signed.group(3)).isEqualTo(REGION);
      assertThat(signed.group(4)).isEqualTo(service);
      assertThat(signed.group(5).split(";")).contains("host", "x-amz-content-sha256", "x-amz-date");
      assertThat(request.header("X-Amz-Date")).startsWith(signed.group(2) + "T");
      // Iceberg's signer sends the SDK's checksum form for a body (base64 of its SHA-256), hex for none.
      byte[] body = request.body();
      assertThat(request.header("x-amz-content-sha256")).as("x-amz-content-sha256 of %s %s", request.method(),
          request.path()).isEqualTo(body.length == 0 ? EMPTY_SHA256
              : Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body)));
    }
  }

  @Test
  void withoutSigV4NoRequestCarriesASignature() throws Exception {
    createAndLoadATable(Map.of(), "unsigned");

    assertThat(rest.requests()).isNotEmpty().allSatisfy(request -> {
      assertThat(request.header("Authorization")).isNull();
      assertThat(request.header("x-amz-content-sha256")).isNull();
    });
  }
}
