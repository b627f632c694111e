package io.tributary.app.replay;

import io.tributary.source.SourcePartition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source partition a replay lands error rows under: {@code <partition>.replay<attempt>.<folder hash>} of the
 * original stream. Each original source partition, error folder (dataset, error type, time) and attempt has its own,
 * with its own ledger; the records keep their original positions in it. The ledger's put-if-absent commits then make
 * a second replay, or a replay after a crash, skip what an earlier one made durable; a record that still fails is
 * written once to the replay's own error folder (engine state) and goes to the next attempt's partition the next
 * time (docs/operations.md, "Replay").
 *
 * @param stream the original topic or stream: it still picks the dataset
 * @param original the original partition or shard
 * @param attempt 1 for the first replay of a record, one more after each replay that it still failed in
 * @param folderHash 8 hex digits of SHA-256 of the original error folder (relative to the error prefix)
 */
record ReplayPartition(String stream, String original, int attempt, String folderHash) {
  private static final Pattern NAME = Pattern.compile("(.+)\\.replay([1-9][0-9]{0,8})\\.([0-9a-f]{8})");

  ReplayPartition {
    Objects.requireNonNull(stream, "stream may not be null");
    Objects.requireNonNull(original, "original may not be null");
    if (attempt < 1) {
      throw new IllegalArgumentException("Invalid replay partition: attempt " + attempt + " must be at least 1");
    }
    if (!folderHash.matches("[0-9a-f]{8}")) {
      throw new IllegalArgumentException("Invalid replay partition: folder hash '" + folderHash + "'");
    }
  }

  /** The first attempt for the original row {@code row}. */
  static ReplayPartition first(ErrorRow row) {
    return new ReplayPartition(row.stream(), row.partition(), 1, hash(row.folder()));
  }

  /** The partition a row of a replay's own error folder was written under, when its name is one. */
  static Optional<ReplayPartition> parse(String stream, String partition) {
    Matcher m = NAME.matcher(partition);
    return m.matches() ? Optional.of(new ReplayPartition(stream, m.group(1), Integer.parseInt(m.group(2)),
        m.group(3))) : Optional.empty();
  }

  /** The partition of the next attempt. */
  ReplayPartition next() {
    return new ReplayPartition(stream, original, attempt + 1, folderHash);
  }

  /** The partition's name, as the ledger, file names and the {@code _partition} column show it. */
  String name() {
    return original + ".replay" + attempt + "." + folderHash;
  }

  SourcePartition source() {
    return new SourcePartition(stream, name());
  }

  /** 8 hex digits of SHA-256 of {@code folder}. */
  static String hash(String folder) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(folder.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
