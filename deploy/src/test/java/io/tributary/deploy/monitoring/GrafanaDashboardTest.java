package io.tributary.deploy.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusNamingConvention;
import io.tributary.metrics.TributaryMeter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Guards deploy/monitoring/grafana-dashboard.json, the Prometheus twin of the CloudWatch dashboard: it parses, every
 * engine meter has a panel, every query names a metric the engine exports (Prometheus names: dots to underscores,
 * then the type's suffix), and latency percentiles come from the histogram summed over tasks.
 */
class GrafanaDashboardTest {

  private static final Pattern METRIC = Pattern.compile("\\b(tributary_[a-z_]+)\\b");

  @Test
  void everyPanelQueriesMetricsTheEngineExports() throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(Path.of("monitoring", "grafana-dashboard.json").toFile());
    List<String> expressions = new ArrayList<>();
    for (JsonNode panel : dashboard.get("panels")) {
      assertThat(panel.get("targets")).as(panel.get("title").asText()).isNotEmpty();
      panel.get("targets").forEach(target -> expressions.add(target.get("expr").asText()));
    }
    Set<String> used = new TreeSet<>();
    expressions.forEach(expr -> {
      Matcher m = METRIC.matcher(expr);
      while (m.find()) {
        used.add(m.group(1));
      }
    });
    List<String> exported = Arrays.stream(TributaryMeter.values()).map(GrafanaDashboardTest::prometheusName)
        .toList();
    assertThat(used).allSatisfy(name -> assertThat(exported).as(name).anyMatch(name::startsWith));
    assertThat(exported).allSatisfy(name -> assertThat(used).as(name).anyMatch(u -> u.startsWith(name)));
    assertThat(expressions).anyMatch(e -> e.startsWith("histogram_quantile(0.99, sum by (le) "
        + "(rate(tributary_latency_seconds_bucket"));
  }

  /** The name Prometheus shows: {@code tributary.written.records} counter is {@code tributary_written_records_total}. */
  private static String prometheusName(TributaryMeter meter) {
    String name = new PrometheusNamingConvention().name(meter.meterName(), meter.type(), meter.baseUnit());
    return meter.type() == Meter.Type.COUNTER ? name + "_total" : name;
  }

}
