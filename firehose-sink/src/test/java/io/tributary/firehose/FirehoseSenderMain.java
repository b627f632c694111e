package io.tributary.firehose;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * The child JVM of {@link KillDuringDeliveryTest}: a source partition of {@code total} records sent through
 * {@link FirehoseDelivery} to a {@link FirehoseStandIn} that throttles and fails entries at random and appends what
 * it accepts to a file (the "stream"), moving a checkpoint file only after each send returned, as the landing moves
 * a source position. Started again after a kill, it resumes from the checkpoint.
 *
 * <p>Arguments: the stream's log file, the checkpoint file, the number of records.
 */
public final class FirehoseSenderMain {
  /** Rows per send: two calls each (500 + 200). */
  static final int ROWS_PER_SEND = 700;

  private FirehoseSenderMain() {}

  public static void main(String[] args) throws Exception {
    Path log = Path.of(args[0]);
    Path checkpoint = Path.of(args[1]);
    long total = Long.parseLong(args[2]);
    Random random = new Random();
    try (FileChannel stream = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
        FirehoseStandIn firehose = new FirehoseStandIn(request -> answer(random, request.records().size()),
            data -> append(stream, data));
        FirehoseDelivery delivery = new FirehoseDelivery(firehose.client(), new DeliveryStreams("orders"),
            new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(4), 1_000), Thread::sleep,
            new FirehoseMetrics(new SimpleMeterRegistry()))) {
      long next = Files.exists(checkpoint) ? Long.parseLong(Files.readString(checkpoint).strip()) : 0;
      while (next < total) {
        long end = Math.min(total, next + ROWS_PER_SEND);
        delivery.send(TestRows.PARTITION, TestRows.rows(next, end, 40));
        Path written = Files.writeString(checkpoint.resolveSibling(checkpoint.getFileName() + ".tmp"),
            Long.toString(end));
        Files.move(written, checkpoint, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        next = end;
      }
    }
    System.out.println("sent " + total);
  }

  /** 15% of calls throttled as a whole, 25% with about a tenth of their entries failed, the rest accepted. */
  private static FirehoseStandIn.Answer answer(Random random, int records) {
    double draw = random.nextDouble();
    if (draw < 0.15) {
      return new FirehoseStandIn.FailCall(503, "ServiceUnavailableException");
    }
    if (draw < 0.40) {
      Set<Integer> failing = new HashSet<>();
      for (int i = 0; i < records; i++) {
        if (random.nextInt(10) == 0) {
          failing.add(i);
        }
      }
      return new FirehoseStandIn.FailEntries(failing, "ServiceUnavailableException");
    }
    return new FirehoseStandIn.AcceptAll();
  }

  private static void append(FileChannel stream, byte[] data) {
    try {
      ByteBuffer buffer = ByteBuffer.wrap(data);
      while (buffer.hasRemaining()) {
        stream.write(buffer);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
