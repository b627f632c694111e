package io.tributary.partition;

import io.tributary.decode.FieldPath;
import io.tributary.schema.ColumnNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the records of a dataset are laid out in partitions: time keys from the event time, then extra keys from
 * fields of the event ({@code year=2026/month=03/day=07/hour=06/region=eu}).
 *
 * @param eventTimeField the dotted path of the event-time field ({@code meta.ts}), or null to partition by the source
 *     timestamp
 * @param format how the event-time field is read; only {@link EventTimeFormat#AUTO} when no field is named
 * @param granularity how deep the time keys go
 * @param extraFieldKeys dotted paths of the fields whose values become extra partition keys, in path order; a key's
 *     name is the last segment of its path, sanitized by {@link ColumnNames#sanitize(String)}
 *     ({@code meta.Region -> region}); names must be distinct and may not be a time key name
 */
public record PartitionSpec(
    String eventTimeField,
    EventTimeFormat format,
    Granularity granularity,
    List<String> extraFieldKeys) {

  /**
   * The longest partition path a spec may produce, in UTF-8 bytes. The other half of S3's 1024-byte key limit is
   * left for the prefix, the dataset name (at most 128 bytes) and the file name.
   */
  public static final int MAX_PATH_BYTES = 512;

  public PartitionSpec {
    Objects.requireNonNull(format, "format may not be null");
    Objects.requireNonNull(granularity, "granularity may not be null");
    Objects.requireNonNull(extraFieldKeys, "extraFieldKeys may not be null");
    extraFieldKeys = List.copyOf(extraFieldKeys);
    if (eventTimeField != null) {
      fieldPath(eventTimeField, "event-time field");
    } else if (format != EventTimeFormat.AUTO) {
      throw new IllegalArgumentException("Invalid event-time format: '" + format.configWord()
          + "': set without an event-time field (records are partitioned by their source timestamp); "
          + "name the field or drop the format");
    }
    checkExtraKeys(extraFieldKeys);
  }

  /** Partitions by the source timestamp, by the hour, with no extra keys. */
  public static PartitionSpec defaults() {
    return new PartitionSpec(null, EventTimeFormat.DEFAULT, Granularity.DEFAULT, List.of());
  }

  /**
   * A spec from configuration words.
   *
   * @param eventTimeField a dotted path, or null for the source timestamp
   * @param format a word of {@link EventTimeFormat#fromConfig(String)}, or null for {@code auto}
   * @param granularity a word of {@link Granularity#fromConfig(String)}, or null for {@code hour}
   * @param extraFieldKeys dotted paths, possibly empty
   * @throws IllegalArgumentException naming the bad value and what is allowed
   */
  public static PartitionSpec fromConfig(String eventTimeField, String format, String granularity,
      List<String> extraFieldKeys) {
    return new PartitionSpec(
        eventTimeField,
        format == null ? EventTimeFormat.DEFAULT : EventTimeFormat.fromConfig(format),
        granularity == null ? Granularity.DEFAULT : Granularity.fromConfig(granularity),
        extraFieldKeys);
  }

  /** The names of the extra keys, in order: what a table declares as partition columns after the time keys. */
  public List<String> extraKeyNames() {
    return extraFieldKeys.stream().map(PartitionSpec::keyName).toList();
  }

  /** Every partition key name, outermost first: the time keys of the granularity, then the extra keys. */
  public List<String> keyNames() {
    List<String> names = new ArrayList<>(granularity.keyNames());
    names.addAll(extraKeyNames());
    return List.copyOf(names);
  }

  static String keyName(String fieldPath) {
    return ColumnNames.sanitize(fieldPath(fieldPath, "partition key field").lastSegment());
  }

  /**
   * Parses a configured path.
   *
   * @param what what the path configures, for the message ("event-time field")
   * @throws IllegalArgumentException {@code "Invalid <what>: '<path>': <why>"}
   */
  static FieldPath fieldPath(String path, String what) {
    try {
      return FieldPath.parse(path);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid " + what + ": '" + path + "': " + e.getMessage()
          + " (a dotted path such as 'meta.region' is expected)", e);
    }
  }

  private static void checkExtraKeys(List<String> paths) {
    Map<String, String> pathByName = new HashMap<>();
    int worstCaseBytes = Granularity.MAX_TIME_PATH_BYTES;
    for (String path : paths) {
      String name = keyName(path);
      if (Granularity.TIME_KEY_NAMES.contains(name)) {
        throw new IllegalArgumentException("Invalid partition key field: '" + path + "': its key name '" + name
            + "' is a time key name; the names " + Granularity.TIME_KEY_NAMES + " are reserved");
      }
      String previous = pathByName.putIfAbsent(name, path);
      if (previous != null) {
        throw new IllegalArgumentException("Invalid partition key field: '" + path + "': its key name '" + name
            + "' is also the key name of '" + previous + "'; a key name is the last path segment, sanitized");
      }
      worstCaseBytes += 1 + name.length() + 1 + HivePartitionValues.MAX_VALUE_BYTES;
    }
    if (worstCaseBytes > MAX_PATH_BYTES) {
      throw new IllegalArgumentException("Invalid partition key fields: " + paths + ": a partition path could reach "
          + worstCaseBytes + " bytes (each value takes up to " + HivePartitionValues.MAX_VALUE_BYTES
          + "), over the limit of " + MAX_PATH_BYTES + "; use fewer keys or fields with shorter names");
    }
  }
}
