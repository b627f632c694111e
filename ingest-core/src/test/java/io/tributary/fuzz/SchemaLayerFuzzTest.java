package io.tributary.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.tributary.buffer.RowBuffer;
import io.tributary.decode.DecodeLimits;
import io.tributary.decode.DecodeResult;
import io.tributary.decode.JsonDecoder;
import io.tributary.parquet.InMemoryOutputFile;
import io.tributary.parquet.ParquetRowWriter;
import io.tributary.parquet.WriteOptions;
import io.tributary.schema.ColumnType;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.DatasetSchemas;
import io.tributary.schema.EvolutionSettings;
import io.tributary.schema.Field;
import io.tributary.schema.ListType;
import io.tributary.schema.MapType;
import io.tributary.schema.PathOverride;
import io.tributary.schema.SchemaHistory;
import io.tributary.schema.SchemaPolicy;
import io.tributary.schema.ShapeResult;
import io.tributary.schema.StructType;
import io.tributary.source.Position;
import io.tributary.store.LocalFileStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Fuzzes the schema layer as the engine drives it, with Jazzer: a few drifting events built from the fuzzer's bytes
 * (awkward names, every JSON type, nesting, arrays of mixed types, huge and tiny numbers, duplicate keys) are written
 * as JSON text, decoded, shaped into one dataset — evolving its schema under a random column cap, policy and
 * overrides — buffered, and encoded to Parquet under the newest version, as a roll does. Guards: nothing throws; a
 * strict dataset is the only one that refuses an event; every version only appends (no column ever changes type);
 * every buffered row reads back under the newest version and Parquet accepts it.
 */
class SchemaLayerFuzzTest {

  private static final String[] NAMES = {"a", "b", "A", "id", "userId", "userid", "user-id", "1st", "a.b", "",
      " ", "x y", "ts", "_rescued", "_offset", "\u00fcber", "\u65e5\u672c", "meta", "attrs", "n", "$", "a__b"};
  private static final List<PathOverride> OVERRIDES = List.of(PathOverride.timestamp("ts"),
      PathOverride.parse("meta", "json"), PathOverride.parse("attrs", "map"), PathOverride.parse("n", "string"),
      PathOverride.parse("a.b", "double"));
  private static final JsonDecoder DECODER = new JsonDecoder(DecodeLimits.defaults());
  private static final AtomicLong DATASETS = new AtomicLong();
  private static final LocalFileStore STORE = new LocalFileStore(storeFolder());
  private static final SchemaHistory HISTORY = new SchemaHistory(STORE, "lake", "fuzz", Clock.systemUTC());

  @FuzzTest(maxDuration = "40s")
  void shapeAndWrite(FuzzedDataProvider data) throws IOException {
    EvolutionSettings settings = new EvolutionSettings(data.consumeBoolean() ? SchemaPolicy.STRICT
        : SchemaPolicy.EVOLVE, data.consumeInt(1, 24), data.consumeBoolean() ? OVERRIDES : List.of());
    String dataset = "d" + DATASETS.incrementAndGet();
    DatasetSchemas schemas = new DatasetSchemas(HISTORY, d -> settings);
    RowBuffer buffer = new RowBuffer(0);
    DatasetSchema previous = null;
    int events = data.consumeInt(1, 6);
    for (int e = 0; e < events; e++) {
      StringBuilder json = new StringBuilder();
      object(data, json, 0);
      DecodeResult decoded = DECODER.decode(json.toString().getBytes(StandardCharsets.UTF_8));
      assertThat(decoded).as("the decoder takes %s", json).isInstanceOf(DecodeResult.Decoded.class);
      ShapeResult shaped = schemas.shape(dataset, ((DecodeResult.Decoded) decoded).event(), 1_700_000_000_000_000L,
          "topic", "0", Integer.toString(e));
      if (shaped instanceof ShapeResult.Rejected rejected) {
        assertThat(settings.policy()).as("only a strict dataset refuses %s", json).isEqualTo(SchemaPolicy.STRICT);
        assertThat(rejected.reason()).isNotBlank();
        continue;
      }
      ShapeResult.Shaped row = (ShapeResult.Shaped) shaped;
      assertThat(row.row().length).as("row width of %s", json).isLessThanOrEqualTo(row.schema().root().fields().size());
      if (previous != null) {
        assertThat(row.schema().version()).isGreaterThanOrEqualTo(previous.version());
        assertAppendsOnly(previous.root(), row.schema().root(), "");
      }
      previous = row.schema();
      buffer.append(row.schema(), row.row(), Position.of(e), 0);
    }
    if (buffer.records() == 0) {
      return;
    }
    InMemoryOutputFile out = new InMemoryOutputFile();
    try (ParquetRowWriter writer = ParquetRowWriter.open(out, buffer.schema(), WriteOptions.defaults())) {
      Iterator<Object[]> rows = buffer.values();
      while (rows.hasNext()) {
        writer.write(rows.next());
      }
      assertThat(writer.rows()).isEqualTo(buffer.records());
    }
  }

