package io.tributary.partition;

import io.tributary.decode.BigNumber;
import io.tributary.decode.FieldPath;
import io.tributary.error.ErrorType;
import io.tributary.source.SourceRecord;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes the partition path of each record of a dataset from its {@link PartitionSpec}. Immutable and
 * thread-safe.
 *
 * <p>Event time: the configured field read in the configured format. The source timestamp stands in when no field is
 * configured and also when the field is missing, null, or under a parent that is not an object: the event does not
 * say when it happened, so when it arrived is the best guess, and a record is not worth failing for that. A field
 * that is present but cannot be read (or lies outside the years 1 to 9999) says something wrong, so the record fails
 * with {@link ErrorType#EVENT_TIME} rather than land in an hour chosen by accident. A source timestamp outside those
 * years fails the same way.
 *
 * <p>Extra keys: strings as they are; numbers and booleans as their JSON text; a missing or null field, an object or
 * an array as {@value HivePartitionValues#DEFAULT_PARTITION} (NULL to every reader). Every value is escaped by
 * {@link HivePartitionValues#escape(String)}.
 */
public final class Partitioner {
  // Error rows show the start of the bad value only: the whole of a huge string adds nothing.
  private static final int MAX_QUOTED_CHARS = 100;

  private final PartitionSpec spec;
  private final FieldPath eventTimePath;
  private final List<FieldPath> extraPaths;
  private final List<String> extraNames;
  private final TimePaths timePaths;

  /** A partitioner for {@code spec}; may not be null. */
  public Partitioner(PartitionSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec may not be null");
    this.eventTimePath = spec.eventTimeField() == null
        ? null
        : PartitionSpec.fieldPath(spec.eventTimeField(), "event-time field");
    this.extraPaths = spec.extraFieldKeys().stream()
        .map(path -> PartitionSpec.fieldPath(path, "partition key field"))
        .toList();
    this.extraNames = spec.extraKeyNames();
    this.timePaths = new TimePaths(spec.granularity());
  }

  /** The spec this partitioner follows. */
  public PartitionSpec spec() {
    return spec;
  }

  /**
   * The partition of one record.
   *
   * @param record the record as the source handed it over, for its timestamp; may not be null
   * @param event the decoded event; may not be null
   */
  public PartitionResult partition(SourceRecord record, Map<String, Object> event) {
    Objects.requireNonNull(record, "record may not be null");
    Objects.requireNonNull(event, "event may not be null");
    Object timeValue = eventTimePath == null ? null : eventTimePath.valueIn(event);
    long eventTime;
    if (timeValue == null) {
      Long sourceMicros = EventTimes.fromSourceMillis(record.timestampMillis());
      if (sourceMicros == null) {
        return new PartitionResult.Failed(ErrorType.EVENT_TIME, "source timestamp " + record.timestampMillis()
            + " ms" + (eventTimePath == null ? "" : " (event-time field '" + spec.eventTimeField() + "' is absent)")
            + " is outside the years 1 to 9999");
      }
      eventTime = sourceMicros;
    } else {
      Long micros = spec.format().toMicros(timeValue);
      if (micros == null) {
        return new PartitionResult.Failed(ErrorType.EVENT_TIME, "event-time field '" + spec.eventTimeField()
            + "' value " + describe(timeValue) + " is not a time in format " + spec.format().configWord()
            + " within the years 1 to 9999");
      }
      eventTime = micros;
    }
    String timePath = timePaths.of(eventTime);
    if (extraPaths.isEmpty()) {
      return new PartitionResult.Partitioned(timePath, eventTime);
    }
    StringBuilder path = new StringBuilder(64).append(timePath);
    for (int i = 0; i < extraPaths.size(); i++) {
      String value = extraPaths.get(i).textOrNull(event);
      path.append('/').append(HivePartitionValues.keyValue(extraNames.get(i), value));
    }
    return new PartitionResult.Partitioned(path.toString(), eventTime);
  }

  private static String describe(Object value) {
    if (value instanceof String s) {
      return s.length() <= MAX_QUOTED_CHARS
          ? "'" + s + "'"
          : "'" + s.substring(0, cutIndex(s)) + "...' (" + s.length() + " characters)";
    }
    if (value instanceof BigNumber big) {
      return big.text().length() <= MAX_QUOTED_CHARS ? big.text() : big.text().substring(0, MAX_QUOTED_CHARS) + "...";
    }
    if (value instanceof Map) {
      return "(an object)";
    }
    if (value instanceof List) {
      return "(an array)";
    }
    return String.valueOf(value);
  }

  private static int cutIndex(String s) {
    return Character.isHighSurrogate(s.charAt(MAX_QUOTED_CHARS - 1)) ? MAX_QUOTED_CHARS - 1 : MAX_QUOTED_CHARS;
  }
}
