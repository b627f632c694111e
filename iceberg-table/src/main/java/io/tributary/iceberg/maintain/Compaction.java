package io.tributary.iceberg.maintain;

import io.tributary.iceberg.IcebergDataFiles;
import io.tributary.iceberg.IcebergSchemas;
import io.tributary.parquet.InMemoryOutputFile;
import io.tributary.parquet.ParquetRowWriter;
import io.tributary.parquet.WriteOptions;
import io.tributary.schema.DatasetSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.RewriteFiles;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.PositionOutputStream;
import org.apache.iceberg.io.SeekableInputStream;

/**
 * Compaction of one table's small files, partition by partition: the small files of a partition whose newest file
 * was committed at least {@code min-age} ago are read back ({@link DataFileRows}), written again in commit order as
 * files near the target size by the engine's own writer (Iceberg field ids, metrics from the footer:
 * {@link IcebergDataFiles}), and swapped in by ONE {@link RewriteFiles} commit per partition, validated from the
 * snapshot the files were planned on: a concurrent append only adds files and commits on top, a concurrent rewrite of
 * the same files makes this one fail validation (its new files are then deleted, nothing else changes). A reader
 * sees the old files or the new ones, never both.
 */
final class Compaction {
  /** The snapshot summary property that marks maintenance commits, with what they did. */
  static final String SUMMARY = "tributary-maintenance";

  private Compaction() {}

  /** The small files of one partition to rewrite, grouped in bins of about the target size (two files or more). */
  record Partition(String path, StructLike partition, int files, List<List<DataFile>> bins) {
    int rewritten() {
      return bins.stream().mapToInt(List::size).sum();
    }
  }

  /** What a partition's rewrite did; {@code committed} false when it was given up (nothing changed). */
  record Result(String path, int filesBefore, int filesAfter, int filesRewritten, long bytesRewritten,
      long bytesWritten, boolean committed) {}

  /** The partitions of {@code table}'s current snapshot to compact now. */
  static List<Partition> plan(Table table, MaintenanceSettings settings, long nowMillis) {
    Snapshot current = table.currentSnapshot();
    if (current == null) {
      return List.of();
    }
    Map<Long, Long> committedAt = new HashMap<>();
    for (Snapshot snapshot : table.snapshots()) {
      committedAt.put(snapshot.sequenceNumber(), snapshot.timestampMillis());
    }
    Map<String, Group> groups = new LinkedHashMap<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(current.snapshotId()).planFiles()) {
      for (FileScanTask task : tasks) {
        DataFile file = task.file().copyWithoutStats();
        String path = table.specs().get(file.specId()).partitionToPath(file.partition());
        Group group = groups.computeIfAbsent(file.specId() + "/" + path, k -> new Group(path, file));
        group.files.add(file);
        group.deletes |= !task.deletes().isEmpty();
        // A file whose snapshot was expired is older than the retention; no sequence number: take it as new.
        Long seq = file.fileSequenceNumber();
        group.newest = Math.max(group.newest, seq == null ? nowMillis : committedAt.getOrDefault(seq, 0L));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot plan the files of " + table.name(), e);
    }
    List<Partition> plans = new ArrayList<>();
    for (Group group : groups.values()) {
      boolean quiet = nowMillis - group.newest >= settings.minAge().toMillis();
      if (quiet && !group.deletes && group.specId == table.spec().specId()) {
        List<List<DataFile>> bins = bins(group.files, settings);
        if (!bins.isEmpty()) {
          plans.add(new Partition(group.path, group.partition, group.files.size(), bins));
        }
      }
    }
    return plans;
  }

  /** The small files in commit order, packed greedily into bins of at most the target size; single files stay. */
  private static List<List<DataFile>> bins(List<DataFile> files, MaintenanceSettings settings) {
    List<DataFile> small = files.stream().filter(f -> f.fileSizeInBytes() < settings.smallFileSize())
        .sorted(Comparator.comparing((DataFile f) -> f.fileSequenceNumber() == null ? Long.MAX_VALUE
            : f.fileSequenceNumber()).thenComparing(f -> f.location()))
        .toList();
    List<List<DataFile>> bins = new ArrayList<>();
    List<DataFile> bin = new ArrayList<>();
    long bytes = 0;
    for (DataFile file : small) {
      if (!bin.isEmpty() && bytes + file.fileSizeInBytes() > settings.targetFileSize()) {
        bins.add(bin);
        bin = new ArrayList<>();
        bytes = 0;
      }
      bin.add(file);
      bytes += file.fileSizeInBytes();
    }
    bins.add(bin);
    return bins.stream().filter(b -> b.size() > 1).toList();
  }

