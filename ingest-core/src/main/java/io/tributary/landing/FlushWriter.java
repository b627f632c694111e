package io.tributary.landing;

import io.tributary.buffer.RowBuffer;
import io.tributary.buffer.UndecidedNumbers;
import io.tributary.commit.DurableRange;
import io.tributary.commit.EncodedFile;
import io.tributary.commit.RolledRows;
import io.tributary.commit.TableFormat;
import io.tributary.schema.NumberDecision;
import java.util.ArrayList;
import java.util.List;

/** Encodes rolled buffers in their table format's form: what a flush produces before the format commits it. */
final class FlushWriter {
  private final TableFormat format;
  private final UndecidedNumbers numbers;

  /** @param numbers decides the columns a buffer's waiting values call for before its file is encoded */
  FlushWriter(TableFormat format, UndecidedNumbers numbers) {
    this.format = format;
    this.numbers = numbers;
  }

  /** One file per rolled buffer, in order: {@code result.get(i)} holds the rows of {@code rolled.get(i)}. */
  List<EncodedFile> encode(List<PartitionState.Rolled> rolled) {
    List<EncodedFile> files = new ArrayList<>();
    for (PartitionState.Rolled r : rolled) {
      RowBuffer buffer = r.buffer();
      DurableRange range = new DurableRange(r.folder(), buffer.firstPosition(), buffer.lastPosition());
      NumberDecision decision = numbers.decide(buffer);
      // Waiting values move into their columns as the rows are read for the file: the buffer itself stays as it
      // was, so a failed flush puts it back, to be decided again.
      files.add(format.encode(decision == null ? RolledRows.of(range, buffer)
          : RolledRows.reshaped(range, buffer, decision.schema(), decision.rehome())));
    }
    return files;
  }
}
