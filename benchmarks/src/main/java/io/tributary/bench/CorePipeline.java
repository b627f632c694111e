package io.tributary.bench;

import io.tributary.buffer.RowBuffer;
import io.tributary.decode.DecodeLimits;
import io.tributary.decode.DecodeResult;
import io.tributary.decode.JsonDecoder;
import io.tributary.decode.Tape;
import io.tributary.decode.TapeEvent;
import io.tributary.parquet.InMemoryOutputFile;
import io.tributary.parquet.ParquetRowWriter;
import io.tributary.parquet.WriteOptions;
import io.tributary.schema.DatasetSchemas;
import io.tributary.schema.EvolutionSettings;
import io.tributary.schema.FittedRow;
import io.tributary.schema.SchemaHistory;
import io.tributary.schema.ShapeResult;
import io.tributary.source.Position;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;

/**
 * Tributary's core path as the landing layer runs it, minus routing, partitioning and the store: decode each payload
 * (streaming Jackson), evolve and shape it into a row of the dataset's schema, buffer the row in its compact form,
 * and at roll encode the buffer to Parquet bytes (ZSTD, the default options). One instance per thread.
 */
public final class CorePipeline {
  /** The dataset every event of a pipeline lands in. */
  public static final String DATASET = "events";

  private static final long INGEST_MICROS = 1_700_000_000_000_000L;

  private final JsonDecoder decoder = new JsonDecoder(DecodeLimits.defaults());
  private final Tape tape = new Tape();
  private final FittedRow fitted = new FittedRow();
  private final DatasetSchemas schemas;
  private final WriteOptions options;
  private final MemoryStore store = new MemoryStore();
  private long position;

  public CorePipeline() {
    this(WriteOptions.defaults());
  }

  public CorePipeline(WriteOptions options) {
    this(options, EvolutionSettings.defaults());
  }

  /** A pipeline whose dataset evolves by {@code settings} (overrides: a path pinned to a map, say). */
  public CorePipeline(WriteOptions options, EvolutionSettings settings) {
    this.options = options;
    this.schemas = new DatasetSchemas(new SchemaHistory(store, "lake", "bench", Clock.systemUTC()),
        dataset -> settings);
  }

  /** The schema layer, for benchmarks of its own. */
  public DatasetSchemas schemas() {
    return schemas;
  }

  /** Lands {@code events} as one Parquet file and returns its bytes. */
  public byte[] land(byte[][] events) {
    RowBuffer buffer = new RowBuffer(0);
    for (byte[] payload : events) {
      buffer(buffer, payload);
    }
    return encode(buffer);
  }

  /**
   * Decodes and shapes one payload into {@code buffer}, as the landing does: the payload read into the thread's
   * tape, the row written from it when the event fits its version, else built and shaped as objects.
   */
  public void buffer(RowBuffer buffer, byte[] payload) {
    DecodeResult decoded = decoder.decode(payload, tape);
    if (!(decoded instanceof DecodeResult.Decoded event)) {
      throw new IllegalStateException("Cannot decode a benchmark event: " + decoded);
    }
    Position offset = Position.of(position++);
    ShapeResult shaped = event.event() instanceof TapeEvent inTape
        ? schemas.shape(DATASET, inTape, fitted, INGEST_MICROS, "topic", "0", offset.toString())
        : schemas.shape(DATASET, event.event(), INGEST_MICROS, "topic", "0", offset.toString());
    if (shaped instanceof ShapeResult.Fitted row) {
      buffer.append(row.row(), offset, 0, 0);
    } else if (shaped instanceof ShapeResult.Shaped row) {
      buffer.append(row.schema(), row.row(), offset, 0);
    } else {
      throw new IllegalStateException("Cannot shape a benchmark event: " + shaped);
    }
  }

  /** Decodes one payload, which must be a valid event. */
  public Map<String, Object> decode(byte[] payload) {
    DecodeResult decoded = decoder.decode(payload);
    if (!(decoded instanceof DecodeResult.Decoded event)) {
      throw new IllegalStateException("Cannot decode a benchmark event: " + decoded);
    }
    return event.event();
  }

  /** Encodes a buffer's rows as one Parquet file under its newest schema, as a roll does (FlushWriter). */
  public byte[] encode(RowBuffer buffer) {
    InMemoryOutputFile out = new InMemoryOutputFile();
    try {
      ParquetRowWriter.writeAll(out, buffer, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
