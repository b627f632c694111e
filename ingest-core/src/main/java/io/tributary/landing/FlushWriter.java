package io.tributary.landing;

import io.tributary.buffer.RowBuffer;
import io.tributary.commit.DurableRange;
import io.tributary.commit.EncodedFile;
import io.tributary.parquet.InMemoryOutputFile;
import io.tributary.parquet.ParquetRowWriter;
import io.tributary.parquet.WriteOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Encodes rolled buffers to Parquet: what a flush produces before its table format commits it. */
final class FlushWriter {
  private final WriteOptions options;

  FlushWriter(WriteOptions options) {
    this.options = options;
  }

  /** One file per rolled buffer, in order: {@code result.get(i)} holds the rows of {@code rolled.get(i)}. */
  List<EncodedFile> encode(List<PartitionState.Rolled> rolled) {
    List<EncodedFile> files = new ArrayList<>();
    for (PartitionState.Rolled r : rolled) {
      RowBuffer buffer = r.buffer();
      DurableRange range = new DurableRange(r.folder(), buffer.firstPosition(), buffer.lastPosition());
      files.add(new EncodedFile(range, buffer.schema(), buffer.records(), encode(buffer)));
    }
    return files;
  }

  private byte[] encode(RowBuffer buffer) {
    InMemoryOutputFile out = new InMemoryOutputFile();
    try {
      ParquetRowWriter.writeAll(out, buffer, options);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode a Parquet file of " + buffer.schema().dataset(), e);
    }
    return out.toByteArray();
  }
}
