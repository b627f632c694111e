package io.tributary.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.app.testing.BrokerProcess;
import io.tributary.app.testing.ServiceProcess;
import io.tributary.testing.DuckDb;
import io.tributary.testing.LakeCounts;
import io.tributary.testing.S3ProxyServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN §8 end to end: a hostile corpus written by a plain producer to a real broker and read by
 * {@code tributary run} (its own process, default limits: 10 MiB, depth 64) into S3 (S3Proxy). Every record lands
 * exactly once, in its dataset or in the error prefix under the error type it deserves — malformed JSON, invalid
 * UTF-8, non-objects, NaN and Infinity, an 11 MB record, nesting past the limit up to 100,000 levels, duplicate
 * keys, numbers beyond INT64, partition values that try to climb out of the prefix, 10,000 keys in one object —
 * no file lands outside the data and error prefixes, and the process stays ready and exits 0 on SIGTERM.
 */
class HostileCorpusTest {

  private static final String TOPIC = "hostile";
  private static final String STRICT = "strict";
  private static final long TS = 1_763_704_800_000L;
  private static final int BIG = 11 * 1024 * 1024;

  @TempDir
  static Path root;

  private static BrokerProcess broker;
  private static S3ProxyServer s3;

  @BeforeAll
  static void start() throws Exception {
    broker = BrokerProcess.start(root.resolve("broker"));
    s3 = S3ProxyServer.launch();
  }

