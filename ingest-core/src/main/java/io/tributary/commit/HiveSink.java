package io.tributary.commit;

import io.tributary.layout.LakeLayout;
import io.tributary.parquet.InMemoryOutputFile;
import io.tributary.parquet.ParquetRowWriter;
import io.tributary.parquet.WriteOptions;
import io.tributary.source.SourcePartition;
import io.tributary.store.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Hive-partitioned Parquet files (and the error files): encoded with {@link ParquetRowWriter}, staged under a key no
 * reader looks at, and copied to their final key ({@link LakeLayout#fileKey}, named from source coordinates) by the
 * ledger once the record that lists them is written. Thread-safe.
 */
public final class HiveSink implements DatasetSink {
  private final ObjectStore store;
  private final LakeLayout layout;
  private final WriteOptions options;

  public HiveSink(ObjectStore store, LakeLayout layout, WriteOptions options) {
    this.store = Objects.requireNonNull(store, "store may not be null");
    this.layout = Objects.requireNonNull(layout, "layout may not be null");
    this.options = Objects.requireNonNull(options, "options may not be null");
  }

  @Override
  public EncodedFile encode(RolledRows rows) {
    InMemoryOutputFile out = new InMemoryOutputFile();
    try {
      if (rows.buffer() != null) {
        // The typed path: the buffer's values stream into the column writers unchecked.
        ParquetRowWriter.writeAll(out, rows.buffer(), options);
      } else {
        ParquetRowWriter.writeAll(out, rows.schema(), options, rows.values());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode a Parquet file of " + rows.schema().dataset(), e);
    }
    return new EncodedFile(rows.range(), rows.schema(), rows.records(), out.toByteArray());
  }

  @Override
  public Optional<StagedFile> write(SourcePartition partition, EncodedFile file) {
    String stagingKey = layout.newStagingKey(partition);
    store.put(stagingKey, file.bytes());
    String key = layout.fileKey(file.folder(), partition, file.range().first());
    return Optional.of(new StagedFile(key, stagingKey, file.range(), file.records(), file.bytes().length));
  }
}
