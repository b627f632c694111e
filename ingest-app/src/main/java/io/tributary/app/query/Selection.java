package io.tributary.app.query;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * Which files of a lake a query reads: some datasets (all when empty) and partitions from an hour on (all when
 * absent). Applied to file paths relative to the data or error prefix ({@code <dataset>/…/year=/month=/day=/hour=/
 * …}): over S3 only these files are downloaded.
 *
 * @param datasets the datasets to read; empty for every dataset
 * @param since the first hour to read; partitions that end before it are skipped
 */
public record Selection(Set<String> datasets, Optional<LocalDateTime> since) {

  public static final Selection ALL = new Selection(Set.of(), Optional.empty());

  public Selection {
    datasets = Set.copyOf(datasets);
  }

  /** Whether nothing is left out. */
  public boolean all() {
    return datasets.isEmpty() && since.isEmpty();
  }

  /** Whether the dataset is read. */
  public boolean includesDataset(String dataset) {
    return datasets.isEmpty() || datasets.contains(dataset);
  }

  /** Whether the file at {@code relativePath} (its first segment the dataset) is read. */
  public boolean includes(String relativePath) {
    String[] segments = relativePath.split("/");
    if (!includesDataset(segments[0])) {
      return false;
    }
    if (since.isEmpty()) {
      return true;
    }
    int[] time = {-1, 1, 1, 0};
    ChronoUnit unit = null;
    String[] keys = {"year=", "month=", "day=", "hour="};
    ChronoUnit[] units = {ChronoUnit.YEARS, ChronoUnit.MONTHS, ChronoUnit.DAYS, ChronoUnit.HOURS};
    for (String segment : segments) {
      for (int i = 0; i < keys.length; i++) {
        if (segment.startsWith(keys[i]) && segment.substring(keys[i].length()).matches("\\d{1,4}")) {
          time[i] = Integer.parseInt(segment.substring(keys[i].length()));
          unit = units[i];
        }
      }
    }
    if (unit == null || time[0] < 0) {
      return true;
    }
    LocalDateTime end = LocalDateTime.of(time[0], time[1], time[2], time[3], 0).plus(1, unit);
    return end.isAfter(since.get());
  }
}
