package io.tributary.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.ParseException;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * A flight recording of the engine with JFR's {@code profile} settings, dumped when the engine stops (the engine
 * halts, so JFR's own dump on exit never runs). Asked for with {@code -Dtributary.bench.jfr=FILE} in
 * {@code TRIBUTARY_BENCH_ENGINE_OPTS}.
 */
final class Profile {
  private final Recording recording;
  private final Path file;

  private Profile(Recording recording, Path file) {
    this.recording = recording;
    this.file = file;
  }

  /** A running recording to dump into {@code file}, or one that does nothing when {@code file} is null. */
  static Profile start(String file) {
    if (file == null || file.isBlank()) {
      return new Profile(null, null);
    }
    try {
      Recording recording = new Recording(Configuration.getConfiguration("profile"));
      recording.start();
      return new Profile(recording, Path.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException("JFR's profile settings do not parse", e);
    }
  }

  /** Stops the recording and writes it to its file. */
  void dump() {
    if (recording == null) {
      return;
    }
    try {
      recording.stop();
      recording.dump(file);
      System.out.println("PROFILE " + file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
