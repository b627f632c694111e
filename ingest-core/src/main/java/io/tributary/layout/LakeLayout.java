package io.tributary.layout;

import io.tributary.source.Position;
import io.tributary.source.SourcePartition;
import io.tributary.store.ObjectKeys;
import io.tributary.store.VersionedLog;
import java.util.UUID;

/**
 * Where everything the engine writes or reads lives in the object store, like Iceberg's {@code LocationProvider}:
 * the one place keys are made.
 *
 * <pre>
 * &lt;prefix&gt;/&lt;dataset&gt;/&lt;partition path&gt;/&lt;stream&gt;+&lt;partition&gt;+&lt;first position&gt;.parquet
 *                                                                                      data files
 * &lt;errorPrefix&gt;/&lt;dataset or _unrouted&gt;/error_type=&lt;TYPE&gt;/year=…/&lt;same file name&gt;
 *                                                                                      error files
 * &lt;prefix&gt;/_schemas/&lt;dataset&gt;/v0000000001.json                                      schema history
 * &lt;prefix&gt;/_tributary/ledger/&lt;stream&gt;/&lt;partition&gt;/00000000000000000001.json        commit ledger
 * &lt;prefix&gt;/_tributary/staging/&lt;stream&gt;/&lt;partition&gt;/&lt;uuid&gt;.bin                    staged uploads
 * &lt;prefix&gt;/_tributary/schemas/&lt;dataset&gt;/c0000000050.json                         schema history checkpoints
 * &lt;prefix&gt;/_tributary/&lt;name&gt;                                                         other engine state
 * </pre>
 *
 * Prefixes are cleaned once, here: surrounding {@code /} are dropped, the rest must be a valid key
 * ({@link ObjectKeys}); an empty prefix is the store's root. Immutable.
 */
public final class LakeLayout {
  /** The folder of the engine's own state (ledger, staging) under the prefix: never a dataset, never data. */
  public static final String STATE_FOLDER = "_tributary";
  /** The folder of the schema histories under the prefix. */
  public static final String SCHEMAS_FOLDER = "_schemas";
  /** The error folder of records that no dataset could be chosen for: it starts with {@code _}, as no dataset can. */
  public static final String UNROUTED = "_unrouted";
  /** The partition key of the error type in error paths. */
  public static final String ERROR_TYPE_KEY = "error_type";

  private final String prefix;
  private final String errorPrefix;

  /**
   * @param prefix the key prefix of data files and engine state (may be empty)
   * @param errorPrefix the key prefix of error files (may be empty)
   * @throws IllegalArgumentException if a prefix is not a valid key once cleaned
   */
  public LakeLayout(String prefix, String errorPrefix) {
    this.prefix = clean(prefix);
    this.errorPrefix = clean(errorPrefix);
  }

  /** {@code prefix} without surrounding slashes; empty for null or blank-of-slashes. */
  public static String clean(String prefix) {
    if (prefix == null) {
      return "";
    }
    int start = 0;
    int end = prefix.length();
    while (start < end && prefix.charAt(start) == '/') {
      start++;
    }
    while (end > start && prefix.charAt(end - 1) == '/') {
      end--;
    }
    String cleaned = prefix.substring(start, end);
    return cleaned.isEmpty() ? cleaned : ObjectKeys.validate(cleaned);
  }

  /** True when {@code key} is engine state (under some prefix's {@value #STATE_FOLDER} folder), never data. */
  public static boolean isState(String key) {
    return key.startsWith(STATE_FOLDER + "/") || key.contains("/" + STATE_FOLDER + "/");
  }

  /** The cleaned data prefix, empty for the root. */
  public String prefix() {
    return prefix;
  }

  /** The folder of a data buffer and its files: {@code <prefix>/<dataset>/<partitionPath>}. */
  public String dataFolder(String dataset, String partitionPath) {
    return ObjectKeys.join(prefix, dataset, partitionPath);
  }

  /**
   * The dataset of a data folder ({@link #dataFolder}): its first segment below the prefix.
   *
   * @throws IllegalArgumentException when {@code folder} is not under the data prefix
   */
  public String datasetOf(String folder) {
    String rest = folder;
    if (!prefix.isEmpty()) {
      if (!folder.startsWith(prefix + "/")) {
        throw new IllegalArgumentException("Invalid data folder: " + folder + " is not under " + prefix);
      }
      rest = folder.substring(prefix.length() + 1);
    }
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  /**
   * The folder of a failed record's error file: {@code <errorPrefix>/<dataset or _unrouted>/error_type=<TYPE>/}
   * then {@code timePath}, the time keys of the record's source timestamp (its event time is unknown or bad for many
   * failures).
   *
   * @param dataset the dataset the record was routed to, or null when none could be chosen
   * @param errorType the error type's name (upper case letters and {@code _}: nothing to escape)
   */
  public String errorFolder(String dataset, String errorType, String timePath) {
    return ObjectKeys.join(errorPrefix, dataset == null ? UNROUTED : dataset, ERROR_TYPE_KEY + "=" + errorType,
        timePath);
  }

  /**
   * The key of a file in {@code folder} whose first record is {@code first} of {@code partition}. Named from source
   * coordinates: a replay of the same records names its file the same.
   */
  public String fileKey(String folder, SourcePartition partition, Position first) {
    return ObjectKeys.join(folder, partition.stream() + "+" + partition.partition() + "+" + first + ".parquet");
  }

  /** The schema history of {@code dataset}: {@code <prefix>/_schemas/<dataset>/v0000000001.json}. */
  public VersionedLog.Location schemaLog(String dataset) {
    return new VersionedLog.Location(ObjectKeys.join(prefix, SCHEMAS_FOLDER, dataset), "v", 10);
  }

  /**
   * The checkpoints of the schema history of {@code dataset}, each the merged history up to its version:
   * {@code <prefix>/_tributary/schemas/<dataset>/c0000000050.json}. Derived state (the history of record is
   * {@link #schemaLog}), kept out of {@code _schemas/} so that a version count is still a file count there.
   */
  public VersionedLog.Location schemaCheckpoints(String dataset) {
    return new VersionedLog.Location(ObjectKeys.join(stateFolder(), "schemas", dataset), "c", 10);
  }

  /** The engine's state folder: {@code <prefix>/_tributary}. */
  public String stateFolder() {
    return ObjectKeys.join(prefix, STATE_FOLDER);
  }

  /** A key of engine state other than ledger and staging (a readiness probe): {@code <prefix>/_tributary/<name>}. */
  public String stateKey(String name) {
    return ObjectKeys.join(stateFolder(), name);
  }

  /** The commit ledger of {@code partition}: {@code <prefix>/_tributary/ledger/<stream>/<partition>/<seq>.json}. */
  public VersionedLog.Location ledger(SourcePartition partition) {
    return new VersionedLog.Location(
        ObjectKeys.join(stateFolder(), "ledger", partition.stream(), partition.partition()), "", 20);
  }

  /** A fresh staging key for a file of {@code partition}; nothing under it is visible to readers. */
  public String newStagingKey(SourcePartition partition) {
    return ObjectKeys.join(stateFolder(), "staging", partition.stream(), partition.partition(),
        UUID.randomUUID() + ".bin");
  }
}
