package io.tributary.decode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A payload read by the fast path as a flat sequence of nodes, one per JSON value in document order, with no
 * {@code String} or boxed number per value: a string is where its UTF-8 bytes sit in the payload, a number its
 * {@code long} (or a double's bits), a container how many members it has and where the node after its last
 * descendant is. A member of an object carries its name, shared across records ({@link FieldNames}). Node 0 is the
 * event's top-level object.
 *
 * <p>What a tape holds is read exactly as the decoder reads it into {@link JsonObject}s ({@link #toJsonObject()}
 * builds that, duplicates resolved the same way: a key keeps its first position and its last value). A tape is
 * reused from payload to payload by one thread: {@link #generation()} changes with each fill, so a view of an older
 * payload ({@link TapeEvent}) can tell it is stale. Not thread-safe.
 */
public final class Tape {
  /** Node kinds. */
  public static final byte OBJECT = 1;
  public static final byte ARRAY = 2;
  public static final byte STRING = 3;
  public static final byte LONG = 4;
  public static final byte DOUBLE = 5;
  public static final byte TRUE = 6;
  public static final byte FALSE = 7;
  public static final byte NULL = 8;

  private static final int INITIAL_NODES = 64;
  /** A tape that grew past this many nodes (a huge event) gives its arrays up at the next fill. */
  private static final int MAX_KEPT_NODES = 1 << 14;

  private byte[] bytes;
  private byte[] kinds = new byte[INITIAL_NODES];
  /**
   * A LONG's value or a DOUBLE's bits; a string's first byte (high half) and length in bytes (low half); a
   * container's next node, after its last descendant (high half), and member count (low half).
   */
  private long[] values = new long[INITIAL_NODES];
  private String[] names = new String[INITIAL_NODES];
  private int size;
  private int generation;
  private final NameGuesses guesses;
  /** Whether the last payload decoded with this tape held a backslash (an escape): the next is scanned first. */
  private boolean escaped;

  /** A tape to reuse from payload to payload, which guesses each member name from the name before it. */
  public Tape() {
    this(new NameGuesses());
  }

  private Tape(NameGuesses guesses) {
    this.guesses = guesses;
  }

  /** A tape for one payload: nothing to guess names from. */
  static Tape once() {
    return new Tape(null);
  }

  /** Which name followed which in earlier payloads, for the reader to guess from; null on a one-off tape. */
  NameGuesses guesses() {
    return guesses;
  }

  /** Starts a new payload: the nodes of the last one are gone. */
  void reset(byte[] payload) {
    if (kinds.length > MAX_KEPT_NODES) {
      kinds = new byte[INITIAL_NODES];
      values = new long[INITIAL_NODES];
      names = new String[INITIAL_NODES];
    }
    bytes = payload;
    size = 0;
    generation++;
  }

  boolean escaped() {
    return escaped;
  }

  void escaped(boolean escaped) {
    this.escaped = escaped;
  }

  /** Changes with each payload: a view made before it changed reads another payload's nodes. */
  public int generation() {
    return generation;
  }

  /** The payload the nodes point into. */
  public byte[] bytes() {
    return bytes;
  }

  /** How many nodes the payload has. */
  public int size() {
    return size;
  }

  public byte kind(int node) {
    return kinds[node];
  }

  /** The name of a member of an object; null for the top-level object and array elements. */
  public String name(int node) {
    return names[node];
  }

  /** Where a STRING's UTF-8 bytes start in {@link #bytes()}. */
  public int stringStart(int node) {
    return high(values[node]);
  }

  /** A STRING's length in bytes. */
  public int stringLength(int node) {
    return low(values[node]);
  }

  /** A LONG's value. */
  public long longValue(int node) {
    return values[node];
  }

  /** A DOUBLE's value. */
  public double doubleValue(int node) {
    return Double.longBitsToDouble(values[node]);
  }

  /** How many members an OBJECT or ARRAY has; its first member, if any, is the node after it. */
  public int members(int node) {
    return low(values[node]);
  }

  /** The node after {@code node} and all its descendants: its next sibling, when it has one. */
  public int next(int node) {
    byte kind = kinds[node];
    return kind == OBJECT || kind == ARRAY ? high(values[node]) : node + 1;
  }

  /** Adds a node (a container's value is set when it is {@link #close closed}); returns its index. */
  int add(byte kind, String name, long value) {
    if (size == kinds.length) {
      grow();
    }
    int node = size++;
    kinds[node] = kind;
    names[node] = name;
    values[node] = value;
    return node;
  }

  /** Adds a STRING node whose UTF-8 bytes are {@code length} bytes from {@code start} of the payload. */
  void addString(String name, int start, int length) {
    add(STRING, name, ((long) start << Integer.SIZE) | length);
  }

  /** Ends a container opened with {@link #add}: its members are the nodes since, {@code members} of them. */
  void close(int container, int members) {
    values[container] = ((long) size << Integer.SIZE) | members;
  }

  private static int high(long value) {
    return (int) (value >>> Integer.SIZE);
  }

  private static int low(long value) {
    return (int) value;
  }

  private void grow() {
    int capacity = kinds.length * 2;
    kinds = Arrays.copyOf(kinds, capacity);
    values = Arrays.copyOf(values, capacity);
    names = Arrays.copyOf(names, capacity);
  }

  /** The event as the decoder's value model: a fresh {@link JsonObject} the caller owns. */
  public JsonObject toJsonObject() {
    return (JsonObject) value(0, new int[1]);
  }

  /** The event as the decoder's value model, with how many keys repeated an earlier key of their object. */
  DecodeResult.Decoded decoded() {
    int[] duplicates = new int[1];
    JsonObject event = (JsonObject) value(0, duplicates);
    return new DecodeResult.Decoded(event, duplicates[0]);
  }

  /** The value of {@code node} in the decoder's value model (containers built fresh). */
  Object value(int node, int[] duplicates) {
    switch (kinds[node]) {
      case OBJECT -> {
        JsonObject object = new JsonObject(members(node));
        int member = node + 1;
        for (int i = 0; i < members(node); i++) {
          int before = object.size();
          object.put(names[member], value(member, duplicates));
          if (object.size() == before) {
            duplicates[0]++;
          }
          member = next(member);
        }
        return object;
      }
      case ARRAY -> {
        List<Object> array = new ArrayList<>(members(node));
        int element = node + 1;
        for (int i = 0; i < members(node); i++) {
          array.add(value(element, duplicates));
          element = next(element);
        }
        return array;
      }
      case STRING -> {
        return new String(bytes, stringStart(node), stringLength(node), StandardCharsets.UTF_8);
      }
      case LONG -> {
        return values[node];
      }
      case DOUBLE -> {
        return doubleValue(node);
      }
      case TRUE -> {
        return Boolean.TRUE;
      }
      case FALSE -> {
        return Boolean.FALSE;
      }
      default -> {
        return null;
      }
    }
  }
}
