package io.tributary.landing;

import io.tributary.buffer.RowBuffer;
import io.tributary.commit.DurableRange;
import io.tributary.commit.Ledger;
import io.tributary.commit.SourcePartition;
import io.tributary.commit.StagedFile;
import io.tributary.parquet.InMemoryOutputFile;
import io.tributary.parquet.ParquetRowWriter;
import io.tributary.parquet.WriteOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Encodes rolled buffers to Parquet and stages them: the part of a flush before its commit. */
final class FlushWriter {
  private final Ledger ledger;
  private final WriteOptions options;

  /** The staged files of one flush and the durable ranges they add. */
  record Flush(List<StagedFile> files, List<DurableRange> ranges) {}

  FlushWriter(Ledger ledger, WriteOptions options) {
    this.ledger = ledger;
    this.options = options;
  }

  Flush write(SourcePartition partition, List<PartitionState.Rolled> rolled) {
    List<StagedFile> files = new ArrayList<>();
    List<DurableRange> ranges = new ArrayList<>();
    for (PartitionState.Rolled r : rolled) {
      RowBuffer buffer = r.buffer();
      byte[] bytes = encode(buffer);
      String stagingKey = ledger.newStagingKey(partition);
      ledger.stage(stagingKey, bytes);
      DurableRange range = new DurableRange(r.folder(), buffer.firstPosition(), buffer.lastPosition());
      // Named from source coordinates: a replay of the same records names its file the same.
      String key = r.folder() + "/" + partition.stream() + "+" + partition.partition() + "+"
          + buffer.firstPosition() + ".parquet";
      files.add(new StagedFile(key, stagingKey, range, buffer.records(), bytes.length));
      ranges.add(range);
    }
    return new Flush(files, ranges);
  }

  private byte[] encode(RowBuffer buffer) {
    InMemoryOutputFile out = new InMemoryOutputFile();
    try {
      ParquetRowWriter.writeAll(out, buffer.schema(), options, buffer.values());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode a Parquet file of " + buffer.schema().dataset(), e);
    }
    return out.toByteArray();
  }
}
