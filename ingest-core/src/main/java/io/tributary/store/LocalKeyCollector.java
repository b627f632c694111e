package io.tributary.store;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Collects the keys of {@link LocalFileStore#list}: the regular files under a store's root whose keys start with
 * the prefix, skipping the temp folder, every folder that cannot match, and files whose names are not valid keys.
 */
final class LocalKeyCollector extends SimpleFileVisitor<Path> {
  private final Path root;
  private final Path tempFolder;
  private final String prefix;
  private final List<String> keys;

  /** Adds to {@code keys} the keys under {@code root} (a real path) that start with {@code prefix}. */
  LocalKeyCollector(Path root, Path tempFolder, String prefix, List<String> keys) {
    this.root = root;
    this.tempFolder = tempFolder;
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
      if (key.startsWith(prefix) && ObjectKeys.isValid(key)) {
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
}
