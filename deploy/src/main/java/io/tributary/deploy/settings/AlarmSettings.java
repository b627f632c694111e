package io.tributary.deploy.settings;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tributary.config.Durations;
import java.time.Duration;

/**
 * Alarm thresholds; every alarm notifies the stack's SNS topic.
 *
 * @param email an address subscribed to the topic (it must confirm); null for none
 * @param errorRecordsPer5Minutes alarm when more records than this go to the error prefix in 5 minutes (default 100)
 * @param lagThreshold alarm when the lag stays above this for 15 minutes (default 5 times the scaling target)
 * @param noDataWithin alarm when no data file is committed for this long (default 1h; from 5m to 1d)
 */
public record AlarmSettings(String email,
    @JsonProperty("error-records-per-5-minutes") Integer errorRecordsPer5Minutes, Double lagThreshold,
    Duration noDataWithin) {

  public AlarmSettings {
    if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw new IllegalArgumentException("alarms.email: '" + email + "' is not an email address");
    }
    errorRecordsPer5Minutes = Check.between(Check.orDefault(errorRecordsPer5Minutes, 100),
        "alarms.error-records-per-5-minutes", 0, Integer.MAX_VALUE);
    noDataWithin = Check.orDefault(noDataWithin, Duration.ofHours(1));
    if (noDataWithin.compareTo(Duration.ofMinutes(5)) < 0 || noDataWithin.compareTo(Duration.ofDays(1)) > 0
        || noDataWithin.toSeconds() % 300 != 0) {
      throw new IllegalArgumentException("alarms.no-data-within: " + Durations.text(noDataWithin) + " is not allowed:"
          + " a multiple of 5m from 5m to 1d");
    }
  }

  /** The lag alarm's threshold: the configured one, else 5 times the scaling target. */
  public double lagThreshold(double lagTarget) {
    return lagThreshold != null ? lagThreshold : 5 * lagTarget;
  }
}
