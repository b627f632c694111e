package io.tributary.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A folder as an object store, for developers, the demo and tests: key {@code a/b/c.parquet} is the file
 * {@code <root>/a/b/c.parquet}, so DuckDB and friends can read the folder directly.
 *
 * <p>Writes go to a uniquely named, fsynced file under {@code <root>/.tributary-tmp/} first and only then appear
 * under their key, by rename ({@link #put}) or hard link ({@link #putIfAbsent}), so a reader never sees a partial
 * object. Both are atomic across threads, instances and processes sharing the folder, as long as the file system
 * supports atomic rename and hard links (local POSIX file systems do; some network and FAT file systems do not).
 *
 * <p>Unlike S3, a folder cannot hold both {@code a} and {@code a/b}: writing one when the other exists fails with a
 * permanent {@link StoreException}. Empty folders left by {@link #delete} are not removed, because a concurrent
 * {@link #put} may be about to use them. Thread-safe; holds no open resources.
 */
public final class LocalFileStore implements ObjectStore {

  /** In-flight writes are seconds old; a temp file this old was left by a crashed process. */
  private static final Duration STALE_TEMP_AGE = Duration.ofHours(1);

  private final Path root;
  private final Path tempFolder;

  /**
   * Opens the store at {@code root}, creating the folder if missing, and removes temporary files that a crashed
   * writer left behind more than an hour ago.
   *
   * @param root the folder; may not be null
   * @throws StoreException if the folder cannot be created
   */
  public LocalFileStore(Path root) {
    Objects.requireNonNull(root, "root may not be null");
    try {
      // The real path, because the walk in list() does not follow links and the root itself may be one.
      this.root = Files.createDirectories(root.toAbsolutePath().normalize()).toRealPath();
      this.tempFolder = Files.createDirectories(this.root.resolve(ObjectKeys.LOCAL_TEMP_FOLDER));
    } catch (IOException e) {
      throw new StoreException(
          "Cannot open local object store at " + root.toAbsolutePath() + ": " + describe(e), isRetryable(e), e);
    }
    removeStaleTempFiles();
  }

  /** The folder this store writes to. */
  public Path root() {
    return root;
  }

  @Override
  public void put(String key, byte[] bytes) {
    Path target = pathOf(key);
    Objects.requireNonNull(bytes, "bytes may not be null");
    Path temp = null;
    try {
      temp = writeTemp(bytes);
      Files.createDirectories(target.getParent());
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      temp = null;
      syncFolder(target.getParent());
    } catch (IOException e) {
      throw failure("put", key, target, e);
    } finally {
      deleteQuietly(temp);
    }
  }

  @Override
  public boolean putIfAbsent(String key, byte[] bytes) {
    Path target = pathOf(key);
    Objects.requireNonNull(bytes, "bytes may not be null");
    Path temp = null;
    try {
      temp = writeTemp(bytes);
      Files.createDirectories(target.getParent());
      // link(2) either creates the name or fails with EEXIST, atomically: the fencing primitive the engine needs.
      Files.createLink(target, temp);
      syncFolder(target.getParent());
      return true;
    } catch (FileAlreadyExistsException e) {
      // Also thrown when a folder sits at the key or a file sits where a parent folder must go: no object is there.
      if (layoutConflict(target) != null) {
        throw failure("putIfAbsent", key, target, e);
      }
      return false;
    } catch (IOException e) {
      throw failure("putIfAbsent", key, target, e);
    } catch (UnsupportedOperationException e) {
      throw new StoreException(
          "Cannot putIfAbsent object '" + key + "': the file system under " + root + " has no hard links", false, e);
    } finally {
      deleteQuietly(temp);
    }
  }

  @Override
  public Optional<byte[]> get(String key) {
    Path target = pathOf(key);
    try {
      return Optional.of(Files.readAllBytes(target));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      // A folder at the key, or a file where a parent folder would be, means there is no object at the key.
      if (!Files.isRegularFile(target)) {
        return Optional.empty();
      }
      throw failure("get", key, target, e);
    }
  }

  @Override
  public List<String> list(String prefix) {
    ObjectKeys.validatePrefix(prefix);
    String folderPart = prefix.substring(0, prefix.lastIndexOf('/') + 1);
    Path start = folderPart.isEmpty() ? root : root.resolve(folderPart);
    if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    List<String> keys = new ArrayList<>();
    try {
      Files.walkFileTree(start, new KeyCollector(prefix, keys));
    } catch (IOException e) {
      throw new StoreException(
          "Cannot list objects with prefix '" + prefix + "' in " + root + ": " + describe(e), isRetryable(e), e);
    }
    keys.sort(ObjectKeys::compareUtf8);
    return keys;
  }

  @Override
  public void delete(String key) {
    Path target = pathOf(key);
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      return; // a folder of other keys, not an object: nothing to delete at this key
    }
    try {
      Files.deleteIfExists(target);
    } catch (IOException e) {
      if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        return; // a file where a parent folder would be: there is no object at this key
      }
      throw failure("delete", key, target, e);
    }
  }

  @Override
  public String toString() {
    return "LocalFileStore[" + root + "]";
  }

  private Path pathOf(String key) {
    ObjectKeys.validate(key);
    try {
      return root.resolve(key);
    } catch (InvalidPathException e) {
      // Java encodes file names in the platform charset: under LANG=C it cannot name non-ASCII keys.
      throw new StoreException(
          "Cannot store object '" + key + "' under " + root + ": the file name encoding '"
              + System.getProperty("sun.jnu.encoding") + "' cannot represent it; run the JVM with a UTF-8 locale"
              + " (e.g. LANG=C.UTF-8)",
          false,
          e);
    }
  }

  private Path writeTemp(byte[] bytes) throws IOException {
    // Recreated on every write: a developer may delete the hidden folder while the store is open.
    Files.createDirectories(tempFolder);
    // Not Files.createTempFile: that makes the object owner-only (0600), unreadable by a query engine running as
    // someone else. CREATE_NEW with a random name is just as collision-free and honours the umask.
    Path temp = tempFolder.resolve(UUID.randomUUID() + ".tmp");
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

  /**
   * Makes the new directory entry itself durable; without it a power cut can lose a renamed file whose bytes were
   * flushed. Best effort: some platforms cannot open a folder for syncing, and there the rename is all we have.
   */
  private static void syncFolder(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not supported here (for example Windows); nothing better is available.
    }
  }

  private void removeStaleTempFiles() {
    Instant cutoff = Instant.now().minus(STALE_TEMP_AGE);
    try (Stream<Path> temps = Files.list(tempFolder)) {
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

  private static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // A leftover temp file is invisible to readers and swept at the next open; the caller's outcome stands.
    }
  }

  private StoreException failure(String operation, String key, Path target, IOException e) {
    String conflict = layoutConflict(target);
    if (conflict != null) {
      return new StoreException(
          "Cannot " + operation + " object '" + key + "' in " + root + ": " + conflict, false, e);
    }
    return new StoreException(
        "Cannot " + operation + " object '" + key + "' in " + root + ": " + describe(e), isRetryable(e), e);
  }


  /** A folder cannot be both an object and a folder of objects, which S3 allows: say so plainly, and never retry. */
  private String layoutConflict(Path target) {
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      return "a folder of other keys already exists at that path (a local store cannot hold both 'k' and 'k/...')";
    }
    for (Path parent = target.getParent();
        parent != null && parent.startsWith(root) && !parent.equals(root);
        parent = parent.getParent()) {
      if (Files.exists(parent, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) {
        return "the object '" + root.relativize(parent).toString().replace('\\', '/')
            + "' is a file where a folder is needed (a local store cannot hold both 'k' and 'k/...')";
      }
    }
    return null;
  }

  /** Failures that retrying cannot fix: a missing or forbidden path, or a layout that will not change by itself. */
  private static boolean isRetryable(IOException e) {
    return !(e instanceof NoSuchFileException
        || e instanceof AtomicMoveNotSupportedException
        || e instanceof AccessDeniedException
        || e instanceof FileAlreadyExistsException
        || e instanceof NotDirectoryException
        || e instanceof DirectoryNotEmptyException
        || e instanceof FileSystemLoopException);
  }

  private static String describe(IOException e) {
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  /** Collects the regular files under a folder whose keys start with the prefix, skipping what cannot match. */
  private final class KeyCollector extends SimpleFileVisitor<Path> {
    private final String prefix;
    private final List<String> keys;

    KeyCollector(String prefix, List<String> keys) {
      this.prefix = prefix;
      this.keys = keys;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
      if (dir.equals(root)) {
        return FileVisitResult.CONTINUE;
      }
      if (dir.equals(tempFolder)) {
        return FileVisitResult.SKIP_SUBTREE;
      }
      String folder = keyOf(dir) + "/";
      // Descend only where keys can still match: "a/b/v0" enters a/b/ but not a/c/ or a/b/w/.
      boolean mayMatch = folder.startsWith(prefix) || prefix.startsWith(folder);
      return mayMatch ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      if (attrs.isRegularFile()) {
        String key = keyOf(file);
        if (key.startsWith(prefix) && isValidKey(key)) {
          keys.add(key);
        }
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
      if (e instanceof NoSuchFileException) {
        return FileVisitResult.CONTINUE; // deleted while we walked: it is simply not there
      }
      throw e;
    }

    private String keyOf(Path path) {
      return root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
    }

    /** A file someone dropped into the folder by hand ({@code a\b}) is not an object: get would reject its key. */
    private boolean isValidKey(String key) {
      try {
        ObjectKeys.validate(key);
        return true;
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
  }
}
