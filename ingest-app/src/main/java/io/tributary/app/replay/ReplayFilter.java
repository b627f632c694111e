package io.tributary.app.replay;

import io.tributary.error.ErrorType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which error rows a replay takes: by dataset ({@code _unrouted} for records no dataset was chosen for), by error
 * type, and by source time. Time selects whole error folders (an hour by default, {@code errors.granularity}): a
 * folder is taken when one of its rows is from {@code since} (inclusive) to {@code until} (exclusive), so that a
 * later replay with other times can never find a record below what an earlier one made durable.
 *
 * @param dataset the dataset, empty for all
 * @param errorType the error type, empty for all
 * @param since the earliest source time, empty for no bound
 * @param until the source time to stop before, empty for no bound
 */
public record ReplayFilter(Optional<String> dataset, Optional<ErrorType> errorType, Optional<Instant> since,
    Optional<Instant> until) {

  /** Every error row. */
  public static final ReplayFilter ALL = new ReplayFilter(Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty());

  public ReplayFilter {
    if (since.isPresent() && until.isPresent() && !since.get().isBefore(until.get())) {
      throw new IllegalArgumentException("Cannot replay: --since " + since.get() + " is not before --until "
          + until.get());
    }
  }

  /** The filter of the command's options; each may be null. */
  public static ReplayFilter of(String dataset, String errorType, String since, String until) {
    return new ReplayFilter(Optional.ofNullable(dataset), Optional.ofNullable(errorType).map(ReplayFilter::type),
        Optional.ofNullable(since).map(t -> time("--since", t)), Optional.ofNullable(until).map(t -> time("--until",
        t)));
  }

  boolean takesFolder(String datasetFolder, String type) {
    return dataset.map(datasetFolder::equals).orElse(true) && errorType.map(t -> t.name().equals(type)).orElse(true);
  }

  boolean takesTime(long sourceMillis) {
    return since.map(s -> sourceMillis >= s.toEpochMilli()).orElse(true)
        && until.map(u -> sourceMillis < u.toEpochMilli()).orElse(true);
  }

  private static ErrorType type(String name) {
    try {
      return ErrorType.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Cannot replay: --error-type '" + name + "' is not an error type: one of "
          + Arrays.toString(ErrorType.values()));
    }
  }

  /** An instant ({@code 2026-12-06T10:30:00Z}), or a UTC date ({@code 2026-12-06}) or hour ({@code 2026-12-06T10}). */
  private static Instant time(String option, String text) {
    try {
      if (text.endsWith("Z")) {
        return Instant.parse(text);
      }
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return LocalDateTime.parse(text.length() == 13 ? text + ":00" : text).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Cannot replay: " + option + " '" + text + "' is not a time: give "
          + "2026-12-06, 2026-12-06T10 (UTC) or an instant like 2026-12-06T10:30:00Z");
    }
  }
}
