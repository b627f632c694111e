package io.tributary.decode;

import java.util.Arrays;

/**
 * The field name read at each node of a thread's last payloads, as its String, its length and its bytes (two words,
 * {@link FieldNames#firstWord}): events of one service repeat their keys in one order, so the member at node k of a
 * payload is most often called what node k of the last payload was. The reader checks the guess against the
 * payload's bytes (the name's bytes, then its closing quote) and takes the String, without looking for the closing
 * quote or for the name among all names ({@link FieldNames}); a wrong guess costs a few compares. ASCII names of up
 * to {@value FieldNames#SHORT_NAME} bytes (a guess's length in bytes is its String's) at the first
 * {@value #MAX_NODES} nodes are guessed. Not thread-safe.
 */
final class NameGuesses {
  private static final int MAX_NODES = 1024;
  private static final int INITIAL_NODES = 64;

  private String[] names = new String[INITIAL_NODES];
  private long[] words = new long[2 * INITIAL_NODES];
  /** A guessed name's length plus one; 0 where nothing is guessed. */
  private byte[] lengths = new byte[INITIAL_NODES];

  /**
   * The name guessed for {@code node} when the payload's bytes from {@code offset} (just after an opening quote) are
   * its bytes and a closing quote before {@code end}; else null.
   */
  String guess(int node, byte[] bytes, int offset, int end) {
    if (node >= lengths.length) {
      return null;
    }
    int length = lengths[node] - 1;
    if (length < 0 || offset + length >= end || bytes[offset + length] != '"') {
      return null;
    }
    if (FieldNames.firstWord(bytes, offset, length) != words[2 * node]
        || FieldNames.secondWord(bytes, offset, length) != words[2 * node + 1]) {
      return null;
    }
    return names[node];
  }

  /**
   * Keeps {@code name}, read from {@code bytes[offset, offset + length)}, as the guess for {@code node} if it is
   * short and ASCII.
   */
  void remember(int node, String name, byte[] bytes, int offset, int length) {
    if (length > FieldNames.SHORT_NAME || node >= MAX_NODES || name.length() != length) {
      return;
    }
    if (node >= lengths.length) {
      int capacity = Math.min(MAX_NODES, Math.max(node + 1, 2 * lengths.length));
      names = Arrays.copyOf(names, capacity);
      words = Arrays.copyOf(words, 2 * capacity);
      lengths = Arrays.copyOf(lengths, capacity);
    }
    names[node] = name;
    words[2 * node] = FieldNames.firstWord(bytes, offset, length);
    words[2 * node + 1] = FieldNames.secondWord(bytes, offset, length);
    lengths[node] = (byte) (length + 1);
  }
}
