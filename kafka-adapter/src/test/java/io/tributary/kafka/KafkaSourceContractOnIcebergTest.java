package io.tributary.kafka;

import io.tributary.commit.TableFormatFactory;
import io.tributary.iceberg.IcebergCatalogSpec;
import io.tributary.iceberg.IcebergCatalogs;
import io.tributary.iceberg.IcebergFormats;
import io.tributary.iceberg.IcebergSettings;
import io.tributary.iceberg.ObjectStoreFileIO;
import io.tributary.iceberg.testing.IcebergLakeCounts;
import io.tributary.partition.Granularity;
import io.tributary.store.LocalFileStore;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.catalog.Catalog;
import org.junit.jupiter.api.AfterEach;

/**
 * The sources compatibility kit against {@link KafkaSource} with every dataset landed as an Iceberg table (issue 16):
 * a JdbcCatalog on SQLite over the kit's folder, the rows counted from each table's current snapshot by a catalog
 * client of its own ({@link IcebergLakeCounts}), the error files as Hive Parquet as ever.
 */
class KafkaSourceContractOnIcebergTest extends KafkaSourceContractTest {
  private static final String NAMESPACE = "tributary";

  private IcebergFormats formats;
  private Catalog reader;

  @AfterEach
  void closeReader() throws Exception {
    if (reader instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  /** One catalog for every landing of a test (a test's instances share the table). */
  @Override
  protected TableFormatFactory tableFormats() {
    if (formats == null) {
      formats = new IcebergFormats(IcebergCatalogs.lazy("tributary", spec(), io(), NAMESPACE), new IcebergSettings(
          NAMESPACE, dataset -> true, dataset -> new IcebergSettings.TableLayout(Granularity.HOUR, List.of()),
          io().root() + "/lake", Map.of()), spec().description());
    }
    return formats;
  }

  @Override
  protected Map<String, Long> landedData() throws Exception {
    if (formats == null) {
      return Map.of();
    }
    if (reader == null) {
      reader = IcebergCatalogs.open("tributary", spec(), io(), NAMESPACE);
    }
    return IcebergLakeCounts.data(reader, NAMESPACE);
  }

  private IcebergCatalogSpec.Jdbc spec() {
    return new IcebergCatalogSpec.Jdbc("jdbc:sqlite:" + root.resolve("catalog.db"), null, null,
        io().root() + "/lake");
  }

  private ObjectStoreFileIO io() {
    return new ObjectStoreFileIO(new LocalFileStore(root), "file:" + root.toAbsolutePath().normalize());
  }
}
