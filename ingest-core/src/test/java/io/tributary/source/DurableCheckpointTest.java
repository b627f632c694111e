package io.tributary.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DurableCheckpointTest {

  private static Optional<Position> at(long value) {
    return Optional.of(Position.of(value));
  }

  @Test
  void nothingDurableMeansNoCheckpoint() {
    assertThat(new DurableCheckpoint(null).next(Optional.empty(), Position.of(10))).isEmpty();
  }

  @Test
  void theCheckpointNeverPassesWhatIsDurable() {
    DurableCheckpoint checkpoint = new DurableCheckpoint(null);
    assertThat(checkpoint.next(at(5), Position.of(10))).isEqualTo(at(5));
    assertThat(checkpoint.next(at(5), null)).isEqualTo(at(5));
  }

  @Test
  void theCheckpointNeverPassesTheCeilingTheSourceAccepts() {
    DurableCheckpoint checkpoint = new DurableCheckpoint(null);
    assertThat(checkpoint.next(at(12), Position.of(10))).isEqualTo(at(10));
  }

  @Test
  void theCheckpointNeverGoesBackNorRepeats() {
    DurableCheckpoint checkpoint = new DurableCheckpoint(Position.of(7));
    assertThat(checkpoint.next(at(5), null)).isEmpty();
    assertThat(checkpoint.next(at(7), null)).isEmpty();
    assertThat(checkpoint.next(at(9), null)).isEqualTo(at(9));

    checkpoint.done(Position.of(9));
    checkpoint.done(Position.of(8));
    assertThat(checkpoint.last()).isEqualTo(at(9));
    assertThat(checkpoint.next(at(9), Position.of(20))).isEmpty();
    assertThat(checkpoint.next(at(20), Position.of(8))).isEmpty();
  }
}
