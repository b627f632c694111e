package io.tributary.commit;

import java.util.Objects;

/**
 * A file of a flush: uploaded under a staging key that no reader looks at, published to its final key only after
 * the flush's commit record is written.
 *
 * @param key the final key readers will see
 * @param stagingKey where the bytes wait until the commit
 * @param range the buffer the file was rolled from and the first and last source positions it holds
 * @param records how many records the file holds
 * @param bytes the file size
 */
public record StagedFile(String key, String stagingKey, DurableRange range, long records, long bytes) {
  public StagedFile {
    Objects.requireNonNull(key, "key may not be null");
    Objects.requireNonNull(stagingKey, "stagingKey may not be null");
    Objects.requireNonNull(range, "range may not be null");
  }

  /**
   * True for a file a table format wrote straight to its final key (its staging key is the key): publishing it
   * copies nothing, and only the commit that lists it makes it visible (an Iceberg table's metadata).
   */
  public boolean inPlace() {
    return key.equals(stagingKey);
  }
}
