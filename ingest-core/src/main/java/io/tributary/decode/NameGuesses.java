package io.tributary.decode;

/**
 * Which member name followed which in a thread's last payloads, to guess the next name from the one just read:
 * events of one service write their keys in one order, so after {@code "sku"} comes {@code "name"} whether the
 * payload has two items or three, and after the last item's last key comes the same next field. A name is known by
 * its key (a slot picked by its length and its bytes as two words, {@link FieldNames#firstWord}); each key keeps the
 * name that followed it last, as its String, length, words and own key. The reader checks a guess against the
 * payload's bytes (the name's bytes, then its closing quote) and takes the String, without looking for the closing
 * quote or for the name among all names ({@link FieldNames}); a wrong guess costs a few compares.
 *
 * <p>ASCII names of up to {@value FieldNames#SHORT_NAME} bytes are guessed (a guess's length in bytes is its
 * String's); after any other name nothing is guessed. Names that share a key take turns in it. A fixed
 * {@value #KEYS} keys and the payload's start, about 24 KiB. Not thread-safe: one per {@link Tape}.
 */
final class NameGuesses {
  /** The key before a payload's first name. */
  static final int START = 0;
  /** The key after a name that is not guessed: nothing follows it. */
  static final int NONE = -1;
  private static final int KEYS = 1024;

  private final String[] names = new String[KEYS + 1];
  private final long[] words = new long[2 * (KEYS + 1)];
  /** A guessed name's length plus one; 0 where nothing is guessed. */
  private final byte[] lengths = new byte[KEYS + 1];
  private final short[] keys = new short[KEYS + 1];

  /**
   * The name guessed to follow the name of {@code key} when the payload's bytes from {@code offset} (just after an
   * opening quote) are its bytes and a closing quote before {@code end}; else null.
   */
  String guess(int key, byte[] bytes, int offset, int end) {
    if (key == NONE) {
      return null;
    }
    int length = lengths[key] - 1;
    if (length < 0 || offset + length >= end || bytes[offset + length] != '"') {
      return null;
    }
    if (FieldNames.firstWord(bytes, offset, length) != words[2 * key]
        || FieldNames.secondWord(bytes, offset, length) != words[2 * key + 1]) {
      return null;
    }
    return names[key];
  }

  /** The length in bytes of the name {@link #guess} last gave for {@code key}. */
  int lengthOfGuess(int key) {
    return lengths[key] - 1;
  }

  /** The key of the name {@link #guess} last gave for {@code key}. */
  int keyOfGuess(int key) {
    return keys[key];
  }

  /**
   * Keeps {@code name}, read from {@code bytes[offset, offset + length)}, as the guess after the name of
   * {@code previous}, and returns its own key; {@link #NONE} (nothing kept) when it is long or not ASCII.
   */
  int remember(int previous, String name, byte[] bytes, int offset, int length) {
    if (length > FieldNames.SHORT_NAME || name.length() != length) {
      return NONE;
    }
    long first = FieldNames.firstWord(bytes, offset, length);
    long second = FieldNames.secondWord(bytes, offset, length);
    long h = FieldNames.shortNameHash(first, second, length);
    int key = 1 + (int) ((h ^ (h >>> 32)) & (KEYS - 1)); // 0 is START
    if (previous != NONE) {
      names[previous] = name;
      words[2 * previous] = first;
      words[2 * previous + 1] = second;
      lengths[previous] = (byte) (length + 1);
      keys[previous] = (short) key;
    }
    return key;
  }
}
