package io.tributary.deploy.monitoring;

import static io.tributary.deploy.Templates.at;
import static io.tributary.deploy.Templates.render;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.deploy.Templates;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/**
 * Guards the alarms: each watches a metric the engine really publishes (names and dimensions as micrometer's
 * CloudWatch registry writes them), with the threshold the settings give, and notifies the SNS topic; the topic is
 * encrypted and TLS-only; a dashboard exists.
 */
class MonitoringTemplateTest {

  private final Template msk = Templates.example("msk");

  @Test
  void everyAlarmNotifiesTheTopic() {
    List<Map<String, Object>> alarms = Templates.properties(msk, "AWS::CloudWatch::Alarm");
    assertThat(alarms).filteredOn(a -> isOwn(a)).hasSize(8).allSatisfy(a -> {
      assertThat(render(at(a, "AlarmActions", 0))).matches("\\$\\{MonitoringAlarmTopic[0-9A-F]{8}}");
      assertThat(render(at(a, "OKActions", 0))).matches("\\$\\{MonitoringAlarmTopic[0-9A-F]{8}}");
    });
    Map<String, Object> topic = Templates.only(msk, "AWS::SNS::Topic");
    assertThat(render(topic.get("KmsMasterKeyId"))).matches("\\$\\{LakeKey[0-9A-F]{8}\\.Arn}");
    assertThat(Templates.only(msk, "AWS::SNS::TopicPolicy").toString()).contains("aws:SecureTransport");
    assertThat(Templates.properties(msk, "AWS::CloudWatch::Dashboard")).hasSize(1);
  }

  @Test
  void errorRecordsAlarmOnTheErrorOutcome() {
    Map<String, Object> alarm = alarm("tributary.received.records.count", Map.of("outcome", "error"));
    assertThat(alarm.get("Threshold")).isEqualTo(100);
    assertThat(alarm.get("Statistic")).isEqualTo("Sum");
    assertThat(alarm.get("ComparisonOperator")).isEqualTo("GreaterThanThreshold");
  }

  @Test
  void eachDatasetAlarmsBeyondItsFreshnessSla() {
    assertThat(alarm("tributary.latency.max", Map.of("dataset", "orders")).get("Threshold")).isEqualTo(900_000);
    assertThat(alarm("tributary.latency.max", Map.of("dataset", "payments")).get("Threshold")).isEqualTo(600_000);
    assertThat(alarm("tributary.latency.max", Map.of("dataset", "users")).get("Threshold")).isEqualTo(7_200_000);
    // The oldest buffered record: the longest SLA (users, 2h), in seconds.
    assertThat(alarm("tributary.freshness.value", Map.of()).get("Threshold")).isEqualTo(7200);
  }

  @Test
  void lagAlarmsAtItsThresholdOnTheSourcesMetric() {
    Map<String, Object> lag = alarm("tributary.source.lag.records.value", Map.of());
    assertThat(((Number) lag.get("Threshold")).doubleValue()).isEqualTo(100_000); // 5 x the 20,000 target
    assertThat(lag.get("EvaluationPeriods")).isEqualTo(3);
    Template kinesis = Templates.example("kinesis");
    assertThat(find(kinesis, "tributary.source.lag.value", Map.of())).isPresent();
    assertThat(find(kinesis, "tributary.source.lag.records.value", Map.of())).isEmpty();
  }

  @Test
  void noDataAlarmsWhenNothingCommitsAndWhenNothingIsPublished() {
    Map<String, Object> noData = alarm("tributary.written.files.count", Map.of("kind", "data"));
    assertThat(noData.get("ComparisonOperator")).isEqualTo("LessThanThreshold");
    assertThat(noData.get("TreatMissingData")).isEqualTo("breaching");
    assertThat(((Number) noData.get("EvaluationPeriods")).intValue() * ((Number) noData.get("Period")).intValue())
        .isEqualTo(3600);
    Map<String, Object> orders = alarm("tributary.written.records.count", Map.of("dataset", "orders"));
    assertThat(((Number) orders.get("EvaluationPeriods")).intValue() * ((Number) orders.get("Period")).intValue())
        .isEqualTo(1800);
    assertThat(find(msk, "tributary.written.records.count", Map.of("dataset", "payments"))).isEmpty();
  }

  @Test
  void theEngineIsConfiguredToPublishEveryDimensionTheAlarmsUse() {
    String yaml = Templates.only(msk, "AWS::SSM::Parameter").get("Value").toString();
    for (Map<String, Object> alarm : Templates.properties(msk, "AWS::CloudWatch::Alarm")) {
      if (!isOwn(alarm)) {
        continue;
      }
      assertThat(alarm.get("Namespace")).isEqualTo("Tributary/orders-prod");
      List<Map<String, Object>> dimensions = Optional.ofNullable(
          (List<Map<String, Object>>) alarm.get("Dimensions")).orElse(List.of());
      for (Map<String, Object> dimension : dimensions) {
        assertThat(EngineMetrics.DIMENSIONS).contains(dimension.get("Name").toString());
      }
    }
    assertThat(yaml).contains("dimensions:").contains("- dataset").contains("- outcome").contains("- kind");
  }

  /** Alarms of the Monitoring construct (target tracking makes its own, without our namespace). */
  private static boolean isOwn(Map<String, Object> alarm) {
    return "Tributary/orders-prod".equals(alarm.get("Namespace"));
  }

  private Map<String, Object> alarm(String metric, Map<String, String> dimensions) {
    return find(msk, metric, dimensions).orElseThrow(() -> new AssertionError("no alarm on " + metric + " "
        + dimensions));
  }

  @SuppressWarnings("unchecked")
  private static Optional<Map<String, Object>> find(Template template, String metric, Map<String, String> dimensions) {
    return Templates.properties(template, "AWS::CloudWatch::Alarm").stream()
        .filter(a -> metric.equals(a.get("MetricName")))
        .filter(a -> {
          List<Map<String, Object>> ds = Optional.ofNullable((List<Map<String, Object>>) a.get("Dimensions"))
              .orElse(List.of());
          return ds.size() == dimensions.size() && ds.stream().allMatch(d ->
              dimensions.getOrDefault(d.get("Name").toString(), "").equals(d.get("Value")));
        })
        .findFirst();
  }
}