  /** A later version keeps every column of an earlier one at its place with its type; structs only grow. */
  private static void assertAppendsOnly(ColumnType before, ColumnType after, String path) {
    if (before instanceof StructType s) {
      assertThat(after).as("struct at %s", path).isInstanceOf(StructType.class);
      List<Field> later = ((StructType) after).fields();
      assertThat(later.size()).as("fields at %s", path).isGreaterThanOrEqualTo(s.fields().size());
      for (int i = 0; i < s.fields().size(); i++) {
        Field field = s.fields().get(i);
        assertThat(later.get(i).name()).as("field %d at %s", i, path).isEqualTo(field.name());
        assertAppendsOnly(field.type(), later.get(i).type(), path + "/" + field.name());
      }
    } else if (before instanceof ListType l) {
      assertThat(after).as("list at %s", path).isInstanceOf(ListType.class);
      assertAppendsOnly(l.element(), ((ListType) after).element(), path + "/[]");
    } else if (before instanceof MapType m) {
      assertThat(after).as("map at %s", path).isInstanceOf(MapType.class);
      assertAppendsOnly(m.value(), ((MapType) after).value(), path + "/{}");
    } else {
      assertThat(after).as("type at %s", path).isEqualTo(before);
    }
  }

  private static void object(FuzzedDataProvider data, StringBuilder out, int depth) {
    out.append('{');
    int fields = data.consumeInt(0, depth == 0 ? 8 : 4);
    for (int i = 0; i < fields; i++) {
      if (i > 0) {
        out.append(',');
      }
      String name = data.consumeBoolean() ? data.pickValue(NAMES) : data.consumeString(6);
      string(name, out);
      out.append(':');
      value(data, out, depth + 1);
    }
    out.append('}');
  }

  private static void value(FuzzedDataProvider data, StringBuilder out, int depth) {
    switch (data.consumeInt(0, depth < 5 ? 11 : 8)) {
      case 0 -> out.append("null");
      case 1 -> out.append(data.consumeBoolean());
      case 2 -> out.append(data.consumeLong());
      case 3 -> out.append(data.consumeInt(-3, 3));
      case 4 -> out.append(data.consumeRegularDouble());
      case 5 -> out.append(data.pickValue(new String[] {"1e400", "-1e400", "123456789012345678901234567890",
          "4.9e-324", "1e-400", "-0", "-0.0", "9223372036854775807", "9223372036854775808", "1.0"}));
      case 6 -> string(data.consumeString(12), out);
      case 7 -> string(data.pickValue(new String[] {"2024-01-01T00:00:00Z", "1700000000", "2024-13-45", "",
          "1970-01-01T00:00:00.000000001+14:00"}), out);
      case 8 -> out.append("{}");
      case 9, 10 -> object(data, out, depth);
      default -> {
        out.append('[');
        int elements = data.consumeInt(0, 3);
        for (int i = 0; i < elements; i++) {
          if (i > 0) {
            out.append(',');
          }
          value(data, out, depth + 1);
        }
        out.append(']');
      }
    }
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    JsonStringEncoder.getInstance().quoteAsString(s, out);
    out.append('"');
  }

  /** In memory where the system has a tmpfs: the store fsyncs every write, which would bound the fuzzing rate. */
  private static Path storeFolder() {
    try {
      Path shm = Path.of("/dev/shm");
      Path folder = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "schema-fuzz-")
          : Files.createTempDirectory("schema-fuzz-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder), "schema-fuzz-cleanup"));
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // Temporary files only.
    }
  }
}
