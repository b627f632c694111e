package io.tributary.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.app.config.ConfigLoader;
import io.tributary.app.config.ServiceConfig;
import io.tributary.app.metrics.MetricsRegistries;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readiness names what keeps the service from starting, in the words an operator acts on. */
class ReadinessTest {

  @Test
  void brokersThatDoNotListenAreNamedInTheReadinessReason(@TempDir Path lake) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ServiceConfig config = ServiceConfig.of(ConfigLoader.standard().parse(String.join("\n",
        "kafka:",
        "  bootstrap-servers: localhost:" + port,
        "  topics: [orders]",
        "store:",
        "  type: local",
        "  path: \"" + lake + "\"",
        "http:",
        "  port: 0",
        ""), "test"));
    Service service = Service.start(config, MetricsRegistries.create(config.metricsSettings()));
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (service.notReady().startsWith("source ") && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(service.notReady()).isEqualTo("brokers unreachable at localhost:" + port);
    } finally {
      assertThat(service.drain(Duration.ofSeconds(10))).isTrue();
    }
  }
}
