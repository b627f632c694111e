package io.tributary.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.error.ErrorType;
import io.tributary.metrics.LandingMetrics;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Guards the Prometheus side of the metrics: the text {@code /metrics} serves holds every landing meter with all of
 * its tags (the CloudWatch dimension filter does not reach it), and scraping a disabled registry says so.
 */
class PrometheusScrapeTest {

  @Test
  void theScrapeHoldsTheLandingMetersWithAllTheirTags() {
    try (MetricsRegistries registries = MetricsRegistries.create(MetricsSettings.defaults())) {
      LandingMetrics metrics = LandingMetrics.bind(registries.registry(), () -> 4096, () -> 12.5);
      for (int i = 0; i < 5; i++) {
        metrics.landed(100);
      }
      metrics.errored(ErrorType.EVENT_TIME, "orders", 10);
      metrics.dataFileCommitted("orders", 100, 2048, 1500);

      String text = registries.scrape();

      assertThat(text)
          .contains("tributary_received_records_total{outcome=\"landed\"} 5.0")
          .contains("tributary_received_bytes_total 510.0")
          .contains("tributary_error_records_total{dataset=\"orders\",error_type=\"EVENT_TIME\"} 1.0")
          .contains("tributary_written_records_total{dataset=\"orders\"} 100.0")
          .contains("tributary_latency_seconds_count{dataset=\"orders\"} 1")
          .contains("tributary_latency_seconds_bucket{dataset=\"orders\",le=\"1.431655765\"} 0")
          .contains("tributary_latency_seconds_bucket{dataset=\"orders\",le=\"1.789569706\"} 1")
          .contains("jvm_memory_used_bytes{", "jvm_gc_", "jvm_threads_live_threads", "process_cpu_usage",
              "process_uptime_seconds")
          .contains("tributary_buffered_bytes 4096.0")
          .contains("tributary_freshness_seconds 12.5");
    }
  }

  @Test
  void scrapingWithPrometheusDisabledFails() {
    MetricsSettings settings = new MetricsSettings(false, "Tributary", MetricsSettings.DEFAULT_STEP, "us-east-1",
        Optional.empty(), Set.of(), false);
    try (MetricsRegistries registries = MetricsRegistries.create(settings)) {
      assertThat(registries.prometheusEnabled()).isFalse();
      assertThatThrownBy(registries::scrape).isInstanceOf(IllegalStateException.class)
          .hasMessage("Cannot scrape metrics: Prometheus is not enabled");
    }
  }
}
