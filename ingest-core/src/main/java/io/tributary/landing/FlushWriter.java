package io.tributary.landing;

import io.tributary.buffer.RowBuffer;
import io.tributary.commit.DurableRange;
import io.tributary.commit.EncodedFile;
import io.tributary.commit.RolledRows;
import io.tributary.commit.TableFormat;
import java.util.ArrayList;
import java.util.List;

/** Encodes rolled buffers in their table format's form: what a flush produces before the format commits it. */
final class FlushWriter {
  private final TableFormat format;

  FlushWriter(TableFormat format) {
    this.format = format;
  }

  /** One file per rolled buffer, in order: {@code result.get(i)} holds the rows of {@code rolled.get(i)}. */
  List<EncodedFile> encode(List<PartitionState.Rolled> rolled) {
    List<EncodedFile> files = new ArrayList<>();
    for (PartitionState.Rolled r : rolled) {
      RowBuffer buffer = r.buffer();
      DurableRange range = new DurableRange(r.folder(), buffer.firstPosition(), buffer.lastPosition());
      files.add(format.encode(RolledRows.of(range, buffer)));
    }
    return files;
  }
}
