package io.tributary.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.buffer.RowBuffer;
import io.tributary.schema.DatasetSchema;
import io.tributary.source.Position;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer's page buffers come from a pool kept by each thread: a file written with buffers that earlier files
 * left behind (old contents, other sizes) is the same file, byte for byte, as one written with fresh buffers.
 */
class SlabPoolTest {
  @TempDir
  Path dir;

  @Test
  void aBufferHasTheSizeAskedForAndComesBackForTheNextRequestOfItsClass() throws Exception {
    onAFreshThread(this::sizeAndReuse);
  }

  private Void sizeAndReuse() {
    SlabPool pool = SlabPool.forThisThread();
    ByteBuffer first = pool.allocate(1_000);
    assertThat(first.position()).isZero();
    assertThat(first.remaining()).isEqualTo(1_000);
    assertThat(first.capacity()).isEqualTo(1_024);
    first.put(new byte[700]);
    pool.release(first);

    ByteBuffer second = pool.allocate(900);
    assertThat(second.array()).isSameAs(first.array());
    assertThat(second.position()).isZero();
    assertThat(second.remaining()).isEqualTo(900);
    assertThat(pool.allocate(900).array()).isNotSameAs(first.array());
    return null;
  }

  @Test
  void itKeepsNoMoreThanItsBoundAndNothingReleasedByAnotherThread() throws Exception {
    onAFreshThread(this::bounds);
  }

  private Void bounds() throws Exception {
    SlabPool pool = SlabPool.forThisThread();
    int size = 1 << 20;
    List<ByteBuffer> taken = new ArrayList<>();
    for (int i = 0; i < SlabPool.RETAINED_BYTES / size + 2; i++) {
      taken.add(pool.allocate(size));
    }
    taken.forEach(pool::release);
    List<byte[]> reused = new ArrayList<>();
    for (int i = 0; i < taken.size(); i++) {
      reused.add(pool.allocate(size).array());
    }
    long kept = taken.stream().filter(b -> reused.stream().anyMatch(a -> a == b.array())).count();
    assertThat(kept).isEqualTo(SlabPool.RETAINED_BYTES / size);

    ByteBuffer elsewhere = pool.allocate(4_096);
    CompletableFuture.runAsync(() -> pool.release(elsewhere)).get();
    assertThat(pool.allocate(4_096).array()).isNotSameAs(elsewhere.array());
    return null;
  }

  /** Runs {@code work} on a thread of its own, so that its pool starts empty. */
  private static <T> T onAFreshThread(Callable<T> work) throws Exception {
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      return thread.submit(work).get();
    } finally {
      thread.shutdownNow();
    }
  }



  @Test
  void aFileWrittenWithReusedBuffersIsTheFileFreshBuffersMake() throws Exception {
    DatasetSchema schema = DictionaryChoiceTest.SCHEMA;
    // Earlier files on this thread leave buffers of every size behind, full of other bytes.
    for (int round = 0; round < 3; round++) {
      write(buffer(schema, DictionaryChoiceTest.rows(4_000 + round * 1_000)), "earlier-" + round);
    }
    RowBuffer rows = buffer(schema, DictionaryChoiceTest.rows(2_500));
    byte[] reused = write(rows, "reused");

    assertThat(reused).isEqualTo(onAFreshThread(() -> write(rows, "fresh")));
  }

  private byte[] write(RowBuffer rows, String name) throws Exception {
    Path file = dir.resolve(name + ".parquet");
    ParquetRowWriter.writeAll(new LocalOutputFile(file), rows, WriteOptions.defaults());
    return Files.readAllBytes(file);
  }

  private static RowBuffer buffer(DatasetSchema schema, List<Object[]> rows) {
    RowBuffer buffer = new RowBuffer(0);
    for (int i = 0; i < rows.size(); i++) {
      buffer.append(schema, rows.get(i), Position.of(i), 0);
    }
    return buffer;
  }
}
