package io.tributary.app.logging;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Logback's JSON lines with the time as an ISO-8601 instant ({@code "timestamp":"2025-11-21T06:00:00.123Z"})
 * instead of epoch milliseconds: readable in a terminal and parsed as a date by CloudWatch Logs Insights.
 */
public final class IsoJsonEncoder extends JsonEncoder {

  public IsoJsonEncoder() {
    setWithTimestamp(false);
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    String json = new String(super.encode(event), StandardCharsets.UTF_8);
    String time = "{\"timestamp\":\"" + Instant.ofEpochMilli(event.getTimeStamp()) + "\"";
    String rest = json.substring(json.indexOf('{') + 1);
    return (rest.startsWith("}") ? time + rest : time + "," + rest).getBytes(StandardCharsets.UTF_8);
  }
}
