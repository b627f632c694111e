package io.tributary.errors;

import io.tributary.error.ErrorType;
import io.tributary.source.SourceRecord;
import io.tributary.routing.DatasetNames;
import java.util.Objects;

/**
 * A record that cannot be landed in its dataset, with why: it becomes one row of the error prefix.
 *
 * @param type the kind of failure, which is also the error file's {@code error_type} partition
 * @param message why, in words for operators; never blank
 * @param dataset the dataset the record was routed to, or null when it was not routed (a decode or routing failure);
 *     when set, a name for which {@link DatasetNames#isValid(String)} holds
 * @param record the record exactly as the source handed it over
 * @param ingestMicros when Tributary took the record in, in microseconds since the epoch (UTC)
 */
public record FailedRecord(ErrorType type, String message, String dataset, SourceRecord record, long ingestMicros) {
  public FailedRecord {
    Objects.requireNonNull(type, "type may not be null");
    Objects.requireNonNull(message, "message may not be null");
    Objects.requireNonNull(record, "record may not be null");
    if (message.isBlank()) {
      throw new IllegalArgumentException("Invalid failed record: message may not be blank");
    }
    if (dataset != null && !DatasetNames.isValid(dataset)) {
      throw new IllegalArgumentException("Invalid failed record: dataset '" + dataset
          + "': must match [a-z][a-z0-9_]* with at most " + DatasetNames.MAX_LENGTH
          + " characters, or be null for an unrouted record");
    }
  }
}
