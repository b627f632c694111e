package io.tributary.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.decode.DecodeLimits;
import io.tributary.decode.DecodeResult;
import io.tributary.decode.JsonDecoder;
import io.tributary.parquet.ParquetRowWriter;
import io.tributary.parquet.WriteOptions;
import io.tributary.routing.DatasetRouter;
import io.tributary.routing.DatasetRouters;
import io.tributary.routing.RouteResult;
import io.tributary.source.SourceRecord;
import io.tributary.store.LocalFileStore;
import io.tributary.testing.DuckDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of drifting events from several services, through decode, routing, evolution and the Parquet encoder,
 * read back by DuckDB: every file of a dataset reads at once, no column changes type between files, and every
 * input value is in its column or in {@code _rescued}.
 */
class DriftingCorpusDuckDbTest {
  @TempDir Path dir;

  private final Random random = new Random(7);

  @Test
  void aDriftingCorpusLandsSoThatDuckDbReadsEveryValueBack() throws Exception {
    List<SourceRecord> corpus = corpus();
    JsonDecoder decoder = new JsonDecoder(DecodeLimits.defaults());
    DatasetRouter router = DatasetRouters.byStream();
    SchemaHistory history = new SchemaHistory(new LocalFileStore(dir.resolve("store")), "lake", "t", Clock.systemUTC());
    DatasetSchemas schemas = new DatasetSchemas(history, dataset -> EvolutionSettings.defaults());

    Map<String, Map<String, Object>> originals = new LinkedHashMap<>();
    Map<String, List<ShapeResult.Shaped>> byDataset = new LinkedHashMap<>();
    for (SourceRecord record : corpus) {
      Map<String, Object> event = ((DecodeResult.Decoded) decoder.decode(record.value())).event();
      String dataset = ((RouteResult.Routed) router.route(record, event)).dataset();
      ShapeResult.Shaped shaped = (ShapeResult.Shaped) schemas.shape(dataset, event, 1L, record.stream(),
          record.partition(), record.position().toString());
      byDataset.computeIfAbsent(dataset, d -> new ArrayList<>()).add(shaped);
      originals.put(dataset + "/" + record.position(), event);
    }

    try (DuckDb duck = DuckDb.open()) {
      for (Map.Entry<String, List<ShapeResult.Shaped>> dataset : byDataset.entrySet()) {
        List<Path> files = writeOneFilePerVersionRun(dataset.getKey(), dataset.getValue());
        int latest = schemas.current(dataset.getKey()).version();
        if (dataset.getKey().equals("metrics")) {
          // Thousands of distinct keys: the first event fills the column cap, the rest is rescued.
          assertThat(latest).isEqualTo(1);
          assertThat(schemas.current("metrics").root().fields()).hasSize(MetadataColumns.COUNT + 2);
        } else {
          assertThat(latest).as("versions of %s", dataset.getKey()).isGreaterThan(2);
        }
        String all = "read_parquet(" + DuckDb.listLiteral(files.toArray(Path[]::new)) + ", union_by_name=true)";

        // Reading every file at once needs no type widening: the union is exactly the newest file's schema.
        Path newest = files.get(files.size() - 1);
        assertThat(duck.columnTypes(all)).isEqualTo(duck.columnTypes("read_parquet(" + DuckDb.literal(newest) + ")"));
        for (Path file : files) {
          Map<String, String> own = duck.columnTypes("read_parquet(" + DuckDb.literal(file) + ")");
          Map<String, String> union = duck.columnTypes(all);
          own.forEach((column, type) -> {
            if (!type.startsWith("STRUCT") && !type.contains("STRUCT")) {
              assertThat(union.get(column)).as("type of %s in %s", column, file.getFileName()).isEqualTo(type);
            }
          });
        }

        List<List<Object>> rows = duck.rows("SELECT _offset, CAST(to_json(t) AS VARCHAR) FROM " + all + " t ORDER BY _offset");
        assertThat(rows).hasSize(dataset.getValue().size());
        for (List<Object> row : rows) {
          Map<String, Object> original = originals.get(dataset.getKey() + "/" + row.get(0));
          assertThat(Reconstruction.rebuildFromJson((String) row.get(1)))
              .as("%s offset %s: %s", dataset.getKey(), row.get(0), original)
              .isEqualTo(Reconstruction.normal(original));
        }
      }
    }
  }

