package io.tributary.store;

import static io.tributary.store.LocalFailures.describe;
import static io.tributary.store.LocalFailures.isRetryable;
import static io.tributary.store.LocalTempFolder.deleteQuietly;
import static io.tributary.store.LocalTempFolder.syncFolder;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
 *
 * <p>The temp folder is {@link LocalTempFolder}, listing walks the folder with {@link LocalKeyCollector}, and
 * {@link LocalFailures} words failures and tells the retryable ones.
 */
public final class LocalFileStore implements ObjectStore {

  private final Path root;
  private final LocalTempFolder temps;

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
      this.temps = new LocalTempFolder(Files.createDirectories(this.root.resolve(ObjectKeys.LOCAL_TEMP_FOLDER)));
    } catch (IOException e) {
      throw new StoreException(
          "Cannot open local object store at " + root.toAbsolutePath() + ": " + describe(e), isRetryable(e), e);
    }
    temps.removeStaleFiles();
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
      temp = temps.write(bytes);
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
      temp = temps.write(bytes);
      Files.createDirectories(target.getParent());
      // link(2) either creates the name or fails with EEXIST, atomically: the fencing primitive the engine needs.
      Files.createLink(target, temp);
      syncFolder(target.getParent());
      return true;
    } catch (FileAlreadyExistsException e) {
      // Also thrown when a folder sits at the key or a file sits where a parent folder must go: no object is there.
      if (LocalFailures.layoutConflict(root, target) != null) {
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

  /**
   * A hard link to the source file, moved into place by rename: no byte is copied, and the copy stays whole when the
   * source is deleted. Objects are never changed in place ({@link #put} replaces by rename), so the two names can
   * share a file. Where the file system has no hard links, the bytes are copied.
   */
  @Override
  public boolean copy(String from, String to) {
    Path source = pathOf(from);
    Path target = pathOf(to);
    Path temp = null;
    try {
      temp = temps.newPath();
      try {
        Files.createLink(temp, source);
      } catch (UnsupportedOperationException noLinks) {
        Files.copy(source, temp);
      }
      Files.createDirectories(target.getParent());
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      temp = null;
      syncFolder(target.getParent());
      return true;
    } catch (NoSuchFileException e) {
      if (Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
        throw failure("copy", to, target, e);
      }
      return false;
    } catch (IOException e) {
      if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
        return false; // a folder at the source key, or a file where its parent folder would be: no object
      }
      throw failure("copy", to, target, e);
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
      Files.walkFileTree(start, new LocalKeyCollector(root, temps.path(), prefix, keys));
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

  private StoreException failure(String operation, String key, Path target, IOException e) {
    return LocalFailures.failure(operation, key, root, target, e);
  }
}
