package io.tributary.landing;

import io.tributary.buffer.RowBuffer;
import io.tributary.buffer.UndecidedNumbers;
import io.tributary.commit.DurableRange;
import io.tributary.commit.EncodedFile;
import io.tributary.commit.RolledRows;
import io.tributary.commit.TableFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/** Encodes rolled buffers in their table format's form: what a flush produces before the format commits it. */
final class FlushWriter {
  private final TableFormat format;
  private final UndecidedNumbers numbers;
  private final LongConsumer held;

  /**
   * @param numbers decides the columns a buffer's waiting values call for before its file is encoded
   * @param held told the bytes of a re-homed copy of a buffer while it exists (and their release), for the memory
   *     budget
   */
  FlushWriter(TableFormat format, UndecidedNumbers numbers, LongConsumer held) {
    this.format = format;
    this.numbers = numbers;
    this.held = held;
  }

  /** One file per rolled buffer, in order: {@code result.get(i)} holds the rows of {@code rolled.get(i)}. */
  List<EncodedFile> encode(List<PartitionState.Rolled> rolled) {
    List<EncodedFile> files = new ArrayList<>();
    for (PartitionState.Rolled r : rolled) {
      // The rolled buffer itself stays as it was: a failed flush puts it back, to be decided again.
      RowBuffer buffer = numbers.decided(r.buffer());
      DurableRange range = new DurableRange(r.folder(), buffer.firstPosition(), buffer.lastPosition());
      if (buffer == r.buffer()) {
        files.add(format.encode(RolledRows.of(range, buffer)));
        continue;
      }
      // A re-homed copy: counted in the memory budget until its file is encoded, then dropped.
      long copy = buffer.memoryBytes();
      held.accept(copy);
      try {
        files.add(format.encode(RolledRows.of(range, buffer)));
      } finally {
        held.accept(-copy);
      }
    }
    return files;
  }
}
