package io.tributary.decode;

import java.util.AbstractMap;
import java.util.Set;

/**
 * A decoded event left in its {@link Tape}: a read-only {@code Map} view of the top-level object that makes a value
 * only when it is asked for ({@link #get}: a router or partitioner reads a field or two), so an event that a schema
 * takes whole from the tape never becomes objects. {@link #entrySet()} and {@link #size()} build the whole event
 * once ({@link #toJsonObject()}). A key repeated in the payload reads as the decoder reads it: its last value.
 *
 * <p>Valid until its tape is filled with the next payload: any read after that throws {@link IllegalStateException}
 * instead of answering from another event. Not thread-safe.
 */
public final class TapeEvent extends AbstractMap<String, Object> {
  private final Tape tape;
  private final int generation;
  private JsonObject built;

  TapeEvent(Tape tape) {
    this.tape = tape;
    this.generation = tape.generation();
  }

  /** The tape the event is in; check {@link #valid()} before reading it. */
  public Tape tape() {
    return checked();
  }

  /** True while the tape still holds this event. */
  public boolean valid() {
    return tape.generation() == generation;
  }

  @Override
  public Object get(Object key) {
    int node = find(key);
    return node < 0 ? null : checked().value(node, new int[1]);
  }

  @Override
  public boolean containsKey(Object key) {
    return find(key) >= 0;
  }

  @Override
  public int size() {
    return toJsonObject().size();
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return toJsonObject().entrySet();
  }

  /** The whole event as the decoder's value model, built once: the shaper's input when the tape does not do. */
  public JsonObject toJsonObject() {
    Tape t = checked();
    if (built == null) {
      built = t.toJsonObject();
    }
    return built;
  }

  /** The node of the last member called {@code key}, or -1. */
  private int find(Object key) {
    Tape t = checked();
    int found = -1;
    int member = 1;
    for (int i = 0; i < t.members(0); i++) {
      if (t.name(member).equals(key)) {
        found = member;
      }
      member = t.next(member);
    }
    return found;
  }

  private Tape checked() {
    if (!valid()) {
      throw new IllegalStateException("Cannot read a decoded event after its tape was filled with the next payload");
    }
    return tape;
  }
}