  /**
   * Rewrites one planned partition and commits the swap, unless {@code leader} says this task lost its lease.
   *
   * @param fromSnapshot the snapshot the plan was made on: the rewrite is validated from it
   * @param schema the dataset's schema version the table is at: the rewritten files' columns
   */
  static Result rewrite(Table table, long fromSnapshot, Partition plan, DatasetSchema schema, WriteOptions options,
      BooleanSupplier leader) {
    DatasetSchema withTime = IcebergDataFiles.withEventTime(schema);
    List<DataFile> written = new ArrayList<>();
    long bytesRewritten = 0;
    long bytesWritten = 0;
    boolean committing = false;
    try {
      for (List<DataFile> bin : plan.bins()) {
        DataFile file = writeBin(table, plan, bin, withTime, options);
        written.add(file);
        bytesWritten += file.fileSizeInBytes();
        bytesRewritten += bin.stream().mapToLong(DataFile::fileSizeInBytes).sum();
      }
      if (!leader.getAsBoolean()) {
        deleteAll(table.io(), written);
        return new Result(plan.path(), plan.files(), plan.files(), 0, 0, 0, false);
      }
      RewriteFiles rewrite = table.newRewrite().validateFromSnapshot(fromSnapshot).set(SUMMARY, "compaction");
      plan.bins().forEach(bin -> bin.forEach(rewrite::deleteFile));
      written.forEach(rewrite::addFile);
      committing = true;
      rewrite.commit();
    } catch (ValidationException | CommitFailedException e) {
      // Not committed: another task rewrote some of these files first (or kept winning). Ours are nobody's.
      deleteAll(table.io(), written);
      return new Result(plan.path(), plan.files(), plan.files(), 0, 0, 0, false);
    } catch (CommitStateUnknownException e) {
      throw e; // maybe committed: the files stay; if they are not in the table, orphan cleanup removes them
    } catch (RuntimeException e) {
      if (!committing) {
        deleteAll(table.io(), written);
      }
      throw e;
    }
    int rewritten = plan.rewritten();
    return new Result(plan.path(), plan.files(), plan.files() - rewritten + written.size(), rewritten,
        bytesRewritten, bytesWritten, true);
  }

  private static DataFile writeBin(Table table, Partition plan, List<DataFile> bin, DatasetSchema withTime,
      WriteOptions options) {
    InMemoryOutputFile out = new InMemoryOutputFile();
    try {
      ParquetRowWriter.writeAll(out, withTime, options, new BinRows(table.io(), bin, withTime),
          plain -> IcebergDataFiles.withIds(plain, table.schema()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot compact partition " + plan.path() + " of " + table.name(), e);
    }
    byte[] bytes = out.toByteArray();
    String location = table.locationProvider().newDataLocation(table.spec(), plan.partition(),
        "compacted-" + UUID.randomUUID() + ".parquet");
    try (PositionOutputStream stream = table.io().newOutputFile(location).create()) {
      stream.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + location, e);
    }
    DataFile file = IcebergDataFiles.describe(location, bytes, table.spec(), MetricsConfig.forTable(table));
    long expected = bin.stream().mapToLong(DataFile::recordCount).sum();
    if (file.recordCount() != expected) {
      table.io().deleteFile(location);
      throw new IllegalStateException("Cannot compact partition " + plan.path() + " of " + table.name() + ": read "
          + file.recordCount() + " rows from files that hold " + expected);
    }
    return file;
  }

  private static void deleteAll(FileIO io, List<DataFile> files) {
    files.forEach(f -> io.deleteFile(f.location()));
  }

  /**
   * The schema version {@code table} is at: the newest of {@code versions} whose every column the table has with
   * the same id (the history may be ahead of a table that has not had a file of the newest version yet).
   *
   * @throws IllegalStateException when no version matches (a table changed by another writer)
   */
  static DatasetSchema tableVersion(Table table, List<DatasetSchema> versions) {
    List<org.apache.iceberg.Schema> replayed = IcebergSchemas.replay(versions);
    Map<String, Integer> theirs = org.apache.iceberg.types.TypeUtil.indexByName(table.schema().asStruct());
    for (int v = versions.size(); v >= 1; v--) {
      Map<String, Integer> ours = org.apache.iceberg.types.TypeUtil.indexByName(replayed.get(v - 1).asStruct());
      if (theirs.entrySet().containsAll(ours.entrySet())) {
        return versions.get(v - 1);
      }
    }
    throw new IllegalStateException("Cannot compact " + table.name() + ": no version of its schema history has the "
        + "table's field ids");
  }

  /** The rows of a bin's files in order, one file in memory at a time. */
  private static final class BinRows implements Iterator<Object[]> {
    private final FileIO io;
    private final Deque<DataFile> files;
    private final DatasetSchema schema;
    private Iterator<Object[]> current = java.util.Collections.emptyIterator();

    BinRows(FileIO io, List<DataFile> files, DatasetSchema schema) {
      this.io = io;
      this.files = new ArrayDeque<>(files);
      this.schema = schema;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && !files.isEmpty()) {
        String location = files.poll().location();
        current = new DataFileRows(read(io, location), schema.root(), location);
      }
      return current.hasNext();
    }

    @Override
    public Object[] next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }
  }

  static byte[] read(FileIO io, String location) {
    try (SeekableInputStream in = io.newInputFile(location).newStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + location, e);
    }
  }

  /** The files of one partition while planning. */
  private static final class Group {
    final String path;
    final StructLike partition;
    final int specId;
    final List<DataFile> files = new ArrayList<>();
    boolean deletes;
    long newest;

    Group(String path, DataFile first) {
      this.path = path;
      this.partition = first.partition();
      this.specId = first.specId();
    }
  }
}
