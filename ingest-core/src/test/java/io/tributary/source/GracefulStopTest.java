package io.tributary.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GracefulStopTest {

  private final BlockingQueue<Integer> exits = new LinkedBlockingQueue<>();

  @Test
  void aFinishedDrainExitsZero() throws Exception {
    GracefulStop stop = new GracefulStop(Duration.ofSeconds(10), () -> true, exits::add);
    stop.onSignal("TERM");
    assertThat(exits.poll(10, TimeUnit.SECONDS)).isEqualTo(GracefulStop.DRAINED);
  }

  @Test
  void aDrainThatCouldNotCommitEverythingExitsTwo() throws Exception {
    GracefulStop stop = new GracefulStop(Duration.ofSeconds(10), () -> false, exits::add);
    stop.onSignal("TERM");
    assertThat(exits.poll(10, TimeUnit.SECONDS)).isEqualTo(GracefulStop.CUT_SHORT);
  }

  @Test
  void aFailingDrainExitsTwo() throws Exception {
    GracefulStop stop = new GracefulStop(Duration.ofSeconds(10), () -> {
      throw new IllegalStateException("store gone");
    }, exits::add);
    stop.onSignal("TERM");
    assertThat(exits.poll(10, TimeUnit.SECONDS)).isEqualTo(GracefulStop.CUT_SHORT);
  }

  @Test
  void theDeadlineCutsAHangingDrainShort() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    GracefulStop stop = new GracefulStop(Duration.ofMillis(200), () -> {
      try {
        never.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return true;
    }, exits::add);
    stop.onSignal("TERM");
    assertThat(exits.poll(10, TimeUnit.SECONDS)).isEqualTo(GracefulStop.CUT_SHORT);
    never.countDown();
  }

  @Test
  void aSecondSignalExitsAtOnce() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    GracefulStop stop = new GracefulStop(Duration.ofSeconds(30), () -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return true;
    }, exits::add);
    stop.onSignal("TERM");
    assertThat(exits.poll(300, TimeUnit.MILLISECONDS)).as("the drain is still running").isNull();
    stop.onSignal("TERM");
    assertThat(exits.poll(10, TimeUnit.SECONDS)).isEqualTo(GracefulStop.CUT_SHORT);
    release.countDown();
  }
}
