package io.tributary.buffer;

/**
 * Reads a buffer's rows value by value, in schema order and typed, without building row objects: what a file is
 * encoded from at roll. The caller walks each row with the newest schema ({@link RowBuffer#schema()}): a row starts
 * with {@link #struct()}; each field is a {@link #present()} marker followed, when present, by its value, read with
 * the method of its column type.
 *
 * <p>Values are those {@link io.tributary.schema.ColumnType} prescribes and were checked when the row was buffered,
 * so nothing here checks them again. Strings stay in UTF-8: {@link #string()} points {@link #bytes()},
 * {@link #offset()} and {@link #length()} at the buffer's own bytes, which never change while the buffer lives (a
 * string that spans two of the buffer's chunks is copied into a fresh array). Not thread-safe; the buffer must not
 * be appended to while a cursor reads it.
 */
public final class RowCursor {
  private final ByteArena.Reader in;
  private int marker;
  private byte[] bytes;
  private int offset;
  private int length;

  RowCursor(ByteArena.Reader in) {
    this.in = in;
  }

  /** Moves to the next row, past its source position; false when there is none. */
  public boolean nextRow() {
    if (!in.hasMore()) {
      return false;
    }
    RowCodec.skipPosition(in);
    return true;
  }

  /**
   * Starts a struct: the row itself, or a present struct value. Returns how many of its fields the row holds (a row
   * shaped under an earlier version holds fewer; the rest are null).
   */
  public int struct() {
    return (int) in.readVarLong();
  }

  /** Starts a present list or map: how many elements or entries follow. */
  public int entries() {
    return (int) in.readVarLong();
  }

  /** Reads the marker of the next value: false when it is null (nothing more of it follows). */
  public boolean present() {
    marker = in.read();
    return marker != RowCodec.NULL;
  }

  /** A present LONG or TIMESTAMP value. */
  public long longValue() {
    return RowCodec.unzigzag(in.readVarLong());
  }

  /** A present DOUBLE value. */
  public double doubleValue() {
    return Double.longBitsToDouble(in.readLong());
  }

  /** A present BOOLEAN value: held by its marker. */
  public boolean booleanValue() {
    return marker == RowCodec.TRUE;
  }

  /** Reads a present STRING or JSON value, or a map key: its UTF-8 bytes are then at {@link #bytes()}. */
  public void string() {
    int n = (int) in.readVarLong();
    length = n;
    int at = in.takeContiguous(n);
    if (at >= 0) {
      bytes = in.chunk();
      offset = at;
    } else {
      bytes = new byte[n];
      offset = 0;
      in.read(bytes, n);
    }
  }

  /** The array holding the last {@link #string()}; never written to while the buffer lives. */
  public byte[] bytes() {
    return bytes;
  }

  /** Where the last {@link #string()} starts in {@link #bytes()}. */
  public int offset() {
    return offset;
  }

  /** The last {@link #string()}'s length in bytes. */
  public int length() {
    return length;
  }
}
