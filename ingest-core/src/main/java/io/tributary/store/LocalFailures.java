package io.tributary.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** The {@link StoreException}s of {@link LocalFileStore}: what failed, why, and whether retrying can help. */
final class LocalFailures {

  private LocalFailures() {}

  /** The failure of {@code operation} on the object {@code key}, stored at {@code target} under {@code root}. */
  static StoreException failure(String operation, String key, Path root, Path target, IOException e) {
    String conflict = layoutConflict(root, target);
    if (conflict != null) {
      return new StoreException(
          "Cannot " + operation + " object '" + key + "' in " + root + ": " + conflict, false, e);
    }
    return new StoreException(
        "Cannot " + operation + " object '" + key + "' in " + root + ": " + describe(e), isRetryable(e), e);
  }

  /**
   * A folder cannot be both an object and a folder of objects, which S3 allows: says so plainly (such a failure is
   * never retried), or returns null when there is no such conflict at {@code target}.
   */
  static String layoutConflict(Path root, Path target) {
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
  static boolean isRetryable(IOException e) {
    return !(e instanceof NoSuchFileException
        || e instanceof AtomicMoveNotSupportedException
        || e instanceof AccessDeniedException
        || e instanceof FileAlreadyExistsException
        || e instanceof NotDirectoryException
        || e instanceof DirectoryNotEmptyException
        || e instanceof FileSystemLoopException);
  }

  static String describe(IOException e) {
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
