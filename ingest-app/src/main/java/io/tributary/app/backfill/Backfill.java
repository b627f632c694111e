package io.tributary.app.backfill;

import io.tributary.landing.Landing;
import io.tributary.source.SourcePartition;
import io.tributary.source.SourceRecord;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * JSON-lines files into the landing layer, as a source would hand them over: each file is one source partition
 * (named from the file, stable across runs), each line a record at its line number, the file's modification time
 * its source time. The ledger therefore makes a backfill idempotent: running it again lands nothing twice.
 */
public final class Backfill {

  /** What a backfill did. */
  public record Result(int files, long lines, long landed, long errors, long duplicates) {}

  private final Landing landing;
  private final int maxRecordBytes;

  public Backfill(Landing landing, int maxRecordBytes) {
    this.landing = landing;
    this.maxRecordBytes = maxRecordBytes;
  }

  /** The files under {@code paths}: files as given, folders searched for *.json, *.jsonl, *.ndjson and their .gz. */
  public static List<Path> files(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> found = Files.walk(path)) {
          found.filter(Files::isRegularFile).filter(Backfill::isJsonLines).sorted().forEach(files::add);
        }
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        throw new IOException("No file or folder at " + path.toAbsolutePath());
      }
    }
    return files;
  }

  /**
   * Lands every line of {@code file} into {@code stream}'s dataset (routing as configured), then commits.
   *
   * @param stream the stream (topic) name the records appear under: it picks the dataset as a topic would
   */
  public Result run(String stream, List<Path> files) throws IOException {
    long lines = 0;
    long landed = 0;
    long errors = 0;
    long duplicates = 0;
    for (Path file : files) {
      SourcePartition partition = new SourcePartition(stream, partitionOf(file));
      landing.assign(partition);
      long sourceTime = Files.getLastModifiedTime(file).toMillis();
      try (InputStream in = open(file)) {
        long number = 0;
        for (Optional<byte[]> line = readLine(in); line.isPresent(); line = readLine(in)) {
          number++;
          if (isBlank(line.get())) {
            continue;
          }
          lines++;
          Landing.Outcome outcome = landing.accept(SourceRecord.of(stream, partition.partition(),
              Long.toString(number), sourceTime, line.get()));
          switch (outcome) {
            case LANDED -> landed++;
            case ERROR -> errors++;
            default -> duplicates++;
          }
        }
      }
      landing.revoke(partition);
    }
    return new Result(files.size(), lines, landed, errors, duplicates);
  }

  /** A partition id from the file's name and a hash of its absolute path: stable across runs, no slashes. */
  static String partitionOf(Path file) {
    String name = file.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(file.toAbsolutePath().normalize().toString()
          .getBytes(StandardCharsets.UTF_8));
      return name + "-" + HexFormat.of().formatHex(hash, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isJsonLines(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT).replaceAll("\\.gz$", "");
    return name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson");
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(in, 1 << 16)
        : in;
  }

  /**
   * The next line's bytes without its line end; bytes beyond the record limit are read and dropped (the landing
   * layer refuses the record as OVERSIZE with what is kept).
   */
  private Optional<byte[]> readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    int b = in.read();
    if (b < 0) {
      return Optional.empty();
    }
    while (b >= 0 && b != '\n') {
      if (line.size() <= maxRecordBytes) {
        line.write(b);
      }
      b = in.read();
    }
    byte[] bytes = line.toByteArray();
    int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
    return Optional.of(length == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, length));
  }

  private static boolean isBlank(byte[] line) {
    for (byte b : line) {
      if (b != ' ' && b != '\t') {
        return false;
      }
    }
    return true;
  }
}
