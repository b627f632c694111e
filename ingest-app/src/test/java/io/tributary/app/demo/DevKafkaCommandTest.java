package io.tributary.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code tributary dev-kafka}: a broker that stays up, at the address it prints, with the topics asked for. */
class DevKafkaCommandTest {

  @Test
  void theBrokerAnswersAtThePrintedAddressUntilStopped() throws Exception {
    DevKafkaCommand command = new DevKafkaCommand();
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    AtomicInteger status = new AtomicInteger(-1);
    Thread running = new Thread(() -> status.set(cli.execute("--topics", "orders,payments", "--partitions", "3")));
    running.start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (!out.toString().contains("Ctrl-C") && running.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      Matcher address = Pattern.compile("export KAFKA_BOOTSTRAP=(\\S+)").matcher(out.toString());
      assertThat(address.find()).as(out.toString()).isTrue();
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", address.group(1)))) {
        assertThat(admin.listTopics().names().get()).contains("orders", "payments");
        assertThat(admin.describeTopics(java.util.List.of("orders")).allTopicNames().get().get("orders")
            .partitions()).hasSize(3);
      }
      assertThat(running.isAlive()).isTrue();
    } finally {
      command.stop.countDown();
      running.join(Duration.ofSeconds(60).toMillis());
    }
    assertThat(status.get()).isZero();
    assertThat(out.toString()).contains("Stopping the broker.");
  }
}