  @AfterAll
  static void stop() throws Exception {
    if (s3 != null) {
      s3.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void everyHostileRecordLandsInDataOrErrorsWithItsTypeAndTheServiceLives() throws Exception {
    String bucket = s3.createBucket("hostile");
    try (Admin admin = broker.admin()) {
      // The broker's default record limit is 1 MB; the topic takes the 11 MB record so that the service sees it.
      admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1).configs(Map.of("max.message.bytes", "16777216")),
          new NewTopic(STRICT, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
    Map<String, String> expected = new LinkedHashMap<>();
    Map<String, Long> offsets = new TreeMap<>();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "16777216",
        ProducerConfig.BUFFER_MEMORY_CONFIG, "67108864",
        ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
      for (Case c : corpus()) {
        long offset = producer.send(new ProducerRecord<>(c.topic, 0, null, c.payload)).get().offset();
        String coordinate = c.topic + "/0/" + offset;
        expected.put(coordinate, c.expected);
        offsets.put(c.name, offset);
      }
    }

    String config = String.join("\n",
        "kafka:",
        "  bootstrap-servers: " + broker.bootstrapServers(),
        "  application-id: hostile",
        "  topics: [" + TOPIC + ", " + STRICT + "]",
        "  session-timeout: 3s",
        "store:",
        "  type: s3",
        "  s3:",
        "    bucket: " + bucket,
        "    region: us-east-1",
        "    endpoint: " + s3.endpoint(),
        "    path-style: true",
        "lake:",
        "  prefix: lake",
        "  error-prefix: errors",
        "dataset-defaults:",
        "  event-time-field: ts",
        "  partition-fields: [region]",
        "  rolling:",
        "    max-age: 1s",
        "datasets:",
        "  " + STRICT + ":",
        "    policy: strict",
        "errors:",
        "  rolling:",
        "    max-age: 1s");
    Path folder = s3.bucketFolder(bucket);
    try (ServiceProcess service = ServiceProcess.launch(root, "hostile", config)) {
      service.awaitReady(Duration.ofSeconds(120));
      try {
        service.await(() -> landed(folder).keySet().containsAll(expected.keySet()), "the whole corpus landed",
            Duration.ofSeconds(120));
      } catch (AssertionError e) {
        Map<String, Long> landed = landed(folder);
        List<String> missing = corpusNames().stream()
            .filter(n -> !landed.containsKey(coordinate(expected, corpusNames().indexOf(n)))).toList();
        throw new AssertionError("Not landed: " + missing + "; files: " + files(folder), e);
      }
      assertThat(service.ready()).as("still ready after the corpus; output:%n%s", service.output()).isTrue();

      Map<String, String> actual = new LinkedHashMap<>();
      Map<String, Long> counts = landed(folder);
      LakeCounts.data(folder.resolve("lake")).keySet().forEach(c -> actual.put(c, "data"));
      errorTypes(folder).forEach(actual::put);
      assertThat(counts.entrySet().stream().filter(e -> e.getValue() != 1).toList()).as("landed more than once")
          .isEmpty();
      Map<String, String> byName = new LinkedHashMap<>();
      Map<String, String> wanted = new LinkedHashMap<>();
      int i = 0;
      for (Map.Entry<String, String> e : expected.entrySet()) {
        String name = corpusNames().get(i++);
        byName.put(name, actual.get(e.getKey()));
        wanted.put(name, e.getValue());
      }
      assertThat(byName).as("where each record landed").isEqualTo(wanted);

      assertEscapedPartitionsStayInside(folder);
      assertValues(folder, offsets);
      assertThat(service.terminate(Duration.ofSeconds(30))).as("exit status after SIGTERM; output:%n%s",
          service.output()).isZero();
    }
  }

  /** Nothing is written outside {@code lake/} and {@code errors/}, and no path segment is {@code ..}. */
  private static void assertEscapedPartitionsStayInside(Path folder) throws Exception {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path relative = folder.relativize(file);
        assertThat(relative.getName(0).toString()).as("%s", relative).isIn("lake", "errors");
        for (Path segment : relative) {
          assertThat(segment.toString()).as("a segment of %s", relative).isNotIn("..", ".");
        }
      }
    }
    try (Stream<Path> regions = Files.walk(folder.resolve("lake").resolve(TOPIC))) {
      assertThat(regions.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("region=")).toList())
          .as("escaped partition folders").contains("region=%2E%2E", "region=..%2F..%2Fescape", "region=a%2Fb");
    }
  }

  /** Last key wins for duplicates; a number beyond INT64 is kept (as a double or in _rescued); 10,000 keys land. */
  private static void assertValues(Path folder, Map<String, Long> offsets) throws Exception {
    String data = DuckDb.literal(folder.resolve("lake").resolve(TOPIC).resolve("**").resolve("*.parquet"));
    try (DuckDb duck = DuckDb.open()) {
      String from = "read_parquet(" + data + ", hive_partitioning=true, union_by_name=true)";
      assertThat(duck.value("SELECT dup FROM " + from + " WHERE _offset = '" + offsets.get("duplicate keys") + "'"))
          .isEqualTo(2L);
      Map<String, Object> big = duck.row("SELECT CAST(big AS VARCHAR) AS big, _rescued FROM " + from
          + " WHERE _offset = '" + offsets.get("number beyond INT64") + "'");
      assertThat(String.valueOf(big.get("big")) + big.get("_rescued")).as("the huge number is kept")
          .containsAnyOf("1.2345678901234568e+29", "123456789012345678901234567890");
      Object rescued = duck.value("SELECT _rescued FROM " + from + " WHERE _offset = '"
          + offsets.get("10,000 distinct keys") + "'");
      assertThat((String) rescued).as("keys past the column cap go to _rescued").contains("k9999");
    }
  }

  private static String coordinate(Map<String, String> expected, int index) {
    return new ArrayList<>(expected.keySet()).get(index);
  }

  private static List<String> files(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).map(p -> folder.relativize(p) + " " + p.toFile().length()).toList();
    } catch (Exception e) {
      return List.of(e.toString());
    }
  }

  private static Map<String, Long> landed(Path folder) {
    try {
      return LakeCounts.landed(folder.resolve("lake"), folder.resolve("errors"));
    } catch (Exception e) {
      return Map.of();
    }
  }

  private static Map<String, String> errorTypes(Path folder) throws Exception {
    Map<String, String> types = new TreeMap<>();
    try (DuckDb duck = DuckDb.open()) {
      for (List<Object> row : duck.rows("SELECT source || '/' || \"partition\" || '/' || \"offset\", error_type, "
          + "error_message FROM read_parquet(" + DuckDb.literal(folder.resolve("errors").resolve("**")
          .resolve("*.parquet")) + ", hive_partitioning=true)")) {
        assertThat((String) row.get(2)).as("the reason of %s", row.get(0)).isNotBlank();
        types.put((String) row.get(0), (String) row.get(1));
      }
    }
    return types;
  }

  private record Case(String name, String topic, byte[] payload, String expected) {}

  private static List<String> corpusNames() {
    return corpus().stream().map(Case::name).toList();
  }

  private static List<Case> corpus() {
    List<Case> cases = new ArrayList<>();
    cases.add(json("a plain event", event(1, "\"region\": \"eu\""), "data"));
    cases.add(json("malformed JSON", "{\"id\": 2, \"ts\": ", "DECODE"));
    cases.add(json("a bare word", "hello", "DECODE"));
    cases.add(bytes("invalid UTF-8", concat("{\"id\": 3, \"name\": \"", new byte[] {(byte) 0xC3, 0x28}, "\"}"),
        "DECODE"));
    cases.add(bytes("overlong UTF-8 slash", concat("{\"id\": 4, \"p\": \"", new byte[] {(byte) 0xC0, (byte) 0xAF},
        "\"}"), "DECODE"));
    cases.add(bytes("UTF-16", "{\"id\": 5}".getBytes(StandardCharsets.UTF_16LE), "DECODE"));
    cases.add(json("an array", "[1, 2, 3]", "DECODE"));
    cases.add(json("a string", "\"just text\"", "DECODE"));
    cases.add(json("a number", "42", "DECODE"));
    cases.add(json("null", "null", "DECODE"));
    cases.add(json("NaN", "{\"id\": 6, \"x\": NaN}", "DECODE"));
    cases.add(json("Infinity", "{\"id\": 7, \"x\": Infinity}", "DECODE"));
    cases.add(json("-Infinity", "{\"id\": 8, \"x\": -Infinity}", "DECODE"));
    cases.add(bytes("empty payload", new byte[0], "DECODE"));
    cases.add(new Case("tombstone", TOPIC, null, "DECODE"));
    cases.add(json("trailing content", "{\"id\": 9} {\"id\": 10}", "DECODE"));
    cases.add(json("escaped lone surrogate", "{\"id\": 11, \"s\": \"\\ud800\"}", "DECODE"));
    cases.add(json("a 1,500-digit number", "{\"id\": 12, \"n\": " + "9".repeat(1_500) + "}", "DECODE"));
    cases.add(json("11 MB record", "{\"id\": 13, \"blob\": \"" + "x".repeat(BIG) + "\"}", "OVERSIZE"));
    cases.add(json("65 levels", nestedObjects(65), "TOO_DEEP"));
    cases.add(json("100,000 levels of arrays", "{\"a\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}",
        "TOO_DEEP"));
    cases.add(json("100,000 levels of objects", nestedObjects(100_000), "TOO_DEEP"));
    cases.add(json("100,000 unclosed brackets", "[".repeat(100_000), "TOO_DEEP"));
    cases.add(json("60 levels", nestedObjects(60), "data"));
    cases.add(json("duplicate keys", event(14, "\"dup\": 1, \"dup\": 2"), "data"));
    cases.add(json("number beyond INT64", event(15, "\"big\": 123456789012345678901234567890"), "data"));
    cases.add(json("1e400", event(16, "\"huge\": 1e400"), "data"));
    cases.add(json("partition value ..", event(17, "\"region\": \"..\""), "data"));
    cases.add(json("partition value ../../escape", event(18, "\"region\": \"../../escape\""), "data"));
    cases.add(json("partition value a/b", event(19, "\"region\": \"a/b\""), "data"));
    cases.add(json("partition value with control characters", event(20, "\"region\": \"x\\u0000\\n\\\\y\""),
        "data"));
    cases.add(json("partition value of 5,000 characters", event(21, "\"region\": \"" + "r".repeat(5_000) + "\""),
        "data"));
    StringBuilder keys = new StringBuilder("{\"id\": 22, \"ts\": " + TS);
    for (int k = 0; k < 10_000; k++) {
      keys.append(", \"k").append(k).append("\": ").append(k);
    }
    cases.add(json("10,000 distinct keys", keys.append('}').toString(), "data"));
    cases.add(json("a byte order mark", "\uFEFF" + event(23, ""), "data"));
    cases.add(json("an unreadable event time", "{\"id\": 24, \"ts\": \"not a time\"}", "EVENT_TIME"));
    cases.add(json("an event time in year 10000", "{\"id\": 25, \"ts\": \"+10000-01-01T00:00:00Z\"}",
        "EVENT_TIME"));
    cases.add(new Case("strict: the first event", STRICT, event(26, "").getBytes(StandardCharsets.UTF_8), "data"));
    cases.add(new Case("strict: a new field", STRICT, event(27, "\"extra\": true").getBytes(StandardCharsets.UTF_8),
        "SCHEMA"));
    cases.add(json("a plain event at the end", event(28, "\"region\": \"us\""), "data"));
    return cases;
  }

  private static String event(int id, String more) {
    return "{\"id\": " + id + ", \"ts\": " + TS + (more.isEmpty() ? "" : ", " + more) + "}";
  }

  private static String nestedObjects(int depth) {
    // The top-level object is level 1; each {"a": opens one more.
    return "{\"id\": 0, \"ts\": " + TS + ", \"a\": " + "{\"a\": ".repeat(depth - 2) + "{}" + "}".repeat(depth - 1);
  }

  private static Case json(String name, String text, String expected) {
    return new Case(name, TOPIC, text.getBytes(StandardCharsets.UTF_8), expected);
  }

  private static Case bytes(String name, byte[] payload, String expected) {
    return new Case(name, TOPIC, payload, expected);
  }

  private static byte[] concat(String head, byte[] middle, String tail) {
    byte[] a = head.getBytes(StandardCharsets.UTF_8);
    byte[] c = tail.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[a.length + middle.length + c.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(middle, 0, out, a.length, middle.length);
    System.arraycopy(c, 0, out, a.length + middle.length, c.length);
    return out;
  }
}
