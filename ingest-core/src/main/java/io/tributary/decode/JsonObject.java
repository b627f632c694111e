package io.tributary.decode;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * A decoded JSON object: its keys and values in document order, side by side in one array rather than an entry per
 * key (one allocation per object, and a key's value next to it in memory). Small objects (the
 * common event) are searched linearly, larger ones through an open-addressed index, so an object of ten thousand
 * keys still decodes in linear time. A mutable {@link java.util.Map} with {@code String} keys; {@link #put} of a
 * present key replaces its value in place (the key keeps its first position); removing keys and setting values through entries are not supported. Null
 * keys are not allowed. Not thread-safe.
 */
public final class JsonObject extends AbstractMap<String, Object> {
  /** Up to this many keys, lookups scan the keys: cheaper than hashing for an event's dozen fields. */
  private static final int LINEAR_KEYS = 16;

  /** Key {@code i} at {@code 2i}, its value at {@code 2i + 1}. */
  private Object[] entries;
  private int size;
  /** Positions + 1 by key hash, open-addressed; null until the object outgrows {@link #LINEAR_KEYS}. */
  private int[] index;

  /** An empty object with room for {@code expectedKeys} before it grows. */
  public JsonObject(int expectedKeys) {
    entries = new Object[2 * Math.max(2, expectedKeys)];
  }

  public JsonObject() {
    this(8);
  }

  @Override
  public int size() {
    return size;
  }

  /** The key at {@code position}, {@code 0 <= position < size()}, in document order. */
  public String keyAt(int position) {
    Objects.checkIndex(position, size);
    return (String) entries[2 * position];
  }

  /** The value at {@code position}, {@code 0 <= position < size()}. */
  public Object valueAt(int position) {
    Objects.checkIndex(position, size);
    return entries[2 * position + 1];
  }

  @Override
  public Object get(Object key) {
    int at = key instanceof String s ? find(s) : -1;
    return at < 0 ? null : entries[2 * at + 1];
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String s && find(s) >= 0;
  }

  /** Adds {@code key}, or replaces its value where it is. */
  @Override
  public Object put(String key, Object value) {
    Objects.requireNonNull(key, "key may not be null");
    int at = find(key);
    if (at >= 0) {
      Object old = entries[2 * at + 1];
      entries[2 * at + 1] = value;
      return old;
    }
    if (2 * size == entries.length) {
      entries = Arrays.copyOf(entries, entries.length * 2);
    }
    entries[2 * size] = key;
    entries[2 * size + 1] = value;
    size++;
    if (index != null) {
      if (size * 2 > index.length) {
        reindex();
      } else {
        insert(key, size - 1);
      }
    } else if (size > LINEAR_KEYS) {
      reindex();
    }
    return null;
  }

  private int find(String key) {
    if (index == null) {
      // Keys cache their hash: two ints tell most different keys apart without comparing their text.
      int hash = key.hashCode();
      for (int i = 0; i < size; i++) {
        String k = (String) entries[2 * i];
        if (k == key || (k.hashCode() == hash && k.equals(key))) {
          return i;
        }
      }
      return -1;
    }
    int mask = index.length - 1;
    for (int slot = key.hashCode() & mask; index[slot] != 0; slot = (slot + 1) & mask) {
      int at = index[slot] - 1;
      if (entries[2 * at].equals(key)) {
        return at;
      }
    }
    return -1;
  }

  private void reindex() {
    index = new int[Integer.highestOneBit(size * 4 - 1) << 1];
    for (int i = 0; i < size; i++) {
      insert((String) entries[2 * i], i);
    }
  }

  private void insert(String key, int at) {
    int mask = index.length - 1;
    int slot = key.hashCode() & mask;
    while (index[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    index[slot] = at + 1;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Entry<String, Object> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            int at = next++;
            return new SimpleImmutableEntry<>((String) entries[2 * at], entries[2 * at + 1]);
          }
        };
      }
    };
  }
}