  /** Consecutive rows of one version go to one file, as a writer that rolls on each schema change would do. */
  private List<Path> writeOneFilePerVersionRun(String dataset, List<ShapeResult.Shaped> rows) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("lake").resolve(dataset));
    List<Path> files = new ArrayList<>();
    int i = 0;
    while (i < rows.size()) {
      DatasetSchema schema = rows.get(i).schema();
      Path file = folder.resolve(String.format("part-%04d-v%d.parquet", files.size(), schema.version()));
      try (ParquetRowWriter writer = ParquetRowWriter.open(new LocalOutputFile(file), schema, WriteOptions.defaults())) {
        while (i < rows.size() && rows.get(i).schema().version() == schema.version()) {
          writer.write(rows.get(i++).row());
        }
      }
      files.add(file);
    }
    return files;
  }

  private List<SourceRecord> corpus() {
    List<SourceRecord> records = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      records.add(record("orders", i, order(i)));
      records.add(record("users", i, user(i)));
      if (i % 20 == 0) {
        records.add(record("metrics", i, metric(i)));
      }
    }
    return records;
  }

  private String order(int i) {
    StringBuilder json = new StringBuilder("{\"order_id\": " + i + ", \"amount\": ");
    // Integers that become fractions.
    json.append(i < 100 ? Integer.toString(i * 10) : (i * 10 + 0.25) + "");
    json.append(", \"customer\": {\"id\": \"c" + (i % 17) + "\"");
    if (i >= 150) {
      json.append(", \"address\": {\"city\": \"city" + (i % 5) + "\"" + (i >= 300 ? ", \"zip\": " + i : "") + "}");
    }
    json.append("}, \"items\": [");
    for (int k = 0; k < i % 3; k++) {
      json.append(k == 0 ? "" : ", ").append("{\"sku\": \"s" + k + "\", \"qty\": " + k);
      if (i >= 200) {
        json.append(", \"discount\": " + (k + 0.5));
      }
      json.append("}");
    }
    json.append("], \"coupons\": ").append(i < 50 ? "[]" : "[\"X" + i + "\"]");
    json.append(", \"deleted_at\": null");
    if (i >= 250) {
      json.append(", \"total\": 18446744073709551617");
    }
    return json.append("}").toString();
  }

  private String user(int i) {
    String[] idNames = {"userId", "userid", "UserID"};
    StringBuilder json = new StringBuilder("{\"" + idNames[i % 3] + "\": " + i);
    json.append(", \"user-id\": \"u" + i + "\", \"1st login\": " + (i % 2 == 0));
    json.append(", \"e-mail.address\": \"u" + i + "@x\", \"名前\": \"ユーザー" + i + "\"");
    // Strings that become objects.
    json.append(", \"address\": ").append(i < 200 ? "\"Oslo\"" : "{\"city\": \"Oslo\", \"zip\": \"0150\"}");
    json.append(", \"nickname\": null, \"tags\": []");
    if (i >= 300) {
      json.append(", \"prefs\": {\"theme\": \"dark\", \"Theme\": null}");
    }
    if (random.nextInt(4) == 0) {
      json.append(", \"score\": ").append(random.nextBoolean() ? "1" : "\"high\"");
    }
    return json.append("}").toString();
  }

  private String metric(int i) {
    StringBuilder json = new StringBuilder("{\"host\": \"h" + i + "\", \"counters\": {");
    for (int k = 0; k < 1500; k++) {
      json.append(k == 0 ? "" : ", ").append("\"c").append(i * 1500 + k).append("\": ").append(k);
    }
    return json.append("}, \"huge\": 99999999999999999999}").toString();
  }

  private static SourceRecord record(String stream, int i, String json) {
    return SourceRecord.of(stream, "0", String.format("%06d", i), 1_700_000_000_000L,
        json.getBytes(StandardCharsets.UTF_8));
  }
}
