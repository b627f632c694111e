package io.tributary.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.buffer.RowBuffer;
import io.tributary.schema.DatasetSchema;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
  void aBufferHasTheSizeAskedForAndComesBackForTheNextRequestOfItsClass() {
    SlabPool pool = new SlabPool();
    ByteBuffer first = pool.allocate(40_000);
    assertThat(first.position()).isZero();
    assertThat(first.remaining()).isEqualTo(40_000);
    assertThat(first.capacity()).isEqualTo(65_536);
    first.put(new byte[30_000]);
    pool.release(first);

    ByteBuffer second = pool.allocate(50_000);
    assertThat(same(second, first)).isTrue();
    assertThat(second.position()).isZero();
    assertThat(second.remaining()).isEqualTo(50_000);
    assertThat(same(pool.allocate(50_000), first)).isFalse();

    ByteBuffer twice = pool.allocate(40_000);
    pool.release(twice);
    pool.release(twice);
    assertThat(same(pool.allocate(40_000), twice)).isTrue();
    assertThat(same(pool.allocate(40_000), twice)).as("a buffer released twice is handed out once").isFalse();

    ByteBuffer small = pool.allocate(SlabPool.SMALLEST_POOLED - 1);
    assertThat(small.capacity()).isEqualTo(SlabPool.SMALLEST_POOLED - 1);
    pool.release(small);
    assertThat(same(pool.allocate(SlabPool.SMALLEST_POOLED - 1), small)).isFalse();
  }

  @Test
  void itKeepsNoMoreThanItsBoundAndNothingReleasedByAnotherThread() throws Exception {
    SlabPool pool = new SlabPool();
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

    ByteBuffer elsewhere = pool.allocate(40_000);
    CompletableFuture.runAsync(() -> pool.release(elsewhere)).get();
    assertThat(same(pool.allocate(40_000), elsewhere)).isFalse();
  }

  @Test
  void whenFullItMakesRoomForTheSizeAskedForLastByDroppingOthers() {
    SlabPool pool = new SlabPool();
    int small = 64 << 10;
    List<ByteBuffer> smalls = new ArrayList<>();
    for (int i = 0; i < SlabPool.RETAINED_BYTES / small; i++) {
      smalls.add(pool.allocate(small));
    }
    smalls.forEach(pool::release); // the pool is full of one size
    ByteBuffer large = pool.allocate(1 << 20);
    pool.release(large);
    assertThat(same(pool.allocate(1 << 20), large)).as("the size asked for last was kept").isTrue();

    // A size asked for longer ago than every pooled one does not push them out.
    ByteBuffer stale = pool.allocate(2 << 20);
    ByteBuffer again = pool.allocate(1 << 20);
    pool.release(again);
    for (int i = 0; i < 4; i++) {
      pool.allocate(small);
    }
    pool.release(stale);
    assertThat(same(pool.allocate(2 << 20), stale)).as("the stale size was kept").isFalse();
    assertThat(same(pool.allocate(1 << 20), again)).as("the recent size was kept").isTrue();
  }

  private static boolean same(ByteBuffer a, ByteBuffer b) {
    return a.array() == b.array();
  }

  @Test
  void aFileWrittenWithReusedBuffersIsTheFileFreshBuffersMake() throws Exception {
    DatasetSchema schema = DictionaryChoiceTest.SCHEMA;
    // Earlier files on this thread leave buffers of every size behind, full of other bytes.
    for (int round = 0; round < 3; round++) {
      write(BufferedRowsWriteTest.buffer(schema, DictionaryChoiceTest.rows(4_000 + round * 1_000)), "earlier-" + round);
    }
    RowBuffer rows = BufferedRowsWriteTest.buffer(schema, DictionaryChoiceTest.rows(2_500));
    byte[] reused = write(rows, "reused");

    // A thread of its own: its pool starts empty.
    ExecutorService fresh = Executors.newSingleThreadExecutor();
    try {
      assertThat(reused).isEqualTo(fresh.submit(() -> write(rows, "fresh")).get());
    } finally {
      fresh.shutdownNow();
    }
  }

  private byte[] write(RowBuffer rows, String name) throws Exception {
    Path file = dir.resolve(name + ".parquet");
    ParquetRowWriter.writeAll(new LocalOutputFile(file), rows, WriteOptions.defaults());
    return Files.readAllBytes(file);
  }
}
