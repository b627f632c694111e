package io.tributary.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.buffer.RowBuffer;
import io.tributary.decode.DecodeLimits;
import io.tributary.decode.DecodeResult;
import io.tributary.decode.JsonDecoder;
import io.tributary.decode.Tape;
import io.tributary.decode.TapeEvent;
import io.tributary.parquet.InMemoryOutputFile;
import io.tributary.parquet.ParquetRowWriter;
import io.tributary.parquet.WriteOptions;
import io.tributary.schema.internal.JsonText;
import io.tributary.source.Position;
import io.tributary.store.LocalFileStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A row written from its event's tape ({@link ShapeResult.Fitted}) is the row shaped from the event as objects:
 * drifting events of random services (nested structs, lists, lists of structs, awkward names, non-ASCII, nulls,
 * numbers beyond a long) with repeated keys, metadata names and misfits mixed in go through both ways, and the
 * buffers they fill read back the same rows and write byte-identical Parquet files. Every event the tape takes must
 * shape as objects with nothing rescued, no new version and nothing waiting, under the same version.
 */
class FittedRowProperties {
  private static final long INGEST = 1_700_000_000_000_000L;
  private static final String DATASET = "events";

  @Property(tries = 60)
  void aRowWrittenFromTheTapeIsTheRowShapedAsObjects(@ForAll long seed, @ForAll boolean conflicting)
      throws IOException {
    Path dir = Files.createTempDirectory("fitted");
    try {
      assertSameRows(land(payloads(new DriftingEvents(seed, conflicting), new Random(seed), 80), dir));
    } finally {
      try (var paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  @Test
  void eventsOfASettledServiceAreWrittenFromTheTape(@TempDir Path dir) {
    // One kind per field: once its columns exist, an event fits unless it holds a number beyond a long.
    int fitted = 0;
    for (long seed = 1; seed <= 20; seed++) {
      fitted += land(payloads(new DriftingEvents(seed, false), new Random(seed), 200), dir.resolve("s" + seed)).fitted;
    }
    assertThat(fitted).isGreaterThan(20 * 200 / 3);
  }

  @Test
  void stringsOfAnyLengthAreWrittenFromTheTapeAsTheyAreAsObjects(@TempDir Path dir) throws IOException {
    // Lengths around the varint's byte boundaries (127/128, 16,383/16,384 characters; every third string has an
    // "é" now and then, two bytes, so it runs a little longer in bytes) and past the buffer's chunk sizes (1 KiB
    // first, 256 KiB at most), so a value lands at a chunk's end, across two chunks and in a chunk of its own; a
    // double beside each, so the buffer's marker-and-long write is met at chunk ends too.
    Random random = new Random(19);
    int[] lengths = {0, 1, 20, 21, 127, 128, 129, 1000, 1023, 1024, 2000, 16_383, 16_384, 70_000, 300_000, 5, 128};
    List<String> payloads = new ArrayList<>();
    for (int i = 0; i < lengths.length; i++) {
      StringBuilder value = new StringBuilder();
      while (value.length() < lengths[i]) {
        value.append(i % 3 == 0 && value.length() % 7 == 0 ? "é" : String.valueOf((char) ('a' + random.nextInt(26))));
      }
      payloads.add("{\"id\":" + i + ",\"name\":\"" + value + "\",\"price\":" + (i + 0.25) + ",\"tags\":[\""
          + value + "\",\"x\"]}");
    }
    Outcome outcome = land(payloads, dir);
    assertThat(outcome.fittedAt.subList(1, payloads.size())).containsOnly(true);
    assertSameRows(outcome);
  }

  @Test
  void aWholeNumberFitsADoubleColumnOnlyWhereADoubleHoldsItExactly(@TempDir Path dir) throws IOException {
    Outcome outcome = land(List.of("{\"price\":1.5}", "{\"price\":3}", "{\"price\":9007199254740993}",
        "{\"price\":-9007199254740992}"), dir);
    assertThat(outcome.fittedAt).containsExactly(false, true, false, true);
    assertSameRows(outcome);
  }

  @Test
  void aKeyWhoseColumnAnotherKeyAlreadyFilledIsTheShapersToRescue(@TempDir Path dir) throws IOException {
    // "Amount" and "amount" share a column; a repeated key keeps its last value; either way the shaper decides.
    Outcome outcome = land(List.of("{\"Amount\":1,\"tags\":[\"a\"]}", "{\"Amount\":2,\"amount\":null}",
        "{\"amount\":null,\"Amount\":3}", "{\"Amount\":4,\"Amount\":null}", "{\"tags\":[\"b\"],\"tags\":null}",
        "{\"Amount\":5,\"amount\":6}", "{\"Amount\":7,\"tags\":[\"c\",null]}"), dir);
    assertThat(outcome.fittedAt).containsExactly(false, false, false, false, false, false, true);
    assertSameRows(outcome);
  }

  @Test
  void metadataNamesTimestampsAndMapsAreTheShapersToo(@TempDir Path dir) throws IOException {
    Outcome outcome = land(List.of("{\"id\":1}", "{\"id\":2,\"_source\":\"x\"}", "{\"_rescued\":\"x\",\"id\":3}",
        "{\"id\":4,\"_offset\":null}", "{\"id\":5}"), dir);
    assertThat(outcome.fittedAt).containsExactly(false, false, false, true, true);
    assertSameRows(outcome);
  }

  @Test
  void mapTimestampAndJsonColumnsAreTheShapers(@TempDir Path dir) throws IOException {
    EvolutionSettings settings = EvolutionSettings.defaults()
        .withOverrides(List.of(PathOverride.parse("attrs", "map"), PathOverride.timestamp("at"),
            PathOverride.parse("raw", "json")))
        .withMapDetection(new EvolutionSettings.MapDetection(true, 4));
    List<String> payloads = new ArrayList<>(List.of("{\"id\":1,\"attrs\":{\"a\":\"x\"}}",
        "{\"id\":2,\"attrs\":{\"b\":\"y\"}}", "{\"id\":3,\"at\":\"2026-12-07T10:00:00Z\"}",
        "{\"id\":4,\"raw\":{\"x\":[1]}}", "{\"id\":5,\"attrs\":null,\"at\":null,\"raw\":null}"));
    for (int i = 0; i < 12; i++) {
      // An object whose keys are data: detected as a map (a struct holding its keys' map).
      payloads.add("{\"id\":" + (6 + i) + ",\"counts\":{\"user" + i + "\":" + i + "}}");
    }
    Outcome outcome = land(payloads, dir, settings);
    assertThat(outcome.fittedAt.subList(0, 5)).containsExactly(false, false, false, false, true);
    assertThat(outcome.fittedAt.subList(payloads.size() - 3, payloads.size())).containsOnly(false);
    assertSameRows(outcome);
  }

  @Test
  void anObjectWhoseKeysAreDataIsTheShapers(@TempDir Path dir) throws IOException {
    // Clicks whose attributes object gets a column per flag at first, then a map for the flags that come after.
    Random random = new Random(5);
    List<String> payloads = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      payloads.add(JsonText.write(KeyExplosionCorpus.click(random, i)));
    }
    Outcome outcome = land(payloads, dir);
    assertThat(outcome.fittedAt.subList(200, 300)).containsOnly(false);
    assertSameRows(outcome);
  }

  @Test
  void aFittedRowIsNotWrittenOnceItsTapeHoldsTheNextPayload(@TempDir Path dir) {
    DatasetSchemas schemas = new DatasetSchemas(
        new SchemaHistory(new LocalFileStore(dir), "lake", "test", java.time.Clock.systemUTC()),
        dataset -> EvolutionSettings.defaults());
    JsonDecoder decoder = new JsonDecoder(DecodeLimits.defaults());
    Tape tape = new Tape();
    FittedRow fitted = new FittedRow();
    schemas.shape(DATASET, Map.of("id", 1L), INGEST, "orders", "0", "0");
    DecodeResult.Decoded first =
        (DecodeResult.Decoded) decoder.decode("{\"id\":2}".getBytes(StandardCharsets.UTF_8), tape);
    ShapeResult result = schemas.shape(DATASET, (TapeEvent) first.event(), fitted, INGEST, "orders", "0", "1");
    assertThat(result).isInstanceOf(ShapeResult.Fitted.class);
    decoder.decode("{\"id\":3}".getBytes(StandardCharsets.UTF_8), tape);
    RowBuffer buffer = new RowBuffer(0);
    assertThatThrownBy(() -> buffer.append(fitted, Position.of(1), 0, 0)).isInstanceOf(IllegalStateException.class);
    assertThat(buffer.records()).isZero();
    assertThat(buffer.bytes()).isZero();
  }

  private static void assertSameRows(Outcome outcome) throws IOException {
    assertThat(rows(outcome.viaTape)).usingRecursiveFieldByFieldElementComparator()
        .containsExactlyElementsOf(rows(outcome.viaObjects));
    assertThat(outcome.viaTape.bytes()).isEqualTo(outcome.viaObjects.bytes());
    assertThat(parquet(outcome.viaTape)).isEqualTo(parquet(outcome.viaObjects));
  }

  private static List<String> payloads(DriftingEvents service, Random random, int count) {
    List<String> payloads = new ArrayList<>();
    for (Map<String, Object> event : service.events(count)) {
      payloads.add(perturbed(JsonText.write(event), random));
    }
    return payloads;
  }

  private record Outcome(RowBuffer viaTape, RowBuffer viaObjects, int fitted, List<Boolean> fittedAt) {}

  /** Lands each payload both ways: from the tape where it fits (and as objects beside it), else as objects. */
  private static Outcome land(List<String> payloads, Path dir) {
    return land(payloads, dir, EvolutionSettings.defaults());
  }

  private static Outcome land(List<String> payloads, Path dir, EvolutionSettings settings) {
    DatasetSchemas schemas = new DatasetSchemas(
        new SchemaHistory(new LocalFileStore(dir), "lake", "test", java.time.Clock.systemUTC()), dataset -> settings);
    JsonDecoder decoder = new JsonDecoder(DecodeLimits.defaults());
    Tape tape = new Tape();
    FittedRow fitted = new FittedRow();
    RowBuffer viaTape = new RowBuffer(0);
    RowBuffer viaObjects = new RowBuffer(0);
    List<Boolean> fittedAt = new ArrayList<>();
    for (int i = 0; i < payloads.size(); i++) {
      byte[] payload = payloads.get(i).getBytes(StandardCharsets.UTF_8);
      Position position = Position.of(i);
      String offset = position.toString();
      if (!(decoder.decode(payload, tape) instanceof DecodeResult.Decoded decoded)) {
        fittedAt.add(false);
        continue;
      }
      ShapeResult result = decoded.event() instanceof TapeEvent inTape
          ? schemas.shape(DATASET, inTape, fitted, INGEST, "orders", "0", offset)
          : schemas.shape(DATASET, decoded.event(), INGEST, "orders", "0", offset);
      fittedAt.add(result instanceof ShapeResult.Fitted);
      if (result instanceof ShapeResult.Fitted row) {
        viaTape.append(row.row(), position, 0, 0);
        DecodeResult.Decoded asObjects = (DecodeResult.Decoded) decoder.decode(payload);
        ShapeResult shaped = schemas.shape(DATASET, asObjects.event(), INGEST, "orders", "0", offset);
        assertThat(shaped).isInstanceOf(ShapeResult.Shaped.class);
        ShapeResult.Shaped objects = (ShapeResult.Shaped) shaped;
        assertThat(objects.rescuedValues()).as("rescued from %s", payloads.get(i)).isZero();
        assertThat(objects.newVersion()).isFalse();
        assertThat(objects.waiting()).isFalse();
        assertThat(objects.schema()).isSameAs(row.schema());
        viaObjects.append(objects.schema(), objects.row(), position, 0, 0);
      } else if (result instanceof ShapeResult.Shaped row) {
        viaTape.append(row.schema(), row.row(), position, 0, 0);
        viaObjects.append(row.schema(), row.row(), position, 0, 0);
      }
    }
    return new Outcome(viaTape, viaObjects, (int) fittedAt.stream().filter(f -> f).count(), fittedAt);
  }

  /** The event's JSON, at times with a key repeated (null or not), a metadata column's name or a misfit added. */
  private static String perturbed(String json, Random random) {
    if (json.equals("{}") || random.nextInt(3) > 0) {
      return json;
    }
    String firstKey = json.substring(1, json.indexOf("\":") + 1);
    String added = switch (random.nextInt(6)) {
      case 0 -> firstKey + ":null";
      case 1 -> firstKey + ":1";
      case 2 -> "\"_source\":\"elsewhere\"";
      case 3 -> "\"_rescued\":\"x\"";
      case 4 -> firstKey + ":9007199254740993";
      default -> firstKey + ":2.5";
    };
    return random.nextBoolean()
        ? json.substring(0, json.length() - 1) + "," + added + "}"
        : "{" + added + "," + json.substring(1);
  }

  private static List<RowBuffer.BufferedRow> rows(RowBuffer buffer) {
    List<RowBuffer.BufferedRow> rows = new ArrayList<>();
    for (Iterator<RowBuffer.BufferedRow> it = buffer.rows(); it.hasNext(); ) {
      RowBuffer.BufferedRow row = it.next();
      rows.add(row);
    }
    return rows;
  }

  private static byte[] parquet(RowBuffer buffer) throws IOException {
    if (buffer.records() == 0) {
      return new byte[0];
    }
    InMemoryOutputFile out = new InMemoryOutputFile();
    ParquetRowWriter.writeAll(out, buffer, WriteOptions.defaults());
    return out.toByteArray();
  }
}
