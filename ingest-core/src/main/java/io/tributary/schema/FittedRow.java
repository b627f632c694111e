package io.tributary.schema;

import io.tributary.decode.Tape;
import java.util.Arrays;

/**
 * An event that fits its schema version as it is, left in its {@link Tape}: for each field of each struct, the tape
 * node of its value, so the row can be written straight from the payload's bytes in schema order, with no row
 * object, no {@code String} and no boxed number in between. What {@link DatasetSchemas#shape(String,
 * io.tributary.decode.TapeEvent, FittedRow, long, String, String, String)} fills when every value of the event has a
 * column of its exact kind.
 *
 * <p>The layout: entries of two ints, the value's node (-1 for null or absent) and, for a struct or list value, the
 * first entry of its own fields or elements. The top-level struct's fields are entries {@code 0} to its field count;
 * its metadata columns hold no node and are written from {@link #ingestMicros()}, {@link #source()},
 * {@link #partition()} and {@link #offset()}.
 *
 * <p>Reused event after event by one thread (its arrays grow to the largest event's and stay); valid until its
 * tape is filled again. Not thread-safe.
 */
public final class FittedRow {
  private static final int MAX_KEPT_ENTRIES = 1 << 12;

  private Tape tape;
  private int generation;
  private DatasetSchema schema;
  private int[] entries = new int[128];
  private int used;
  private long ingestMicros;
  private String source;
  private String partition;
  private String offset;

  /**
   * Starts the row of an event in {@code tape} for {@code schema}, with its metadata; the shaper then reserves and
   * sets entries.
   */
  public void start(Tape tape, DatasetSchema schema, long ingestMicros, String source, String partition,
      String offset) {
    if (entries.length > 2 * MAX_KEPT_ENTRIES) {
      entries = new int[128];
    }
    this.tape = tape;
    this.generation = tape.generation();
    this.schema = schema;
    this.used = 0;
    this.ingestMicros = ingestMicros;
    this.source = source;
    this.partition = partition;
    this.offset = offset;
  }

  /** Reserves {@code count} entries, each without a value yet; returns the first. */
  public int reserve(int count) {
    int first = used;
    used += count;
    if (2 * used > entries.length) {
      entries = Arrays.copyOf(entries, Math.max(2 * used, 2 * entries.length));
    }
    Arrays.fill(entries, 2 * first, 2 * used, -1);
    return first;
  }

  /** Sets the value of {@code entry}: tape node {@code node}, its own entries from {@code children} (or -1). */
  public void set(int entry, int node, int children) {
    entries[2 * entry] = node;
    entries[2 * entry + 1] = children;
  }

  /** The tape node of {@code entry}'s value, or -1 when it is null or absent. */
  public int node(int entry) {
    return entries[2 * entry];
  }

  /** The first entry of the fields or elements of {@code entry}'s struct or list value. */
  public int children(int entry) {
    return entries[2 * entry + 1];
  }

  /** The tape the row's values are in; throws once it holds another payload. */
  public Tape tape() {
    if (tape.generation() != generation) {
      throw new IllegalStateException("Cannot write a fitted row after its tape was filled with the next payload");
    }
    return tape;
  }

  /** The version the row fits. */
  public DatasetSchema schema() {
    return schema;
  }

  /** The value of {@link MetadataColumns#INGEST_TIME}. */
  public long ingestMicros() {
    return ingestMicros;
  }

  /** The value of {@link MetadataColumns#SOURCE}. */
  public String source() {
    return source;
  }

  /** The value of {@link MetadataColumns#PARTITION}. */
  public String partition() {
    return partition;
  }

  /** The value of {@link MetadataColumns#OFFSET}. */
  public String offset() {
    return offset;
  }
}
