package io.tributary.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The hidden folder where {@link LocalFileStore} writes each object, fsynced, before it appears under its key, and
 * the fsync of a folder that makes a new name durable. Thread-safe; holds no open resources.
 */
final class LocalTempFolder {

  /** In-flight writes are seconds old; a temp file this old was left by a crashed process. */
  private static final Duration STALE_TEMP_AGE = Duration.ofHours(1);

  private final Path folder;

  LocalTempFolder(Path folder) {
    this.folder = folder;
  }

  /** The folder itself: not part of the key space. */
  Path path() {
    return folder;
  }

  /** Writes {@code bytes} to a new, uniquely named temp file and forces it to disk; returns the file. */
  Path write(byte[] bytes) throws IOException {
    // Not Files.createTempFile: that makes the object owner-only (0600), unreadable by a query engine running as
    // someone else. CREATE_NEW with a random name is just as collision-free and honours the umask.
    Path temp = newPath();
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(temp);
      throw e;
    }
    return temp;
  }

  /** A new, uniquely named path in the folder, not created yet. */
  Path newPath() throws IOException {
    // Recreated every time: a developer may delete the hidden folder while the store is open.
    Files.createDirectories(folder);
    return folder.resolve(UUID.randomUUID() + ".tmp");
  }

  /** Removes the temporary files that a crashed writer left behind more than an hour ago. Never fails. */
  void removeStaleFiles() {
    Instant cutoff = Instant.now().minus(STALE_TEMP_AGE);
    try (Stream<Path> temps = Files.list(folder)) {
      temps.forEach(temp -> {
        try {
          if (Files.getLastModifiedTime(temp, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(cutoff)) {
            Files.deleteIfExists(temp);
          }
        } catch (IOException e) {
          // Another instance sweeping the same folder got there first, or the file is not ours to delete.
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // Leftover temp files only cost disk space; never refuse to open the store over them.
    }
  }

  /** Deletes {@code temp} if it is not null, ignoring failures. */
  static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // A leftover temp file is invisible to readers and swept at the next open; the caller's outcome stands.
    }
  }

  /**
   * Makes the new directory entry itself durable; without it a power cut can lose a renamed file whose bytes were
   * flushed. Best effort: some platforms cannot open a folder for syncing, and there the rename is all we have.
   */
  static void syncFolder(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not supported here (for example Windows); nothing better is available.
    }
  }
}
