package io.tributary.app.config;

import static io.tributary.app.config.ConfigValues.missing;
import static io.tributary.app.config.ConfigValues.required;
import static io.tributary.app.config.ConfigValues.uri;

import io.tributary.catalog.CatalogKeys;
import io.tributary.config.CoreKeys;
import io.tributary.config.DatasetKeys;
import io.tributary.iceberg.IcebergCatalogSpec;
import io.tributary.iceberg.IcebergKeys;
import io.tributary.iceberg.IcebergSettings;
import io.tributary.landing.LandingSettings;
import io.tributary.layout.LakeLayout;
import io.tributary.routing.DatasetNames;
import io.tributary.schema.ColumnNames;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Iceberg side of the configuration: which datasets are Iceberg tables ({@code table-format}), their catalog
 * ({@code catalog.type} and {@code catalog.rest.*}, {@code catalog.jdbc.*}, the Glue keys) and namespace. Every rule
 * that spans these keys is checked here, each naming its key: an Iceberg dataset needs an Iceberg catalog, a REST
 * catalog its URI, SigV4 a region, a JDBC catalog its URL. With {@code catalog.type: glue} one Glue database serves
 * both table formats (the Hive datasets' tables kept in step by the Glue sync, the Iceberg datasets through
 * Iceberg's GlueCatalog).
 */
final class IcebergConfig {
  private static final String DEFAULT_NAMESPACE = "tributary";

  private final Config config;

  private IcebergConfig(Config config) {
    this.config = config;
  }

  /** The Iceberg wiring, empty when no dataset is an Iceberg table. */
  static Optional<IcebergWiring> of(Config config, LandingSettings landing) {
    return new IcebergConfig(config).wiring(landing);
  }

  private Optional<IcebergWiring> wiring(LandingSettings landing) {
    Map<String, Boolean> perDataset = new HashMap<>();
    String icebergKey = null;
    for (String name : config.names(DatasetKeys.DATASETS_PREFIX)) {
      boolean iceberg = isIceberg(DatasetKeys.DATASETS_PREFIX + name + ".");
      perDataset.put(DatasetNames.sanitize(name), iceberg);
      if (iceberg && icebergKey == null) {
        icebergKey = DatasetKeys.DATASETS_PREFIX + name + "." + DatasetKeys.TABLE_FORMAT.name();
      }
    }
    boolean byDefault = isIceberg(DatasetKeys.DEFAULTS_PREFIX);
    if (byDefault) {
      icebergKey = DatasetKeys.defaults(DatasetKeys.TABLE_FORMAT).name();
    }
    if (icebergKey == null) {
      return Optional.empty();
    }
    String type = config.get(CatalogKeys.TYPE);
    if (type.equals("none")) {
      throw new ConfigException(icebergKey + ": `iceberg` needs an Iceberg catalog: set " + CatalogKeys.TYPE.name()
          + " to glue, rest or jdbc");
    }
    String root = storeRoot();
    String prefix = LakeLayout.clean(config.get(CoreKeys.LAKE_PREFIX));
    String warehouse = prefix.isEmpty() ? root : root + "/" + prefix;
    IcebergCatalogSpec spec = switch (type) {
      case "jdbc" -> new IcebergCatalogSpec.Jdbc(required(config, IcebergKeys.JDBC_URL, "`" + CatalogKeys.TYPE.name()
          + ": jdbc` needs the catalog's database, e.g. jdbc:sqlite:./catalog.db"),
          config.find(IcebergKeys.JDBC_USER).orElse(null), config.find(IcebergKeys.JDBC_PASSWORD).orElse(null),
          warehouse);
      case "rest" -> rest();
      default -> glue(warehouse);
    };
    String namespace = config.find(IcebergKeys.NAMESPACE).orElseGet(() -> type.equals("glue")
        ? config.get(CatalogKeys.DATABASE) : DEFAULT_NAMESPACE);
    if (!namespace.matches("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*")) {
      throw new ConfigException(IcebergKeys.NAMESPACE.name() + ": '" + namespace + "' must be dotted levels of "
          + "letters, digits and '_'");
    }
    IcebergSettings settings = new IcebergSettings(namespace,
        dataset -> perDataset.getOrDefault(dataset, byDefault),
        dataset -> layout(landing, dataset),
        // REST catalogs decide where their tables live (S3 Tables: in the table bucket); the others: in the lake.
        type.equals("rest") ? null : warehouse, Map.of());
    return Optional.of(new IcebergWiring(config.get(IcebergKeys.NAME), namespace, spec, root, settings));
  }

  private boolean isIceberg(String prefix) {
    return DatasetValues.value(config, prefix, DatasetKeys.TABLE_FORMAT).equals("iceberg");
  }

  /** The dataset's granularity and its field partition keys as column paths: the Hive layout's keys, as a spec. */
  private static IcebergSettings.TableLayout layout(LandingSettings landing, String dataset) {
    var partitioning = landing.datasets().apply(dataset).partitioning();
    List<String> columns = partitioning.extraFieldKeys().stream()
        .map(path -> Arrays.stream(path.split("\\.")).map(ColumnNames::sanitize).collect(Collectors.joining(".")))
        .toList();
    return new IcebergSettings.TableLayout(partitioning.granularity(), columns);
  }

  private IcebergCatalogSpec.Rest rest() {
    URI uri = uri(config, IcebergKeys.REST_URI).orElseThrow(() -> missing(IcebergKeys.REST_URI, "`"
        + CatalogKeys.TYPE.name() + ": rest` needs the REST catalog's URI"));
    String signingName = config.find(IcebergKeys.REST_SIGNING_NAME).orElse(null);
    String signingRegion = null;
    if (signingName != null) {
      if (config.has(IcebergKeys.REST_CREDENTIAL) || config.has(IcebergKeys.REST_TOKEN)) {
        throw new ConfigException(IcebergKeys.REST_SIGNING_NAME.name() + ": SigV4 signing cannot be combined with "
            + IcebergKeys.REST_CREDENTIAL.name() + " or " + IcebergKeys.REST_TOKEN.name());
      }
      signingRegion = config.find(IcebergKeys.REST_SIGNING_REGION).or(() -> config.find(CatalogKeys.REGION))
          .or(() -> ConfigValues.region(config, CoreKeys.S3_REGION)).orElseThrow(() -> missing(
              IcebergKeys.REST_SIGNING_REGION, "SigV4 needs a region: give it, or catalog.region, or set AWS_REGION"));
    }
    return new IcebergCatalogSpec.Rest(uri, config.find(IcebergKeys.REST_WAREHOUSE).orElse(null), signingName,
        signingRegion, config.find(IcebergKeys.REST_CREDENTIAL).orElse(null),
        config.find(IcebergKeys.REST_TOKEN).orElse(null), uri(config, IcebergKeys.REST_OAUTH2_URI).orElse(null),
        s3FileIo());
  }

  private IcebergCatalogSpec.Glue glue(String warehouse) {
    CatalogSettings glue = CatalogSettings.of(config);
    return new IcebergCatalogSpec.Glue(glue.database(), glue.region(), glue.endpoint(), warehouse, s3FileIo());
  }

  /** Iceberg's S3 FileIO against the lake's bucket settings; empty for a local lake (files go through the store). */
  private Map<String, String> s3FileIo() {
    if (!config.get(CoreKeys.STORE_TYPE).equals("s3")) {
      return Map.of();
    }
    return IcebergCatalogSpec.s3FileIo(ConfigValues.region(config, CoreKeys.S3_REGION).orElse(null),
        uri(config, CoreKeys.S3_ENDPOINT).orElse(null), config.get(CoreKeys.S3_PATH_STYLE));
  }

  /** The location of the store's root key: {@code file:/abs/folder} or {@code s3://bucket}. */
  private String storeRoot() {
    if (config.get(CoreKeys.STORE_TYPE).equals("s3")) {
      return "s3://" + required(config, CoreKeys.S3_BUCKET, "`" + CoreKeys.STORE_TYPE.name() + ": s3` needs a bucket");
    }
    return "file:" + Path.of(config.get(CoreKeys.STORE_PATH)).toAbsolutePath().normalize();
  }
}
