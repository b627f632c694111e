package io.tributary.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** `run`'s log formats: chosen by option or environment, ISO-8601 times, and the logback files load cleanly. */
class LogFormatTest {

  @Test
  void theOptionWinsOverTheEnvironmentAndJsonIsTheDefault() {
    assertThat(LogFormat.of(List.of("run", "--log-format", "plain"), "json")).contains(LogFormat.PLAIN);
    assertThat(LogFormat.of(List.of("run", "--log-format=PLAIN"), null)).contains(LogFormat.PLAIN);
    assertThat(LogFormat.of(List.of("run"), "plain")).contains(LogFormat.PLAIN);
    assertThat(LogFormat.of(List.of("run"), null)).contains(LogFormat.JSON);
    assertThat(LogFormat.of(List.of("run"), " ")).contains(LogFormat.JSON);
    assertThat(LogFormat.of(List.of("run"), "xml")).isEmpty();
  }

  @Test
  void jsonLinesCarryAnIsoInstant() throws Exception {
    LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
    IsoJsonEncoder encoder = new IsoJsonEncoder();
    encoder.setContext(context);
    encoder.setWithFormattedMessage(true);
    encoder.start();
    LoggingEvent event = new LoggingEvent("x", context.getLogger("io.tributary.Test"), Level.INFO,
        "landed {} files", null, new Object[] {3});
    event.setTimeStamp(Instant.parse("2025-11-21T06:00:00.123Z").toEpochMilli());
    JsonNode line = new ObjectMapper().readTree(new String(encoder.encode(event), StandardCharsets.UTF_8));
    assertThat(line.get("timestamp").asText()).isEqualTo("2025-11-21T06:00:00.123Z");
    assertThat(line.get("level").asText()).isEqualTo("INFO");
    assertThat(line.get("formattedMessage").asText()).isEqualTo("landed 3 files");
  }

  @Test
  void everyRunLogbackFileLoadsWithoutErrorsAndQuietsKafkasRetries() throws Exception {
    for (LogFormat format : LogFormat.values()) {
      LoggerContext context = new LoggerContext();
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(getClass().getClassLoader().getResource(format.logbackFile()));
      assertThat(context.getStatusManager().getCopyOfStatusList()).as(format.logbackFile())
          .noneMatch(status -> status.getLevel() >= Status.WARN);
      assertThat(context.getLogger("org.apache.kafka.clients.NetworkClient").getEffectiveLevel())
          .isEqualTo(Level.ERROR);
      assertThat(context.getLogger("org.apache.kafka.streams.StreamsConfig").getEffectiveLevel())
          .isEqualTo(Level.ERROR);
      assertThat(context.getLogger("io.tributary").getEffectiveLevel()).isEqualTo(Level.INFO);
    }
  }
}
