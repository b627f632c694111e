package io.tributary.errors;

import static io.tributary.errors.ErrorRowsTest.INGEST_MICROS;
import static io.tributary.errors.ErrorRowsTest.SOURCE_MILLIS;
import static io.tributary.errors.ErrorRowsTest.record;
import static io.tributary.errors.ErrorRowsTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.error.ErrorType;
import io.tributary.layout.LakeLayout;
import io.tributary.parquet.ParquetRowWriter;
import io.tributary.parquet.WriteOptions;
import io.tributary.partition.Granularity;
import io.tributary.source.SourceRecord.Header;
import io.tributary.store.ObjectKeys;
import io.tributary.testing.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Error rows written by {@link ParquetRowWriter} under {@link ErrorRows#pathFor} and read back by DuckDB. */
class ErrorRowsDuckDbTest {
  private static final byte[] INVALID_UTF8 = {(byte) 0xC3, 0x28, (byte) 0xFF, 0x00, (byte) 0xFE, 'x'};
  private static final byte[] ONE_MIB = randomBytes(1024 * 1024);

  @TempDir
  Path dir;
  private DuckDb duck;

  @BeforeEach
  void openDuckDb() throws Exception {
    duck = DuckDb.open();
  }

  @AfterEach
  void closeDuckDb() throws Exception {
    duck.close();
  }

  private static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new Random(7).nextBytes(bytes);
    return bytes;
  }

  /** One failed record of every type, each with a different payload worth checking. */
  private static Map<ErrorType, FailedRecord> oneOfEveryType() {
    Map<ErrorType, byte[]> payloads = Map.of(
        ErrorType.DECODE, INVALID_UTF8,
        ErrorType.OVERSIZE, ONE_MIB,
        ErrorType.TOO_DEEP, utf8("[[[[[[[[[["),
        ErrorType.EVENT_TIME, utf8("{\"ts\": \"gestern\", \"city\": \"Zürich 東京 🚀\"}"),
        ErrorType.SCHEMA, new byte[0],
        ErrorType.ROUTING, utf8("{\"type\": \"\"}"));
    Map<ErrorType, FailedRecord> failed = new LinkedHashMap<>();
    for (ErrorType type : ErrorType.values()) {
      String dataset = type == ErrorType.DECODE || type == ErrorType.ROUTING ? null : "orders";
      List<Header> headers = Arrays.asList(new Header("trace", utf8("t-" + type)), new Header("nothing", null));
      failed.put(type, new FailedRecord(type, "failed as " + type, dataset,
          record(utf8("key-" + type), headers, SOURCE_MILLIS, payloads.get(type)), INGEST_MICROS));
    }
    return failed;
  }

  private Map<ErrorType, FailedRecord> writeOneOfEveryType() throws Exception {
    Map<ErrorType, FailedRecord> failed = oneOfEveryType();
    int fileNumber = 0;
    for (FailedRecord record : failed.values()) {
      write(record, fileNumber++);
    }
    return failed;
  }

  private void write(FailedRecord failed, int fileNumber) throws Exception {
    String folder = ErrorRows.folder(new LakeLayout("", "errors"), failed, Granularity.HOUR);
    String key = ObjectKeys.join(folder, "part-" + fileNumber
        + ".parquet");
    Path file = dir.resolve(key);
    Files.createDirectories(file.getParent());
    try (ParquetRowWriter writer =
        ParquetRowWriter.open(new LocalOutputFile(file), ErrorRows.schema(), WriteOptions.defaults())) {
      writer.write(ErrorRows.row(failed));
    }
  }

  private String errorFiles() {
    return "read_parquet('" + dir.resolve("errors").toAbsolutePath().toString().replace("'", "''")
        + "/**/*.parquet', hive_partitioning = true, hive_types_autocast = false)";
  }

  @Test
  void aRowOfEveryErrorTypeReadsBackWithTheTypeFromItsPath() throws Exception {
    Map<ErrorType, FailedRecord> failed = writeOneOfEveryType();

    List<List<Object>> rows = duck.rows("SELECT error_type, filename, error_message, dataset, source, \"partition\", "
        + "\"offset\", epoch_us(source_time), epoch_us(ingest_time), hour FROM " + errorFiles()
        + " ORDER BY error_message");

    List<List<Object>> expected = new ArrayList<>();
    for (FailedRecord record : failed.values()) {
      expected.add(Arrays.asList(record.type().name(), "failed as " + record.type(),
          record.dataset(), "orders-topic", "3", "42", SOURCE_MILLIS * 1000, INGEST_MICROS, "06"));
    }
    expected.sort((a, b) -> ((String) a.get(1)).compareTo((String) b.get(1)));
    List<List<Object>> withoutFileNames = new ArrayList<>();
    for (List<Object> row : rows) {
      String type = (String) row.get(0);
      String fileName = (String) row.get(1);
      // The type came from the path: the folder the row's file is in says the same.
      assertThat(fileName).contains("/error_type=" + type + "/");
      List<Object> rest = new ArrayList<>(row);
      rest.remove(1);
      withoutFileNames.add(rest);
    }
    assertThat(withoutFileNames).isEqualTo(expected);
  }

  @Test
  void thePayloadDecodesBackToTheExactBytes() throws Exception {
    Map<ErrorType, FailedRecord> failed = writeOneOfEveryType();

    for (FailedRecord record : failed.values()) {
      Map<String, Object> row = duck.row("SELECT payload, octet_length(from_base64(payload)) AS decoded_length, "
          + "payload_text, key FROM " + errorFiles() + " WHERE error_type = '" + record.type() + "'");
      byte[] payload = record.record().value();
      assertThat(Base64.getDecoder().decode((String) row.get("payload"))).as("payload of %s", record.type())
          .isEqualTo(payload);
      assertThat(row.get("decoded_length")).isEqualTo((long) payload.length);
      assertThat(Base64.getDecoder().decode((String) row.get("key"))).isEqualTo(utf8("key-" + record.type()));
    }
  }

  @Test
  void payloadTextIsTheTextOfValidUtf8AndNullOtherwise() throws Exception {
    writeOneOfEveryType();

    List<List<Object>> rows = duck.rows("SELECT error_type, payload_text FROM " + errorFiles()
        + " ORDER BY error_type");

    assertThat(rows).containsExactly(
        Arrays.asList("DECODE", null),
        Arrays.asList("EVENT_TIME", "{\"ts\": \"gestern\", \"city\": \"Zürich 東京 🚀\"}"),
        Arrays.asList("OVERSIZE", null),
        Arrays.asList("ROUTING", "{\"type\": \"\"}"),
        Arrays.asList("SCHEMA", ""),
        Arrays.asList("TOO_DEEP", "[[[[[[[[[["));
  }

  @Test
  void unroutedRecordsLandUnderUnroutedAndRoutedOnesUnderTheirDataset() throws Exception {
    writeOneOfEveryType();

    List<List<Object>> rows = duck.rows("SELECT error_type, dataset, "
        + "regexp_extract(filename, '/errors/([^/]+)/', 1) AS folder FROM " + errorFiles() + " ORDER BY error_type");

    assertThat(rows).containsExactly(
        Arrays.asList("DECODE", null, "_unrouted"),
        Arrays.asList("EVENT_TIME", "orders", "orders"),
        Arrays.asList("OVERSIZE", "orders", "orders"),
        Arrays.asList("ROUTING", null, "_unrouted"),
        Arrays.asList("SCHEMA", "orders", "orders"),
        Arrays.asList("TOO_DEEP", "orders", "orders"));
  }

  @Test
  void headersReadBackAsAMapOfBase64ValuesWithNulls() throws Exception {
    FailedRecord record = oneOfEveryType().get(ErrorType.SCHEMA);
    write(record, 0);

    Map<String, Object> row = duck.row("SELECT headers['trace'] AS trace, headers['nothing'] AS nothing, "
        + "map_contains(headers, 'nothing') AS has_nothing, cardinality(headers)::BIGINT AS size FROM " + errorFiles());

    assertThat(row.get("trace")).isEqualTo(Base64.getEncoder().encodeToString(utf8("t-SCHEMA")));
    assertThat(row.get("nothing")).isNull();
    assertThat(row.get("has_nothing")).isEqualTo(true);
    assertThat(row.get("size")).isEqualTo(2L);
  }
}
