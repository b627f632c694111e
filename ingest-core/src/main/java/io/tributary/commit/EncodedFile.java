package io.tributary.commit;

import io.tributary.schema.DatasetSchema;
import java.util.Objects;

/**
 * One file of a flush, encoded and not yet anywhere: its folder (the buffer key of its rows: dataset and partition
 * path, or error path), the schema it was written with, the source range of its rows, and its bytes.
 *
 * @param range the folder and the first and last source positions of its rows
 * @param schema the schema version the file was written with
 * @param records how many rows it holds
 * @param bytes the encoded file
 */
public record EncodedFile(DurableRange range, DatasetSchema schema, long records, byte[] bytes) {
  public EncodedFile {
    Objects.requireNonNull(range, "range may not be null");
    Objects.requireNonNull(schema, "schema may not be null");
    Objects.requireNonNull(bytes, "bytes may not be null");
  }

  /** The folder the file goes to: its buffer key. */
  public String folder() {
    return range.bufferKey();
  }
}
